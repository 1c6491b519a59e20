/**
 * A company's API keys: `GET` / `POST /companies/:url_id/keys`, `PUT` / `DELETE
 * /companies/:url_id/keys/:key_id`.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import { ApiKeyResource, CreateApiKeyRequest, CreatedApiKeyResource, UpdateApiKeyRequest } from "../models/ApiKey.js"
import { CompanyUrlId } from "../models/CompanyUrlId.js"

const urlId = HttpApiSchema.param("urlId", CompanyUrlId)
const keyId = HttpApiSchema.param("keyId", Fields.ResourceId)

/**
 * The key endpoints (no trailing slashes: the reference writes none).
 *
 * @since 0.1.0
 */
export class CompanyKeysGroup extends HttpApiGroup.make("companyKeys")
  .add(
    HttpApiEndpoint.get("list")`/companies/${urlId}/keys`
      .addSuccess(JsonApi.collection(ApiKeyResource))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "The company's keys (prefix and last four, never the secret)")
  )
  .add(
    HttpApiEndpoint.post("create")`/companies/${urlId}/keys`
      .setPayload(JsonApi.wrapped("api_key", CreateApiKeyRequest))
      .addSuccess(JsonApi.document(CreatedApiKeyResource), { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Create a key; its secret is in this answer only")
  )
  .add(
    HttpApiEndpoint.put("update")`/companies/${urlId}/keys/${keyId}`
      .setPayload(JsonApi.wrapped("api_key", UpdateApiKeyRequest))
      .addSuccess(JsonApi.document(ApiKeyResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Rename a key, or disable it (refused at once)")
  )
  .add(
    HttpApiEndpoint.del("delete")`/companies/${urlId}/keys/${keyId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Revoke a key")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "A company's API keys")
  .annotate(Contract.CliGroup, { path: ["companies", "keys"], noun: "API key" })
{}
