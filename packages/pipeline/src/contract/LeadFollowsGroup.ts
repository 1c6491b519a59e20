/**
 * The lead follow-up endpoints, nested under a lead.
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
  CreateLeadFollowRequest,
  LeadFollowListUrlParams,
  LeadFollowResource,
  UpdatedLeadFollowResource,
  UpdateLeadFollowRequest
} from "../models/LeadFollow.js"

const leadId = HttpApiSchema.param("leadId", Fields.ResourceId)
const followId = HttpApiSchema.param("followId", Fields.ResourceId)

/**
 * The success body of `GET /leads/:unique_id/follows/:follow_unique_id` and of creating a
 * follow-up: one follow-up.
 *
 * @since 0.1.0
 */
export const LeadFollowDocument = JsonApi.document(LeadFollowResource)

/**
 * `GET|POST /leads/:unique_id/follows`, `GET|PUT|DELETE /leads/:unique_id/follows/:follow_unique_id`.
 * The list is not paginated (crm-leads.md shows no `meta`).
 *
 * @since 0.1.0
 */
export class LeadFollowsGroup extends HttpApiGroup.make("leadFollows")
  .add(
    HttpApiEndpoint.get("list")`/leads/${leadId}/follows`
      .setUrlParams(LeadFollowListUrlParams)
      .addSuccess(JsonApi.collection(LeadFollowResource))
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.get("get")`/leads/${leadId}/follows/${followId}`
      .addSuccess(LeadFollowDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create")`/leads/${leadId}/follows`
      .setPayload(JsonApi.wrapped("follow", CreateLeadFollowRequest))
      .addSuccess(LeadFollowDocument, { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/leads/${leadId}/follows/${followId}`
      .setPayload(JsonApi.wrapped("follow", UpdateLeadFollowRequest))
      .addSuccess(JsonApi.document(UpdatedLeadFollowResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/leads/${leadId}/follows/${followId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Follow-ups: the next actions on a lead")
  .annotate(Contract.CliGroup, { path: ["leads", "follows"], noun: "follow-up" })
{}
