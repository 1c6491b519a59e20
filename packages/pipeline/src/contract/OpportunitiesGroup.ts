/**
 * The opportunities endpoints, declared once: the client is derived from this, the emulator implements
 * it, and the OpenAPI document is generated from it.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import {
  CreateOpportunityRequest,
  OpportunityListUrlParams,
  OpportunityResource,
  UpdateOpportunityRequest,
  UpdatedOpportunityResource
} from "../models/Opportunity.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/**
 * The success body of `GET /opportunities/` and `GET /opportunities/trash/show`: one page of
 * opportunities and the listing's totals.
 *
 * @since 0.1.0
 */
export const OpportunityList = JsonApi.listDocument(OpportunityResource)
/**
 * The success body of `GET /opportunities/:unique_id`, `POST /opportunities/` and
 * `PUT /opportunities/:unique_id/recover`: one opportunity.
 *
 * @since 0.1.0
 */
export const OpportunityDocument = JsonApi.document(OpportunityResource)

/**
 * `GET /opportunities/` (with `?search=`), `GET /opportunities/trash/show`, `GET /opportunities/:unique_id`,
 * `POST /opportunities/`, `PUT /opportunities/:unique_id/`, `DELETE /opportunities/:unique_id/` (soft
 * delete), `PUT /opportunities/:unique_id/recover`. The trash, recover and search endpoints are those
 * of the SDK's `recover`/`search`/`listDeleted` (crm-opportunities.md), on the leads' paths.
 *
 * @since 0.1.0
 */
export class OpportunitiesGroup extends HttpApiGroup.make("opportunities")
  .add(
    HttpApiEndpoint.get("list", "/opportunities/")
      .setUrlParams(OpportunityListUrlParams)
      .addSuccess(OpportunityList)
      .annotate(OpenApi.Summary, "List opportunities a page at a time; `search` filters by text")
  )
  .add(
    HttpApiEndpoint.get("listDeleted", "/opportunities/trash/show")
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(OpportunityList)
      .annotate(Contract.CliCommand, { name: "deleted" })
  )
  .add(
    HttpApiEndpoint.get("get")`/opportunities/${uniqueId}`
      .addSuccess(OpportunityDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/opportunities/")
      .setPayload(JsonApi.wrapped("opportunity", CreateOpportunityRequest))
      .addSuccess(OpportunityDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/opportunities/${uniqueId}/`
      .setPayload(JsonApi.wrapped("opportunity", UpdateOpportunityRequest))
      .addSuccess(JsonApi.document(UpdatedOpportunityResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/opportunities/${uniqueId}/`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("recover")`/opportunities/${uniqueId}/recover`
      .addSuccess(OpportunityDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Sales opportunities")
{}
