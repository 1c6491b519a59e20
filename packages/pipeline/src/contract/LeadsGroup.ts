/**
 * The leads endpoints, declared once: the client is derived from this, the emulator implements it,
 * and the OpenAPI document is generated from it.
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
  CreateAccountLeadRequest,
  CreateLeadRequest,
  LeadListUrlParams,
  LeadResource,
  UpdateLeadRequest,
  UpdatedLeadResource
} from "../models/Lead.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)
// The account's id is only a path segment here: no domain package imports another.
const accountId = HttpApiSchema.param("accountId", Fields.ResourceId)

/**
 * The success body of `GET /leads/`, `GET /leads/trash/show` and `GET /accounts/:unique_id/leads`: one
 * page of leads and the listing's totals.
 *
 * @since 0.1.0
 */
export const LeadList = JsonApi.listDocument(LeadResource)
/**
 * The success body of `GET /leads/:unique_id`, `POST /leads/`, `POST /accounts/:unique_id/leads` and
 * `PUT /leads/:unique_id/recover`: one lead.
 *
 * @since 0.1.0
 */
export const LeadDocument = JsonApi.document(LeadResource)

/**
 * `GET /leads/` (with `?search=`), `GET /leads/trash/show`, `GET /leads/:unique_id`, `POST /leads/`,
 * `PUT /leads/:unique_id/`, `DELETE /leads/:unique_id/` (soft delete), `PUT /leads/:unique_id/recover`, and an
 * account's leads: `GET`/`POST /accounts/:unique_id/leads`.
 *
 * @since 0.1.0
 */
export class LeadsGroup extends HttpApiGroup.make("leads")
  .add(
    HttpApiEndpoint.get("list", "/leads/")
      .setUrlParams(LeadListUrlParams)
      .addSuccess(LeadList)
      .annotate(
        OpenApi.Summary,
        "List leads a page at a time; `search` filters by text, `status` and `source` by value, `sort` orders"
      )
  )
  .add(
    HttpApiEndpoint.get("listDeleted", "/leads/trash/show")
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(LeadList)
      .annotate(Contract.CliCommand, { name: "deleted" })
  )
  .add(
    HttpApiEndpoint.get("get")`/leads/${uniqueId}`
      .addSuccess(LeadDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/leads/")
      .setPayload(JsonApi.wrapped("lead", CreateLeadRequest))
      .addSuccess(LeadDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/leads/${uniqueId}/`
      .setPayload(JsonApi.wrapped("lead", UpdateLeadRequest))
      .addSuccess(JsonApi.document(UpdatedLeadResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/leads/${uniqueId}/`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("recover")`/leads/${uniqueId}/recover`
      .addSuccess(LeadDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.get("listForAccount")`/accounts/${accountId}/leads`
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(LeadList)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "List the leads of an account")
  )
  .add(
    HttpApiEndpoint.post("createForAccount")`/accounts/${accountId}/leads`
      .setPayload(JsonApi.wrapped("lead", CreateAccountLeadRequest))
      .addSuccess(LeadDocument, { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Add a lead to an account")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Leads and their follow-ups")
{}
