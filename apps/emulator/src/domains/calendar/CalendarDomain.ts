/**
 * The calendar domain as the emulator serves it.
 */
import { CalendarApi } from "@blocks-crm/calendar"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import { CalendarAccountsHandlers } from "./CalendarAccountsHandlers.js"

export const CalendarDomain = EmulatorDomain.make("calendar", CalendarApi, CalendarAccountsHandlers)
