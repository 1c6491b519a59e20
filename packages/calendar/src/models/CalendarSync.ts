/**
 * The answers of `POST /users/:user_unique_id/calendar/sync` and `POST /calendar/sync`, as the reference
 * writes them: `{ "message": ..., "data": { "sync_id", "status", "started_at" } }`, plus
 * `accounts_count` for the tenant's sync. Not JSON:API: the official SDK's `synced_events` etc. are
 * not what the reference sends.
 *
 * @since 0.1.0
 */
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Schema from "effect/Schema"

const syncFields = {
  syncId: Fields.renamed(Schema.String, "sync_id").annotations({ description: "The sync's id" }),
  // The reference shows "in_progress" only; any status the API reports is kept as it is.
  status: Schema.propertySignature(Schema.String).annotations({ description: "in_progress, ..." }),
  startedAt: Fields.renamed(Fields.Timestamp, "started_at").annotations({ description: "When it started" })
}

/**
 * A user's sync, started.
 *
 * @since 0.1.0
 */
export const CalendarSyncStarted = Schema.Struct({
  message: Schema.String,
  data: Schema.Struct(syncFields)
}).annotations({ identifier: "CalendarSyncStarted" })
/**
 * A user's sync as it started, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface CalendarSyncStarted extends Schema.Schema.Type<typeof CalendarSyncStarted> {}

/**
 * The tenant's sync, started: how many sync-enabled accounts it covers.
 *
 * @since 0.1.0
 */
export const TenantCalendarSyncStarted = Schema.Struct({
  message: Schema.String,
  data: Schema.Struct({
    ...syncFields,
    accountsCount: Fields.renamed(Schema.Int.pipe(Schema.nonNegative()), "accounts_count").annotations({
      description: "Sync-enabled accounts of the tenant"
    })
  })
}).annotations({ identifier: "TenantCalendarSyncStarted" })
/**
 * The tenant-wide sync as it started, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface TenantCalendarSyncStarted extends Schema.Schema.Type<typeof TenantCalendarSyncStarted> {}

/**
 * What a sync answers, under the name the reference gives both `syncUser` and `syncTenant`
 * (crm-calendar-sync.md): a user's sync, or the tenant's, whose `data` also counts its accounts
 * (`"accountsCount" in result.data` tells them apart).
 *
 * @since 0.1.0
 */
export type CalendarSyncResult = CalendarSyncStarted | TenantCalendarSyncStarted
