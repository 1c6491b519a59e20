/**
 * Billing reports: outstanding by payer, EAP sessions, revenue, aging, a participant's billings.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import { BillingReportsGroup } from "../contract/BillingReportsGroup.js"
import type {
  AgingReport,
  AgingReportParams,
  EapSessions,
  OutstandingBalance,
  ParticipantReport,
  RevenueReport,
  RevenueReportParams
} from "../models/BillingReport.js"

/**
 * The report methods. Every total is per currency.
 *
 * @since 0.1.0
 */
export interface BillingReports {
  /** Unpaid balance per payer and currency. */
  readonly outstandingByPayer: () => Effect.Effect<ReadonlyArray<OutstandingBalance>, CrmError>
  /** A participant's EAP sessions with a payer, and the allowance left. */
  readonly eapSessions: (participantEmail: string, payerName: string) => Effect.Effect<EapSessions, CrmError>
  /** Paid amounts from `from` to `to` (YYYY-MM-DD, inclusive), per day, week or month. */
  readonly revenue: (params: RevenueReportParams) => Effect.Effect<RevenueReport, CrmError>
  /** Outstanding amounts by days past due as of a day (default: today). */
  readonly aging: (params?: AgingReportParams) => Effect.Effect<AgingReport, CrmError>
  /** A participant's billings and totals. */
  readonly participant: (participantEmail: string) => Effect.Effect<ParticipantReport, CrmError>
}

/**
 * The billing reports as an Effect service (`BillingReports`), typed where the official SDK returns raw
 * snake_case. Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { BillingReportsService } from "@blocks-crm/billing"
 * import { Effect } from "effect"
 *
 * const march = Effect.flatMap(BillingReportsService, (reports) =>
 *   reports.revenue({ from: "2026-03-01", to: "2026-03-31", groupBy: "week" }))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class BillingReportsService extends Effect.Service<BillingReportsService>()(
  "@blocks-crm/billing/BillingReportsService",
  {
    effect: Effect.map(ApiClient.group(BillingReportsGroup), (api): BillingReports => ({
      outstandingByPayer: () => api.outstandingByPayer({}),
      eapSessions: (participantEmail, payerName) => api.eapSessions({ path: { participantEmail, payerName } }),
      revenue: (params) => api.revenue({ urlParams: params }),
      aging: (params) => api.aging({ urlParams: params ?? {} }),
      participant: (participantEmail) => api.participant({ path: { participantEmail } })
    }))
  }
) {}
