/**
 * Calendar sync: one user's accounts (`syncUser`) or the whole tenant's (`syncTenant`), the official
 * SDK's names.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { CalendarSyncGroup } from "../contract/CalendarSyncGroup.js"
import type { CalendarSyncStarted, TenantCalendarSyncStarted } from "../models/CalendarSync.js"

/**
 * The sync methods.
 *
 * @since 0.1.0
 */
export interface CalendarSync {
  /** Syncs the user's sync-enabled calendar accounts. */
  readonly syncUser: (userId: string) => Effect.Effect<CalendarSyncStarted, CrmError>
  /** Syncs every sync-enabled calendar account of the tenant. */
  readonly syncTenant: () => Effect.Effect<TenantCalendarSyncStarted, CrmError>
}

const UserPath = Schema.Struct({ userId: Fields.ResourceId })

/**
 * Calendar sync as an Effect service (`CalendarSync`).
 *
 * @example
 * ```ts
 * import { CalendarSyncService } from "@blocks-crm/calendar"
 * import { Effect } from "effect"
 *
 * const sync = (userId: string) => Effect.flatMap(CalendarSyncService, (calendar) => calendar.syncUser(userId))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class CalendarSyncService extends Effect.Service<CalendarSyncService>()(
  "@blocks-crm/calendar/CalendarSyncService",
  {
    effect: Effect.map(ApiClient.group(CalendarSyncGroup), (api): CalendarSync => {
      const checkUser = ApiClient.validate(UserPath, "calendarSync.syncUser")
      return {
        syncUser: (userId: string) => Effect.flatMap(checkUser({ userId }), (path) => api.syncUser({ path })),
        syncTenant: () => api.syncTenant({})
      }
    })
  }
) {}
