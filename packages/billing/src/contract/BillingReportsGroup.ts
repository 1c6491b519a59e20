/**
 * The billing reports: outstanding by payer, EAP sessions, revenue, aging and a participant's billings.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import {
  AgingReportParams,
  AgingReportResource,
  EapSessionsResource,
  EmailSegment,
  OutstandingBalanceResource,
  ParticipantReportResource,
  PayerSegment,
  RevenueReportParams,
  RevenueReportResource
} from "../models/BillingReport.js"

const participantEmail = HttpApiSchema.param("participantEmail", EmailSegment)
const payerName = HttpApiSchema.param("payerName", PayerSegment)

/**
 * `GET /billings/outstanding_by_payer`, `GET /billings/eap_sessions/:participant_email/:payer_name`,
 * `GET /billings/reports/revenue`, `GET /billings/reports/aging` and
 * `GET /billings/reports/participant/:participant_email` (crm-block.md).
 *
 * @since 0.1.0
 */
export class BillingReportsGroup extends HttpApiGroup.make("billingReports")
  .add(
    HttpApiEndpoint.get("outstandingByPayer", "/billings/outstanding_by_payer")
      .addSuccess(JsonApi.collection(OutstandingBalanceResource))
      .annotate(OpenApi.Summary, "Unpaid balance per payer and currency")
  )
  .add(
    HttpApiEndpoint.get("eapSessions")`/billings/eap_sessions/${participantEmail}/${payerName}`
      .addSuccess(JsonApi.document(EapSessionsResource))
      .annotate(OpenApi.Summary, "A participant's EAP sessions with a payer, and the allowance left")
  )
  .add(
    HttpApiEndpoint.get("revenue", "/billings/reports/revenue")
      .setUrlParams(RevenueReportParams)
      .addSuccess(JsonApi.document(RevenueReportResource))
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Paid amounts per day, week or month, per currency")
  )
  .add(
    HttpApiEndpoint.get("aging", "/billings/reports/aging")
      .setUrlParams(AgingReportParams)
      .addSuccess(JsonApi.document(AgingReportResource))
      .annotate(OpenApi.Summary, "Outstanding amounts by days past due, per currency")
  )
  .add(
    HttpApiEndpoint.get("participant")`/billings/reports/participant/${participantEmail}`
      .addSuccess(JsonApi.document(ParticipantReportResource))
      .annotate(OpenApi.Summary, "A participant's billings and totals per currency")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Billing reports, totals never mixed across currencies")
  .annotate(Contract.CliGroup, { noun: "billing report" })
{}
