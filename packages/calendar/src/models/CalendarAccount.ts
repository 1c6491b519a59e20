/**
 * CalendarAccount: the example resource the domain generator wrote. Replace its attributes with the ones
 * the reference documents for the real resource, and note each assumption on its field.
 *
 * @since 0.1.0
 */
import { Fields, JsonApi } from "@blocks-crm/core-http"
import type { Pagination } from "@blocks-crm/core-http"
import * as Schema from "effect/Schema"

/**
 * A calendar account as the API returns it. The encoded side is the snake_case wire, the type side the
 * camelCase model; optional attributes are absent when the API leaves them out or sends `null`.
 *
 * @since 0.1.0
 */
export const CalendarAccount = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Schema.String,
  ownerEmail: Fields.optionalRenamed(Schema.String, "owner_email"),
  notes: Fields.optional(Schema.String),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at")
}).annotations({ identifier: "CalendarAccount" })
/** @since 0.1.0 */
export interface CalendarAccount extends Schema.Schema.Type<typeof CalendarAccount> {}

/**
 * What the API echoes after an update: the id and the attributes it chose to send back. Nothing
 * absent is filled in.
 *
 * @since 0.1.0
 */
export const UpdatedCalendarAccount = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Fields.optional(Schema.String),
  ownerEmail: Fields.optionalRenamed(Schema.String, "owner_email"),
  notes: Fields.optional(Schema.String),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at")
}).annotations({ identifier: "UpdatedCalendarAccount" })
/** @since 0.1.0 */
export interface UpdatedCalendarAccount extends Schema.Schema.Type<typeof UpdatedCalendarAccount> {}

/** The JSON:API resource `{ id, type: "calendar_account", attributes }`. @since 0.1.0 */
export const CalendarAccountResource = JsonApi.resource("calendar_account", CalendarAccount, { id: (calendarAccount) => calendarAccount.uniqueId })
/** @since 0.1.0 */
export const UpdatedCalendarAccountResource = JsonApi.resource("calendar_account", UpdatedCalendarAccount, {
  id: (calendarAccount) => calendarAccount.uniqueId
})

/**
 * `POST /calendar-accounts/` body (sent as `{ "calendar_account": {...} }`), validated before it is sent.
 *
 * @since 0.1.0
 */
export const CreateCalendarAccountRequest = Schema.Struct({
  name: Fields.NonBlankString,
  ownerEmail: Fields.optionalInput(Fields.EmailAddress).pipe(Schema.fromKey("owner_email")),
  notes: Fields.optionalInput(Schema.String)
}).annotations({ identifier: "CreateCalendarAccountRequest" })
/** @since 0.1.0 */
export interface CreateCalendarAccountRequest extends Schema.Schema.Type<typeof CreateCalendarAccountRequest> {}

/**
 * `PUT /calendar-accounts/:unique_id/` body: any of the attributes, at least one.
 *
 * @since 0.1.0
 */
export const UpdateCalendarAccountRequest = Schema.Struct({
  ...CreateCalendarAccountRequest.fields,
  name: Fields.optionalInput(Fields.NonBlankString)
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateCalendarAccountRequest" })
/** @since 0.1.0 */
export interface UpdateCalendarAccountRequest extends Schema.Schema.Type<typeof UpdateCalendarAccountRequest> {}

/**
 * `page` (from 1) and `records` (page size).
 *
 * @since 0.1.0
 */
export type ListCalendarAccountsParams = Pagination.PageParams
