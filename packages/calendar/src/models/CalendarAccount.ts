/**
 * Calendar accounts: a user's connection to Google, Outlook or Apple calendars (crm-calendar-sync.md,
 * "Calendar Account Endpoints"; the reference wins where the official SDK differs, official-fields.md).
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"

/**
 * The calendar providers the API connects to.
 *
 * @since 0.1.0
 */
export const CalendarProvider = Schema.Literal("google", "outlook", "apple").annotations({
  identifier: "CalendarProvider",
  description: "google, outlook or apple"
})
/**
 * A calendar provider: google, outlook or apple.
 *
 * @since 0.1.0
 */
export type CalendarProvider = typeof CalendarProvider.Type

/**
 * A calendar account's status (the reference's enum).
 *
 * @since 0.1.0
 */
export const CalendarAccountStatus = Schema.Literal("active", "inactive", "error")
/**
 * A calendar account's status.
 *
 * @since 0.1.0
 */
export type CalendarAccountStatus = typeof CalendarAccountStatus.Type

/**
 * An e-mail address in a request; property tests generate plain ones.
 *
 * @since 0.1.0
 */
export const InputEmail = Fields.EmailAddress.annotations({
  arbitrary: () => (fc) =>
    fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/), fc.constantFrom("gmail.com", "example.com", "me.com"))
      .filter(([local]) => !local.includes(".."))
      .map(([local, domain]) => `${local}@${domain}`)
})

/**
 * A calendar account as the API returns it.
 *
 * @since 0.1.0
 */
export const CalendarAccount = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The account's id" }),
  // Assumed from the official SDK (the reference's examples leave it out): whose account it is.
  userUniqueId: Fields.optionalRenamed(Schema.String, "user_unique_id").annotations({ description: "The user" }),
  provider: Schema.propertySignature(Fields.openEnum(CalendarProvider)).annotations({
    description: "google, outlook or apple"
  }),
  email: Schema.propertySignature(Schema.String).annotations({ description: "The calendar's e-mail" }),
  syncEnabled: Fields.renamed(Schema.Boolean, "sync_enabled").annotations({ description: "Whether it syncs" }),
  // Always sent; null until the first sync (the reference's create answer).
  lastSyncedAt: Fields.renamed(Schema.NullOr(Fields.Timestamp), "last_synced_at").annotations({
    description: "Last successful sync, null before the first"
  }),
  status: Schema.propertySignature(Fields.openEnum(CalendarAccountStatus)).annotations({
    description: "active, inactive or error"
  }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "Connected" }),
  // Assumed from the update answer, which echoes it.
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({ description: "Last changed" })
}).annotations({
  identifier: "CalendarAccount",
  [Contract.TableColumns]: ["uniqueId", "provider", "email", "syncEnabled", "lastSyncedAt", "status"]
})
/** A calendar account as the client sees it. @since 0.1.0 */
export interface CalendarAccount extends Schema.Schema.Type<typeof CalendarAccount> {}

/**
 * What the API echoes after an update: the id and the attributes it chose to send back (the
 * reference's answer has `sync_enabled` and `updated_at`).
 *
 * @since 0.1.0
 */
export const UpdatedCalendarAccount = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  userUniqueId: Fields.optionalRenamed(Schema.String, "user_unique_id"),
  provider: Fields.optional(Fields.openEnum(CalendarProvider)),
  email: Fields.optional(Schema.String),
  syncEnabled: Fields.optionalRenamed(Schema.Boolean, "sync_enabled"),
  lastSyncedAt: Fields.optionalRenamed(Fields.Timestamp, "last_synced_at"),
  status: Fields.optional(Fields.openEnum(CalendarAccountStatus)),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at")
}).annotations({ identifier: "UpdatedCalendarAccount" })
/**
 * A calendar account as an update answers it, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface UpdatedCalendarAccount extends Schema.Schema.Type<typeof UpdatedCalendarAccount> {}

/** The JSON:API resource `{ id, type: "calendar_account", attributes }`. @since 0.1.0 */
export const CalendarAccountResource = JsonApi.resource("calendar_account", CalendarAccount, {
  id: (account) => account.uniqueId
})
/**
 * The JSON:API resource of an updated calendar account, as it travels on the wire.
 *
 * @since 0.1.0
 */
export const UpdatedCalendarAccountResource = JsonApi.resource("calendar_account", UpdatedCalendarAccount, {
  id: (account) => account.uniqueId
})

/**
 * `POST /users/:user_unique_id/calendar_accounts` body (sent as `{ "calendar_account": {...} }`).
 *
 * @since 0.1.0
 */
export const CreateCalendarAccountRequest = Schema.Struct({
  provider: Schema.propertySignature(CalendarProvider).annotations({ description: "google, outlook or apple" }),
  email: Schema.propertySignature(InputEmail).annotations({ description: "The calendar's e-mail" }),
  syncEnabled: Fields.optionalInput(Schema.Boolean).pipe(Schema.fromKey("sync_enabled")).annotations({
    description: "Sync it (default true)"
  })
}).annotations({ identifier: "CreateCalendarAccountRequest" })
/**
 * A new calendar account, as the client takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface CreateCalendarAccountRequest extends Schema.Schema.Type<typeof CreateCalendarAccountRequest> {}

/**
 * `PUT /users/:user_unique_id/calendar_accounts/:id` body (sent as `{ "calendar_account": {...} }`):
 * the reference updates `sync_enabled` only.
 *
 * @since 0.1.0
 */
export const UpdateCalendarAccountRequest = Schema.Struct({
  syncEnabled: Schema.propertySignature(Schema.Boolean).pipe(Schema.fromKey("sync_enabled")).annotations({
    description: "Sync it or not"
  })
}).annotations({ identifier: "UpdateCalendarAccountRequest" })
/**
 * The attributes of a calendar account to change, as the client takes them (camelCase).
 *
 * @since 0.1.0
 */
export interface UpdateCalendarAccountRequest extends Schema.Schema.Type<typeof UpdateCalendarAccountRequest> {}

/**
 * `GET /users/:user_unique_id/calendar_accounts`'s URL parameters (the listing is answered whole):
 * `status`, `sort` and the official SDK's `provider` and `sync_enabled` filters.
 *
 * @since 0.3.0
 */
export const CalendarAccountListUrlParams = Pagination.listUrlParams(CalendarAccount, {
  paged: false,
  status: CalendarAccountStatus,
  sort: ["email", "lastSyncedAt", "createdAt"],
  filters: {
    provider: CalendarProvider.annotations({ description: "Only accounts of this provider" }),
    syncEnabled: Schema.BooleanFromString.annotations({ description: "Only accounts that sync (true) or not (false)" })
  }
})

/**
 * What `CalendarAccountsService.list` takes: `status`, `sort`, `provider` and `syncEnabled`.
 *
 * @since 0.3.0
 */
export type ListCalendarAccountsParams = Pagination.ListParamsOf<typeof CalendarAccountListUrlParams>
