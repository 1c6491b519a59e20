/**
 * Billing reports, typed (the official SDK returns these raw): outstanding balance per payer, a
 * participant's EAP sessions with a payer, revenue per period, aging buckets, and a participant's
 * billings with totals. Every total is per currency: amounts of two currencies are never added.
 *
 * The shapes are this package's (the SDK's declarations contradict each other, official-fields.md
 * "Billing reports"): each report is a JSON:API resource, as the SDK reads them since 5.0.2, with
 * snake_case attributes.
 *
 * @since 0.1.0
 */
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Schema from "effect/Schema"
import { Billing, BillingStatus, PayerName } from "./Billing.js"
import { Amount, Currency } from "./Money.js"

/**
 * A payer's unpaid balance in one currency (`GET /billings/outstanding_by_payer`), over the billings
 * that are neither paid nor void.
 *
 * @since 0.1.0
 */
export const OutstandingBalance = Schema.Struct({
  payerName: Fields.renamed(Schema.String, "payer_name"),
  currency: Currency,
  totalOutstanding: Fields.renamed(Amount, "total_outstanding"),
  billingsCount: Fields.renamed(Schema.Int, "billings_count")
}).annotations({ identifier: "OutstandingBalance" })
/** `OutstandingBalance` as the client sees it (camelCase). @since 0.1.0 */
export interface OutstandingBalance extends Schema.Schema.Type<typeof OutstandingBalance> {}
/** The JSON:API resource of `OutstandingBalance`, as it travels on the wire. @since 0.1.0 */
export const OutstandingBalanceResource = JsonApi.resource("outstanding_balance", OutstandingBalance, {
  id: (row) => `${row.payerName}:${row.currency}`
})

/**
 * Billed, paid and outstanding in one currency, over a set of billings (void ones left out).
 *
 * @since 0.1.0
 */
export const CurrencyTotals = Schema.Struct({
  currency: Currency,
  billed: Amount,
  paid: Amount,
  outstanding: Amount,
  billingsCount: Fields.renamed(Schema.Int, "billings_count")
}).annotations({ identifier: "CurrencyTotals" })
/** `CurrencyTotals` as the client sees it (camelCase). @since 0.1.0 */
export interface CurrencyTotals extends Schema.Schema.Type<typeof CurrencyTotals> {}

/**
 * One EAP session (an EAP billing) of the participant with the payer.
 *
 * @since 0.1.0
 */
export const EapSession = Schema.Struct({
  billingUniqueId: Fields.renamed(Schema.String, "billing_unique_id"),
  meetingUniqueId: Fields.renamed(Schema.String, "meeting_unique_id"),
  amount: Amount,
  currency: Currency,
  billingStatus: Fields.renamed(Fields.openEnum(BillingStatus), "billing_status"),
  dueAt: Fields.optionalRenamed(Fields.Timestamp, "due_at")
}).annotations({ identifier: "EapSession" })

/**
 * A participant's EAP sessions with a payer
 * (`GET /billings/eap_sessions/:participant_email/:payer_name`): the sessions (void ones left out),
 * their count, totals per currency, and used/remaining when a billing carries an allowance
 * (`eap_sessions_allowed`, the latest one set).
 *
 * @since 0.1.0
 */
export const EapSessions = Schema.Struct({
  participantEmail: Fields.renamed(Schema.String, "participant_email"),
  payerName: Fields.renamed(Schema.String, "payer_name"),
  sessionCount: Fields.renamed(Schema.Int, "session_count"),
  sessionsAllowed: Fields.optionalRenamed(Schema.Int, "sessions_allowed"),
  sessionsRemaining: Fields.optionalRenamed(Schema.Int, "sessions_remaining"),
  sessions: Schema.Array(EapSession),
  totals: Schema.Array(CurrencyTotals)
}).annotations({ identifier: "EapSessions" })
/** `EapSessions` as the client sees it (camelCase). @since 0.1.0 */
export interface EapSessions extends Schema.Schema.Type<typeof EapSessions> {}
/** The JSON:API resource of `EapSessions`, as it travels on the wire. @since 0.1.0 */
export const EapSessionsResource = JsonApi.resource("eap_sessions", EapSessions, {
  id: (report) => `${report.participantEmail}:${report.payerName}`
})

/**
 * How revenue is grouped: per UTC day, ISO week (from Monday) or calendar month.
 *
 * @since 0.1.0
 */
export const RevenueGrouping = Schema.Literal("day", "week", "month")
/**
 * One of the values of `RevenueGrouping`, as requests take them (a response may carry others, kept as sent:
 * `Fields.Open<RevenueGrouping>`).
 *
 * @since 0.1.0
 */
export type RevenueGrouping = typeof RevenueGrouping.Type

/**
 * Query of the revenue report: payments dated `from` to `to` (inclusive, UTC days), grouped by
 * `group_by` (the server's default: month).
 *
 * @since 0.1.0
 */
export const RevenueReportParams = Schema.Struct({
  from: Fields.CalendarDate.annotations({ description: "First day (YYYY-MM-DD)" }),
  to: Fields.CalendarDate.annotations({ description: "Last day (YYYY-MM-DD)" }),
  groupBy: Fields.optionalInput(RevenueGrouping).pipe(Schema.fromKey("group_by")).annotations({
    description: "day, week or month"
  })
}).pipe(Schema.filter((q) => q.from <= q.to || { path: ["to"], message: "must not be before from" })).annotations({
  identifier: "RevenueReportParams"
})
/** `RevenueReportParams` as the client sees it (camelCase). @since 0.1.0 */
export interface RevenueReportParams extends Schema.Schema.Type<typeof RevenueReportParams> {}

/**
 * Revenue in one currency: the payments in the range, per period (the period's first day) and in all.
 *
 * @since 0.1.0
 */
export const CurrencyRevenue = Schema.Struct({
  currency: Currency,
  totalPaid: Fields.renamed(Amount, "total_paid"),
  paymentsCount: Fields.renamed(Schema.Int, "payments_count"),
  periods: Schema.Array(Schema.Struct({
    period: Fields.CalendarDate,
    paid: Amount,
    paymentsCount: Fields.renamed(Schema.Int, "payments_count")
  }))
}).annotations({ identifier: "CurrencyRevenue" })
/** `CurrencyRevenue` as the client sees it (camelCase). @since 0.1.0 */
export interface CurrencyRevenue extends Schema.Schema.Type<typeof CurrencyRevenue> {}

/**
 * `GET /billings/reports/revenue`: paid amounts per period, one entry per currency (void billings left out).
 *
 * @since 0.1.0
 */
export const RevenueReport = Schema.Struct({
  from: Fields.CalendarDate,
  to: Fields.CalendarDate,
  groupBy: Fields.renamed(Fields.openEnum(RevenueGrouping), "group_by"),
  currencies: Schema.Array(CurrencyRevenue)
}).annotations({ identifier: "RevenueReport" })
/** `RevenueReport` as the client sees it (camelCase). @since 0.1.0 */
export interface RevenueReport extends Schema.Schema.Type<typeof RevenueReport> {}
/** The JSON:API resource of `RevenueReport`, as it travels on the wire. @since 0.1.0 */
export const RevenueReportResource = JsonApi.resource("revenue_report", RevenueReport, {
  id: (report) => `${report.from}:${report.to}:${report.groupBy}`
})

/**
 * Query of the aging report: the day it is computed for (the server's default: today, UTC).
 *
 * @since 0.1.0
 */
export const AgingReportParams = Schema.Struct({
  asOf: Fields.optionalInput(Fields.CalendarDate).pipe(Schema.fromKey("as_of")).annotations({
    description: "The day to age against (YYYY-MM-DD)"
  })
}).annotations({ identifier: "AgingReportParams" })
/** `AgingReportParams` as the client sees it (camelCase). @since 0.1.0 */
export interface AgingReportParams extends Schema.Schema.Type<typeof AgingReportParams> {}

/**
 * Outstanding amounts in one currency by days past due: `current` (not yet due, or no due date),
 * `thirtyDays` (1–30), `sixtyDays` (31–60), `ninetyDays` (61–90), `over90Days` (more than 90); the
 * official SDK's bucket names.
 *
 * @since 0.1.0
 */
export const AgingBuckets = Schema.Struct({
  currency: Currency,
  current: Amount,
  thirtyDays: Fields.renamed(Amount, "thirty_days"),
  sixtyDays: Fields.renamed(Amount, "sixty_days"),
  ninetyDays: Fields.renamed(Amount, "ninety_days"),
  over90Days: Fields.renamed(Amount, "over_90_days"),
  total: Amount,
  billingsCount: Fields.renamed(Schema.Int, "billings_count")
}).annotations({ identifier: "AgingBuckets" })
/** `AgingBuckets` as the client sees it (camelCase). @since 0.1.0 */
export interface AgingBuckets extends Schema.Schema.Type<typeof AgingBuckets> {}

/**
 * `GET /billings/reports/aging`: what is outstanding as of a day, bucketed, one entry per currency.
 *
 * @since 0.1.0
 */
export const AgingReport = Schema.Struct({
  asOf: Fields.renamed(Fields.CalendarDate, "as_of"),
  currencies: Schema.Array(AgingBuckets)
}).annotations({ identifier: "AgingReport" })
/** `AgingReport` as the client sees it (camelCase). @since 0.1.0 */
export interface AgingReport extends Schema.Schema.Type<typeof AgingReport> {}
/** The JSON:API resource of `AgingReport`, as it travels on the wire. @since 0.1.0 */
export const AgingReportResource = JsonApi.resource("aging_report", AgingReport, { id: (report) => report.asOf })

/**
 * `GET /billings/reports/participant/:participant_email`: every billing of the participant and totals
 * per currency (void billings listed, not totalled).
 *
 * @since 0.1.0
 */
export const ParticipantReport = Schema.Struct({
  participantEmail: Fields.renamed(Schema.String, "participant_email"),
  billings: Schema.Array(Billing),
  totals: Schema.Array(CurrencyTotals)
}).annotations({ identifier: "ParticipantReport" })
/** `ParticipantReport` as the client sees it (camelCase). @since 0.1.0 */
export interface ParticipantReport extends Schema.Schema.Type<typeof ParticipantReport> {}
/** The JSON:API resource of `ParticipantReport`, as it travels on the wire. @since 0.1.0 */
export const ParticipantReportResource = JsonApi.resource("participant_billing_report", ParticipantReport, {
  id: (report) => report.participantEmail
})

/**
 * A participant's e-mail and a payer's name as path segments, percent-encoded on the wire (a payer's
 * name may hold spaces).
 *
 * @since 0.1.0
 */
export const EmailSegment = Schema.transform(Schema.String, Fields.EmailAddress, {
  strict: true,
  decode: (s) => safeDecode(s),
  encode: (s) => encodeURIComponent(s)
}).annotations({ identifier: "EmailSegment" })

/** A payer's name as a path segment, percent-encoded on the wire. @since 0.1.0 */
export const PayerSegment = Schema.transform(Schema.String, PayerName, {
  strict: true,
  decode: (s) => safeDecode(s),
  encode: (s) => encodeURIComponent(s)
}).annotations({ identifier: "PayerSegment" })

// The server's router may already have decoded the segment; a second decode must not fail.
const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
