/**
 * The answers of `POST /users/:user_unique_id/calendar/sync` and `POST /calendar/sync`, as the reference
 * writes them: `{ "message": ..., "data": { "sync_id", "status", "started_at" } }`, plus
 * `accounts_count` for the tenant's sync. Not JSON:API: the official SDK's `synced_events` etc. are
 * not what the reference sends.
 *
 * A sync is a job that runs after the answer: the API has no endpoint to read a job (neither the
 * reference nor the official SDK has one), so its progress shows on the accounts it syncs: each one's
 * `last_synced_at` moves when its events are imported, and its `status` is `error` when its provider
 * refused (`CalendarAccountsService.list`).
 *
 * @since 0.1.0
 */
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Schema from "effect/Schema"

/**
 * Where a sync job is: `initiated` (accepted), `in_progress` (importing the accounts' events),
 * `completed`, or `failed` (a provider refused at least one account, whose status is then `error`).
 * The reference's answer shows `in_progress`; a status this SDK does not know is kept as sent.
 *
 * @since 0.2.0
 */
export const CalendarSyncStatus = Schema.Literal("initiated", "in_progress", "completed", "failed")
/**
 * A sync job's status, one of the values this SDK knows (`Fields.Open<CalendarSyncStatus>` on answers).
 *
 * @since 0.2.0
 */
export type CalendarSyncStatus = typeof CalendarSyncStatus.Type

const syncFields = {
  syncId: Fields.renamed(Schema.String, "sync_id").annotations({ description: "The sync's id" }),
  status: Schema.propertySignature(Fields.openEnum(CalendarSyncStatus)).annotations({
    description: "initiated, in_progress, completed or failed"
  }),
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
