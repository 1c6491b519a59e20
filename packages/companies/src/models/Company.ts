/**
 * Company: the example resource the domain generator wrote. Replace its attributes with the ones
 * the reference documents for the real resource, and note each assumption on its field.
 *
 * @since 0.1.0
 */
import { Fields, JsonApi } from "@blocks-crm/core-http"
import type { Pagination } from "@blocks-crm/core-http"
import * as Schema from "effect/Schema"

/**
 * A company as the API returns it. The encoded side is the snake_case wire, the type side the
 * camelCase model; optional attributes are absent when the API leaves them out or sends `null`.
 *
 * @since 0.1.0
 */
export const Company = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Schema.String,
  ownerEmail: Fields.optionalRenamed(Schema.String, "owner_email"),
  notes: Fields.optional(Schema.String),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at")
}).annotations({ identifier: "Company" })
/** @since 0.1.0 */
export interface Company extends Schema.Schema.Type<typeof Company> {}

/**
 * What the API echoes after an update: the id and the attributes it chose to send back. Nothing
 * absent is filled in.
 *
 * @since 0.1.0
 */
export const UpdatedCompany = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Fields.optional(Schema.String),
  ownerEmail: Fields.optionalRenamed(Schema.String, "owner_email"),
  notes: Fields.optional(Schema.String),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at")
}).annotations({ identifier: "UpdatedCompany" })
/** @since 0.1.0 */
export interface UpdatedCompany extends Schema.Schema.Type<typeof UpdatedCompany> {}

/** The JSON:API resource `{ id, type: "company", attributes }`. @since 0.1.0 */
export const CompanyResource = JsonApi.resource("company", Company, { id: (company) => company.uniqueId })
/** @since 0.1.0 */
export const UpdatedCompanyResource = JsonApi.resource("company", UpdatedCompany, {
  id: (company) => company.uniqueId
})

/**
 * `POST /companies/` body (sent as `{ "company": {...} }`), validated before it is sent.
 *
 * @since 0.1.0
 */
export const CreateCompanyRequest = Schema.Struct({
  name: Fields.NonBlankString,
  ownerEmail: Fields.optionalInput(Fields.EmailAddress).pipe(Schema.fromKey("owner_email")),
  notes: Fields.optionalInput(Schema.String)
}).annotations({ identifier: "CreateCompanyRequest" })
/** @since 0.1.0 */
export interface CreateCompanyRequest extends Schema.Schema.Type<typeof CreateCompanyRequest> {}

/**
 * `PUT /companies/:unique_id/` body: any of the attributes, at least one.
 *
 * @since 0.1.0
 */
export const UpdateCompanyRequest = Schema.Struct({
  ...CreateCompanyRequest.fields,
  name: Fields.optionalInput(Fields.NonBlankString)
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateCompanyRequest" })
/** @since 0.1.0 */
export interface UpdateCompanyRequest extends Schema.Schema.Type<typeof UpdateCompanyRequest> {}

/**
 * `page` (from 1) and `records` (page size).
 *
 * @since 0.1.0
 */
export type ListCompaniesParams = Pagination.PageParams
