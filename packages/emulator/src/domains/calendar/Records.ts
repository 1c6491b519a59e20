/**
 * The calendar domain's collections, declared once so every handler group agrees on them (each record
 * kept under its user, `parentId`, so another user's id is not found), the 422 in the reference's
 * format, and how the two public routes find their tenant without credentials.
 */
import {
  BusyBlock,
  BusyBlockListUrlParams,
  CalendarAccount,
  CalendarAccountListUrlParams,
  CalendarSyncStatus,
  IcsToken,
  IcsTokenListUrlParams
} from "@blocks-crm/calendar"
import { Contract } from "@blocks-crm/core-http"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as SqlClient from "@effect/sql/SqlClient"
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { Credentials, tenantIdOf } from "../../Credentials.js"
import { RecordStore } from "../../RecordStore.js"
import { Directory } from "../../Directory.js"
import { resource } from "../Resources.js"
import { ProviderCalendar } from "./ProviderCalendars.js"

/**
 * A calendar sync job as the emulator keeps it: its id (the answer's `sync_id`), whose (a user's, or
 * none for the tenant's), its status, when it started and finished, and what it did.
 */
export const SyncJob = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  userUniqueId: Fields.optionalRenamed(Schema.String, "user_unique_id"),
  status: CalendarSyncStatus,
  startedAt: Fields.renamed(Fields.Timestamp, "started_at"),
  finishedAt: Fields.optionalRenamed(Fields.Timestamp, "finished_at"),
  accountsCount: Fields.renamed(Schema.Int, "accounts_count"),
  importedEvents: Fields.renamed(Schema.Int, "imported_events"),
  failedAccounts: Fields.renamed(Schema.Int, "failed_accounts")
}).annotations({ identifier: "CalendarSyncJob" })
/** A calendar sync job as the emulator keeps it. */
export interface SyncJob extends Schema.Schema.Type<typeof SyncJob> {}

/** The calendar domain's collections over the record store. */
export const calendarRecords = (store: Context.Tag.Service<typeof RecordStore>) => ({
  accounts: resource(
    store.collection("calendar_accounts", CalendarAccount, {
      idOf: (account) => account.uniqueId,
      searchText: (account) => `${account.provider} ${account.email}`,
      parent: { collection: "users", attribute: "user_unique_id" }
    }),
    "Calendar Account",
    { listParams: CalendarAccountListUrlParams }
  ),
  busyBlocks: resource(
    store.collection("busy_blocks", BusyBlock, {
      idOf: (block) => block.uniqueId,
      searchText: (b) => b.title ?? "",
      parent: { collection: "users", attribute: "user_unique_id" }
    }),
    "Busy Block",
    { listParams: BusyBlockListUrlParams }
  ),
  /** The provider stand-in's calendars, by the account's e-mail (fixtures: `provider_calendars`). */
  providerCalendars: resource(
    store.collection("provider_calendars", ProviderCalendar, {
      idOf: (calendar) => calendar.uniqueId,
      searchText: (calendar) => calendar.email
    }),
    "Provider Calendar"
  ),
  /** The sync jobs (the API has no endpoint to read them: kept for the record, and a `--db` file's reader). */
  syncs: resource(store.collection("calendar_syncs", SyncJob, { idOf: (job) => job.uniqueId }), "Calendar Sync"),
  // The token is stored as the reference lists it (the list answers it again); the feed finds it by value.
  icsTokens: resource(
    store.collection("ics_tokens", IcsToken, {
      idOf: (token) => token.uniqueId,
      searchText: (t) => t.label ?? "",
      parent: { collection: "users", attribute: "user_unique_id" }
    }),
    "ICS Token",
    { listParams: IcsTokenListUrlParams }
  )
})

/** The calendar domain's collections, opened over the emulator's record store. */
export const openCalendar = Effect.map(RecordStore, calendarRecords)

/** Runs `effect` as a call of `tenantId`, so the tenant-scoped collections answer for it. */
export const asTenant = (tenantId: string) => <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.provideService(effect, Contract.CallerApp, { tenantId })

/** The live ICS token with this secret, in any tenant: where the public feed is. */
export const findIcsToken = (secret: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      Effect.orDie(sql<{ readonly tenant_id: string; readonly parent_id: string | null; readonly unique_id: string }>`
        SELECT tenant_id, parent_id, unique_id FROM records
        WHERE collection = 'ics_tokens' AND deleted_at IS NULL AND json_extract(data, '$.token') = ${secret}`),
      ([row]) =>
        row === undefined || row.parent_id === null
          ? undefined
          : { tenantId: row.tenant_id, userId: row.parent_id, tokenId: row.unique_id }
    ))

/**
 * The tenants that have a company with this url id: every seeded tenant for the seeded company (created
 * on first use), and those whose companies domain stored one. In the real API a url id names one
 * company; here every tenant has `my-company`, so a caller may have to say which (see the webhook).
 */
export const tenantsWithCompany = (urlId: string) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const credentials = yield* Credentials
    const { seededCompany } = (yield* Directory).companySettings
    const seeded = seededCompany.urlId === urlId ? credentials.seeds.apiKeys.map(tenantIdOf) : []
    const stored = yield* Effect.orDie(sql<{ readonly tenant_id: string }>`
      SELECT DISTINCT tenant_id FROM records
      WHERE collection = 'companies' AND unique_id = ${urlId} AND deleted_at IS NULL ORDER BY tenant_id`)
    return [...new Set([...seeded, ...stored.map((row) => row.tenant_id)])]
  })
