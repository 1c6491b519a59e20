// Only CalendarSyncService (the calendar domain's smallest service), per-module entries, calling syncUser.
import type { CalendarSyncStarted } from "@blocks-crm/calendar"
import { CalendarSyncService } from "@blocks-crm/calendar/CalendarSyncService"
import type { CrmOptions } from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as Effect from "effect/Effect"

export const run = (options: CrmOptions): Promise<CalendarSyncStarted> =>
  Effect.runPromise(
    Effect.flatMap(CalendarSyncService, (service) => service.syncUser("user-1")).pipe(
      Effect.provide(CalendarSyncService.Default),
      Effect.provide(CrmTransport.layerFetch(options))
    )
  )
