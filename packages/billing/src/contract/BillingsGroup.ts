/**
 * A meeting's billing and the billing itself, declared once: the client is derived from this, the
 * emulator implements it, and the OpenAPI document is generated from it.
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
  BillingResource,
  CreateBillingRequest,
  PaymentSplitResource,
  UpdatedBillingResource,
  UpdateBillingRequest
} from "../models/Billing.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)
const meetingId = HttpApiSchema.param("meetingId", Fields.ResourceId)

/** One billing. @since 0.1.0 */
export const BillingDocument = JsonApi.document(BillingResource)

/**
 * `GET|POST /meetings/:meeting_unique_id/billing`, `GET|PUT|DELETE /billings/:unique_id` and
 * `GET /billings/:unique_id/payment_split`, paths as crm-block.md writes them. A meeting has at most one
 * billing, so its `GET` answers that billing (the official SDK reads a page of them).
 *
 * @since 0.1.0
 */
export class BillingsGroup extends HttpApiGroup.make("billings")
  .add(
    HttpApiEndpoint.get("forMeeting")`/meetings/${meetingId}/billing`
      .addSuccess(BillingDocument)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "The meeting's billing (404 for an unknown meeting or one not billed)")
  )
  .add(
    HttpApiEndpoint.post("create")`/meetings/${meetingId}/billing`
      .setPayload(JsonApi.wrapped("billing", CreateBillingRequest))
      .addSuccess(BillingDocument, { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Bill a meeting (404 unknown meeting, 422 when it is already billed)")
  )
  .add(
    HttpApiEndpoint.get("get")`/billings/${uniqueId}`
      .addSuccess(BillingDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/billings/${uniqueId}`
      .setPayload(JsonApi.wrapped("billing", UpdateBillingRequest))
      .addSuccess(JsonApi.document(UpdatedBillingResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Change a billing, record a payment or void it (422 on overpaying or a broken split)")
  )
  .add(
    HttpApiEndpoint.del("delete")`/billings/${uniqueId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Delete a billing with no payment (422 otherwise: void it instead)")
  )
  .add(
    HttpApiEndpoint.get("paymentSplit")`/billings/${uniqueId}/payment_split`
      .addSuccess(JsonApi.document(PaymentSplitResource))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "How the amount divides between payers")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Meeting billings: payments, voids and payment splits")
{}
