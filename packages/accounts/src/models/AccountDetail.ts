/**
 * An account's details: one record per account, added with `POST /accounts/:unique_id/details` and
 * changed with `PUT` (crm-block.md). The reference shows no body; the official SDK has only a mapper
 * (official-fields.md, "Account detail": the account's attributes plus `account_unique_id`), so the
 * attributes here are those of the mapper that an account does not already hold elsewhere.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Schema from "effect/Schema"
import { Payload } from "./Payload.js"

/**
 * An account's details as the API returns them.
 *
 * @since 0.1.0
 */
export const AccountDetail = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The details' id" }),
  // The official mapper's link to the account.
  accountUniqueId: Fields.renamed(Schema.String, "account_unique_id").annotations({ description: "The account" }),
  // From the official mapper (the account's attributes).
  label: Fields.optional(Schema.String).annotations({ description: "A display label" }),
  // From the official mapper.
  preferredDomain: Fields.optionalRenamed(Schema.String, "preferred_domain").annotations({
    description: "Preferred domain"
  }),
  // From the official mapper.
  preferredLanguage: Fields.optionalRenamed(Schema.String, "preferred_language").annotations({
    description: "Preferred language"
  }),
  // From the official mapper: free-form data.
  payload: Fields.optional(Payload).annotations({ description: "Free-form data" }),
  // From the official mapper.
  tags: Fields.optional(Schema.Array(Schema.String)).annotations({ description: "Tags" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When they were added" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When they last changed"
  })
}).annotations({
  identifier: "AccountDetail",
  [Contract.TableColumns]: ["uniqueId", "accountUniqueId", "label", "preferredDomain", "preferredLanguage", "updatedAt"]
})
/**
 * An account's details as the client sees them.
 *
 * @since 0.1.0
 */
export interface AccountDetail extends Schema.Schema.Type<typeof AccountDetail> {}

/**
 * The JSON:API resource `{ id, type: "account_detail", attributes }` (the official mapper's label).
 *
 * @since 0.1.0
 */
export const AccountDetailResource = JsonApi.resource("account_detail", AccountDetail, {
  id: (detail) => detail.uniqueId
})

/**
 * `POST` and `PUT /accounts/:unique_id/details` body (sent as `{ "detail": {...} }`, an assumption):
 * any of the attributes, at least one.
 *
 * @since 0.1.0
 */
export const AccountDetailRequest = Schema.Struct({
  label: Fields.optionalInput(Schema.String).annotations({ description: "A display label" }),
  preferredDomain: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("preferred_domain")).annotations({
    description: "Preferred domain"
  }),
  preferredLanguage: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("preferred_language")).annotations({
    description: "Preferred language"
  }),
  payload: Fields.optionalInput(Payload).annotations({ description: "Free-form data (a JSON object)" }),
  tags: Fields.optionalInput(Schema.Array(Schema.String)).annotations({ description: "Tags (a JSON array)" })
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "AccountDetailRequest" })
/**
 * The details to add or change, as `AccountDetailsService.create` and `update` take them.
 *
 * @since 0.1.0
 */
export interface AccountDetailRequest extends Schema.Schema.Type<typeof AccountDetailRequest> {}
