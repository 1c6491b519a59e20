/**
 * The scheduling domain as the emulator serves it.
 */
import { SchedulingApi } from "@blocks-crm/scheduling"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import { MeetingsHandlers } from "./MeetingsHandlers.js"

export const SchedulingDomain = EmulatorDomain.make("scheduling", SchedulingApi, MeetingsHandlers)
