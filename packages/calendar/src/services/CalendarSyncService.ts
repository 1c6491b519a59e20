/**
 * Calendar sync: one user's accounts (`syncUser`) or the whole tenant's (`syncTenant`), the official
 * SDK's names.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
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
    effect: Effect.map(ApiClient.group(CalendarSyncGroup), (api): CalendarSync => ({
      syncUser: (userId) => api.syncUser({ path: { userId } }),
      syncTenant: () => api.syncTenant({})
    }))
  }
) {}
