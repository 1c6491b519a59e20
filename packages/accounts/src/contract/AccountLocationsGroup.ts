/**
 * An account's locations: `GET` and `POST /accounts/:unique_id/locations`.
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
import { AccountLocationResource, CreateAccountLocationRequest } from "../models/AccountLocation.js"

const accountId = HttpApiSchema.param("accountId", Fields.ResourceId)

/**
 * `GET /accounts/:unique_id/locations` (every location, not paginated: the reference shows no
 * `meta`) and `POST /accounts/:unique_id/locations`.
 *
 * @since 0.1.0
 */
export class AccountLocationsGroup extends HttpApiGroup.make("accountLocations")
  .add(
    HttpApiEndpoint.get("list")`/accounts/${accountId}/locations`
      .addSuccess(JsonApi.collection(AccountLocationResource))
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create")`/accounts/${accountId}/locations`
      .setPayload(JsonApi.wrapped("location", CreateAccountLocationRequest))
      .addSuccess(JsonApi.document(AccountLocationResource), { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "An account's locations")
  .annotate(Contract.CliGroup, { path: ["accounts", "locations"], noun: "location" })
{}
