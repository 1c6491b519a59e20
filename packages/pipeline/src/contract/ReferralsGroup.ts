/**
 * The referrals endpoints, declared once: the client is derived from this, the emulator implements it,
 * and the OpenAPI document is generated from it.
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
import {
  CreateReferralRequest,
  ReferralListUrlParams,
  ReferralResource,
  UpdateReferralRequest,
  UpdatedReferralResource
} from "../models/Referral.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/**
 * The success body of `GET /referrals/`: one page of referrals and the listing's totals.
 *
 * @since 0.1.0
 */
export const ReferralList = JsonApi.listDocument(ReferralResource)
/**
 * The success body of `GET /referrals/:unique_id` and `POST /referrals/`: one referral.
 *
 * @since 0.1.0
 */
export const ReferralDocument = JsonApi.document(ReferralResource)

/**
 * `GET /referrals/`, `GET /referrals/:unique_id`, `POST /referrals/`, `PUT /referrals/:unique_id/`,
 * `DELETE /referrals/:unique_id/` (crm-block.md lists no trash, recover or search for referrals).
 *
 * @since 0.1.0
 */
export class ReferralsGroup extends HttpApiGroup.make("referrals")
  .add(
    HttpApiEndpoint.get("list", "/referrals/")
      .setUrlParams(ReferralListUrlParams)
      .addSuccess(ReferralList)
      .annotate(OpenApi.Summary, "List referrals a page at a time")
  )
  .add(
    HttpApiEndpoint.get("get")`/referrals/${uniqueId}`
      .addSuccess(ReferralDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/referrals/")
      .setPayload(JsonApi.wrapped("referral", CreateReferralRequest))
      .addSuccess(ReferralDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/referrals/${uniqueId}/`
      .setPayload(JsonApi.wrapped("referral", UpdateReferralRequest))
      .addSuccess(JsonApi.document(UpdatedReferralResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/referrals/${uniqueId}/`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Referrals and their rewards")
{}
