/**
 * A user's ICS feed tokens.
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
import { CreateIcsTokenRequest, IcsTokenListUrlParams, IcsTokenResource } from "../models/IcsToken.js"

const userId = HttpApiSchema.param("userId", Fields.ResourceId)
const tokenId = HttpApiSchema.param("tokenId", Fields.ResourceId)

/**
 * `GET|POST /users/:user_unique_id/ics_tokens`, `DELETE /users/:user_unique_id/ics_tokens/:id`
 * (deleting a token revokes its feed at once).
 *
 * @since 0.1.0
 */
export class IcsTokensGroup extends HttpApiGroup.make("icsTokens")
  .add(
    HttpApiEndpoint.get("list")`/users/${userId}/ics_tokens`
      .setUrlParams(IcsTokenListUrlParams)
      .addSuccess(JsonApi.collection(IcsTokenResource))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "A user's ICS feed tokens")
  )
  .add(
    HttpApiEndpoint.post("create")`/users/${userId}/ics_tokens`
      .setPayload(JsonApi.wrapped("ics_token", CreateIcsTokenRequest))
      .addSuccess(JsonApi.document(IcsTokenResource), { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "A new feed token (a random secret of 256 bits)")
  )
  .add(
    HttpApiEndpoint.del("delete")`/users/${userId}/ics_tokens/${tokenId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Delete a token; its feed stops answering at once")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "ICS feed tokens of a user")
  .annotate(Contract.CliGroup, { path: ["ics-tokens"], noun: "ICS token" })
{}
