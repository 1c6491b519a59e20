/**
 * Billing: the example resource the domain generator wrote. Replace its attributes with the ones
 * the reference documents for the real resource, and note each assumption on its field.
 *
 * @since 0.1.0
 */
import { Fields, JsonApi } from "@blocks-crm/core-http"
import type { Pagination } from "@blocks-crm/core-http"
import * as Schema from "effect/Schema"

/**
 * A billing as the API returns it. The encoded side is the snake_case wire, the type side the
 * camelCase model; optional attributes are absent when the API leaves them out or sends `null`.
 *
 * @since 0.1.0
 */
export const Billing = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Schema.String,
  ownerEmail: Fields.optionalRenamed(Schema.String, "owner_email"),
  notes: Fields.optional(Schema.String),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at")
}).annotations({ identifier: "Billing" })
/** @since 0.1.0 */
export interface Billing extends Schema.Schema.Type<typeof Billing> {}

/**
 * What the API echoes after an update: the id and the attributes it chose to send back. Nothing
 * absent is filled in.
 *
 * @since 0.1.0
 */
export const UpdatedBilling = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Fields.optional(Schema.String),
  ownerEmail: Fields.optionalRenamed(Schema.String, "owner_email"),
  notes: Fields.optional(Schema.String),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at")
}).annotations({ identifier: "UpdatedBilling" })
/** @since 0.1.0 */
export interface UpdatedBilling extends Schema.Schema.Type<typeof UpdatedBilling> {}

/** The JSON:API resource `{ id, type: "billing", attributes }`. @since 0.1.0 */
export const BillingResource = JsonApi.resource("billing", Billing, { id: (billing) => billing.uniqueId })
/** @since 0.1.0 */
export const UpdatedBillingResource = JsonApi.resource("billing", UpdatedBilling, {
  id: (billing) => billing.uniqueId
})

/**
 * `POST /billings/` body (sent as `{ "billing": {...} }`), validated before it is sent.
 *
 * @since 0.1.0
 */
export const CreateBillingRequest = Schema.Struct({
  name: Fields.NonBlankString,
  ownerEmail: Fields.optionalInput(Fields.EmailAddress).pipe(Schema.fromKey("owner_email")),
  notes: Fields.optionalInput(Schema.String)
}).annotations({ identifier: "CreateBillingRequest" })
/** @since 0.1.0 */
export interface CreateBillingRequest extends Schema.Schema.Type<typeof CreateBillingRequest> {}

/**
 * `PUT /billings/:unique_id/` body: any of the attributes, at least one.
 *
 * @since 0.1.0
 */
export const UpdateBillingRequest = Schema.Struct({
  ...CreateBillingRequest.fields,
  name: Fields.optionalInput(Fields.NonBlankString)
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateBillingRequest" })
/** @since 0.1.0 */
export interface UpdateBillingRequest extends Schema.Schema.Type<typeof UpdateBillingRequest> {}

/**
 * `page` (from 1) and `records` (page size).
 *
 * @since 0.1.0
 */
export type ListBillingsParams = Pagination.PageParams
