/**
 * The calendar domain as the emulator serves it.
 */
import { CalendarApi } from "@blocks-crm/calendar"
import * as Layer from "effect/Layer"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import { BusyBlocksHandlers } from "./BusyBlocksHandlers.js"
import { CalcomWebhookHandlers } from "./CalcomWebhookHandlers.js"
import { CalendarAccountsHandlers } from "./CalendarAccountsHandlers.js"
import { CalendarSyncHandlers } from "./CalendarSyncHandlers.js"
import { IcsFeedHandlers } from "./IcsFeedHandlers.js"
import { IcsTokensHandlers } from "./IcsTokensHandlers.js"
import { SyncJobs } from "./SyncJobs.js"

/** The calendar domain as the emulator serves it: its contract and its handlers. */
export const CalendarDomain = EmulatorDomain.make(
  "calendar",
  CalendarApi,
  Layer.mergeAll(
    CalendarAccountsHandlers,
    CalendarSyncHandlers,
    BusyBlocksHandlers,
    IcsTokensHandlers,
    IcsFeedHandlers,
    CalcomWebhookHandlers
  ).pipe(Layer.provide(SyncJobs.layer))
)
