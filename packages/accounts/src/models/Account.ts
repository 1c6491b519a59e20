/**
 * Account: the example resource the domain generator wrote. Replace its attributes with the ones
 * the reference documents for the real resource, and note each assumption on its field.
 *
 * @since 0.1.0
 */
import { Fields, JsonApi } from "@blocks-crm/core-http"
import type { Pagination } from "@blocks-crm/core-http"
import * as Schema from "effect/Schema"

/**
 * A account as the API returns it. The encoded side is the snake_case wire, the type side the
 * camelCase model; optional attributes are absent when the API leaves them out or sends `null`.
 *
 * @since 0.1.0
 */
export const Account = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Schema.String,
  ownerEmail: Fields.optionalRenamed(Schema.String, "owner_email"),
  notes: Fields.optional(Schema.String),
  logoUrl: Fields.optionalRenamed(Schema.String, "logo_url"),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at")
}).annotations({ identifier: "Account" })
/** @since 0.1.0 */
export interface Account extends Schema.Schema.Type<typeof Account> {}

/**
 * What the API echoes after an update: the id and the attributes it chose to send back. Nothing
 * absent is filled in.
 *
 * @since 0.1.0
 */
export const UpdatedAccount = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Fields.optional(Schema.String),
  ownerEmail: Fields.optionalRenamed(Schema.String, "owner_email"),
  notes: Fields.optional(Schema.String),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at")
}).annotations({ identifier: "UpdatedAccount" })
/** @since 0.1.0 */
export interface UpdatedAccount extends Schema.Schema.Type<typeof UpdatedAccount> {}

/** The JSON:API resource `{ id, type: "account", attributes }`. @since 0.1.0 */
export const AccountResource = JsonApi.resource("account", Account, { id: (account) => account.uniqueId })
/** @since 0.1.0 */
export const UpdatedAccountResource = JsonApi.resource("account", UpdatedAccount, {
  id: (account) => account.uniqueId
})

/**
 * `POST /accounts/` body (sent as `{ "account": {...} }`), validated before it is sent.
 *
 * @since 0.1.0
 */
export const CreateAccountRequest = Schema.Struct({
  name: Fields.NonBlankString,
  ownerEmail: Fields.optionalInput(Fields.EmailAddress).pipe(Schema.fromKey("owner_email")),
  notes: Fields.optionalInput(Schema.String)
}).annotations({ identifier: "CreateAccountRequest" })
/** @since 0.1.0 */
export interface CreateAccountRequest extends Schema.Schema.Type<typeof CreateAccountRequest> {}

/**
 * `PUT /accounts/:unique_id/` body: any of the attributes, at least one.
 *
 * @since 0.1.0
 */
export const UpdateAccountRequest = Schema.Struct({
  ...CreateAccountRequest.fields,
  name: Fields.optionalInput(Fields.NonBlankString)
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateAccountRequest" })
/** @since 0.1.0 */
export interface UpdateAccountRequest extends Schema.Schema.Type<typeof UpdateAccountRequest> {}

/**
 * `page` (from 1) and `records` (page size).
 *
 * @since 0.1.0
 */
export type ListAccountsParams = Pagination.PageParams
