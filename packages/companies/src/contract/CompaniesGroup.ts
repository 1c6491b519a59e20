/**
 * The company endpoints, declared once: the client is derived from this, the emulator implements it,
 * and the OpenAPI document is generated from it.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import * as Schema from "effect/Schema"
import {
  AccessTokenResource,
  CompanyResource,
  CompanyStorageResource,
  CompanyUrlId,
  CreateCompanyRequest,
  ExchangeKeyRequest,
  ImpersonateRequest
} from "../models/Company.js"

/**
 * 403: valid credentials that may not do this (a token that is not an admin's impersonating). Declared
 * here, with the reference's error body, since only this domain answers it.
 *
 * @since 0.1.0
 */
export class ForbiddenResponse extends Schema.TaggedError<ForbiddenResponse>()("ForbiddenResponse", {
  errors: Schema.Array(JsonApi.ErrorObject)
}) {
  static readonly wire = Schema.transform(JsonApi.ErrorDocument, Schema.typeSchema(ForbiddenResponse), {
    strict: true,
    decode: (doc) => new ForbiddenResponse({ errors: doc.errors }),
    encode: (error) => ({ errors: error.errors })
  }).annotations(HttpApiSchema.annotations({ status: 403, description: "Not allowed", identifier: "Error403" }))
}

const urlId = HttpApiSchema.param("urlId", CompanyUrlId)

/**
 * The JSON:API document of one company, as `GET /companies/:url_id` answers it.
 *
 * @since 0.1.0
 */
export const CompanyDocument = JsonApi.document(CompanyResource)
/**
 * The JSON:API document of an access token, as exchange and impersonate answer it.
 *
 * @since 0.1.0
 */
export const AccessTokenDocument = JsonApi.document(AccessTokenResource)
/**
 * The JSON:API document of a company's storage figures.
 *
 * @since 0.1.0
 */
export const CompanyStorageDocument = JsonApi.document(CompanyStorageResource)

/**
 * `GET /companies/:url_id`, `POST /companies/`, `POST /companies/:url_id/impersonate`,
 * `GET /companies/:url_id/storage` (bearer token and API key), and `POST /companies/:url_id/exchange`,
 * which the API key in its body authenticates: it is how a holder of a key gets a token.
 *
 * @since 0.1.0
 */
export class CompaniesGroup extends HttpApiGroup.make("companies")
  .add(
    HttpApiEndpoint.get("get")`/companies/${urlId}`
      .addSuccess(CompanyDocument)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "A company and its settings")
  )
  .add(
    HttpApiEndpoint.post("create", "/companies/")
      .setPayload(JsonApi.wrapped("company", CreateCompanyRequest))
      .addSuccess(CompanyDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Create a company (its url id must be free)")
  )
  .add(
    HttpApiEndpoint.post("impersonate")`/companies/${urlId}/impersonate`
      .setPayload(JsonApi.wrapped("impersonate", ImpersonateRequest))
      .addSuccess(AccessTokenDocument, { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(ForbiddenResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "A token acting as a user (admin tokens only)")
  )
  .add(
    HttpApiEndpoint.get("storage")`/companies/${urlId}/storage`
      .addSuccess(CompanyStorageDocument)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Bytes and files stored, and the quota")
  )
  .middlewareEndpoints(Contract.ApiKeyAuth)
  .middlewareEndpoints(Contract.BearerAuth)
  .add(
    HttpApiEndpoint.post("exchange")`/companies/${urlId}/exchange`
      .setPayload(JsonApi.wrapped("exchange", ExchangeKeyRequest))
      .addSuccess(AccessTokenDocument, { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Trade an API key for a short-lived bearer token")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .annotate(OpenApi.Description, "Companies: settings, key exchange, impersonation, storage")
{}
