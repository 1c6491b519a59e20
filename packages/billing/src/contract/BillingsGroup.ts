/**
 * The billings endpoints, declared once: the client is derived from this, the emulator
 * implements it, and the OpenAPI document is generated from it.
 *
 * @since 0.1.0
 */
import { Contract, Fields, JsonApi, Pagination } from "@blocks-crm/core-http"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import {
  BillingResource,
  CreateBillingRequest,
  UpdatedBillingResource,
  UpdateBillingRequest
} from "../models/Billing.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/** @since 0.1.0 */
export const BillingList = JsonApi.listDocument(BillingResource)
/** @since 0.1.0 */
export const BillingDocument = JsonApi.document(BillingResource)

/**
 * `GET /billings/`, `GET /billings/:unique_id`, `POST /billings/`,
 * `PUT /billings/:unique_id/`, `DELETE /billings/:unique_id/` (paths as the reference
 * writes them, trailing slashes included).
 *
 * @since 0.1.0
 */
export class BillingsGroup extends HttpApiGroup.make("billings")
  .add(
    HttpApiEndpoint.get("list", "/billings/")
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(BillingList)
      .annotate(OpenApi.Summary, "List billings a page at a time")
  )
  .add(
    HttpApiEndpoint.get("get")`/billings/${uniqueId}`
      .addSuccess(BillingDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/billings/")
      .setPayload(JsonApi.wrapped("billing", CreateBillingRequest))
      .addSuccess(BillingDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/billings/${uniqueId}/`
      .setPayload(JsonApi.wrapped("billing", UpdateBillingRequest))
      .addSuccess(JsonApi.document(UpdatedBillingResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/billings/${uniqueId}/`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
{}
