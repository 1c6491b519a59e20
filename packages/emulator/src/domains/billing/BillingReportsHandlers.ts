/**
 * The emulator's billing reports, computed from the rows on every call: outstanding per payer and
 * currency, a participant's EAP sessions with a payer, revenue (payments per day, ISO week or month),
 * aging buckets as of a day, and a participant's billings. Totals are per currency, in minor units.
 */
import { BillingApi, Money } from "@blocks-crm/billing"
import type { Billing, RevenueGrouping } from "@blocks-crm/billing"
import * as Effect from "effect/Effect"
import { byCurrency, currencyTotals, daysBetween, minor, openBilling, outstandingMinor, utcDay } from "./Records.js"
import { group, invalid } from "../Resources.js"

const sameEmail = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase()

/** The first day of the period a day falls in. */
const periodOf = (day: string, groupBy: RevenueGrouping): string => {
  if (groupBy === "day") return day
  if (groupBy === "month") return `${day.slice(0, 7)}-01`
  const date = new Date(`${day}T00:00:00Z`)
  const sinceMonday = (date.getUTCDay() + 6) % 7
  return utcDay(new Date(date.getTime() - sinceMonday * 86_400_000))
}

const bucketOf = (daysPastDue: number) =>
  daysPastDue <= 0
    ? "current"
    : daysPastDue <= 30
    ? "thirtyDays"
    : daysPastDue <= 60
    ? "sixtyDays"
    : daysPastDue <= 90
    ? "ninetyDays"
    : "over90Days"

/** The emulator's handlers for the billing reports endpoints. */
export const BillingReportsHandlers = group(
  BillingApi,
  "billingReports",
  (handlers) =>
    Effect.gen(function*() {
      const { billings } = yield* openBilling
      const live = Effect.map(billings.all(), (all) => all.filter((b) => b.billingStatus !== "void"))

      return handlers
        .handle("outstandingByPayer", () =>
          Effect.map(live, (all) => {
            const owing = all.filter((b) => outstandingMinor(b) > 0n)
            const groups = new Map<string, Array<Billing>>()
            for (const billing of owing) {
              const key = JSON.stringify([billing.payerName ?? "", billing.currency])
              groups.set(key, [...(groups.get(key) ?? []), billing])
            }
            return [...groups.values()].map((rows) => ({
              payerName: rows[0]!.payerName ?? "",
              currency: rows[0]!.currency,
              totalOutstanding: Money.fromMinor(rows.reduce((t, b) => t + outstandingMinor(b), 0n), rows[0]!.currency),
              billingsCount: rows.length
            })).sort((a, b) => a.payerName.localeCompare(b.payerName) || a.currency.localeCompare(b.currency))
          }))
        .handle("eapSessions", ({ path }) =>
          Effect.map(live, (all) => {
            const sessions = all.filter((b) =>
              b.eap === true && sameEmail(b.participantEmail, path.participantEmail) && b.payerName === path.payerName
            )
            // The allowance is the latest one a session of this participant with this payer carries.
            const allowed = sessions.filter((b) => b.eapSessionsAllowed !== undefined).at(-1)?.eapSessionsAllowed
            return {
              participantEmail: path.participantEmail,
              payerName: path.payerName,
              sessionCount: sessions.length,
              ...(allowed === undefined
                ? {}
                : { sessionsAllowed: allowed, sessionsRemaining: Math.max(0, allowed - sessions.length) }),
              sessions: sessions.map((b) => ({
                billingUniqueId: b.uniqueId,
                meetingUniqueId: b.meetingUniqueId,
                amount: b.amount,
                currency: b.currency,
                billingStatus: b.billingStatus,
                ...(b.dueAt === undefined ? {} : { dueAt: b.dueAt })
              })),
              totals: currencyTotals(sessions)
            }
          }))
        .handle("revenue", ({ urlParams }) =>
          Effect.gen(function*() {
            if (urlParams.from > urlParams.to) {
              return yield* Effect.fail(invalid("/to", "invalid_range", "to must not be before from"))
            }
            const groupBy = urlParams.groupBy ?? "month"
            const payments = (yield* live).flatMap((billing) =>
              (billing.payments ?? []).map((payment) => ({
                currency: billing.currency,
                minor: minor(payment.amount, billing.currency),
                day: utcDay(payment.paidAt)
              }))
            ).filter((p) => p.day >= urlParams.from && p.day <= urlParams.to)
            return {
              from: urlParams.from,
              to: urlParams.to,
              groupBy,
              currencies: byCurrency(payments, (p) => p.currency).map(([currency, rows]) => ({
                currency,
                totalPaid: Money.fromMinor(rows.reduce((t, p) => t + p.minor, 0n), currency),
                paymentsCount: rows.length,
                periods: byCurrency(rows, (p) => periodOf(p.day, groupBy)).map(([period, inPeriod]) => ({
                  period,
                  paid: Money.fromMinor(inPeriod.reduce((t, p) => t + p.minor, 0n), currency),
                  paymentsCount: inPeriod.length
                }))
              }))
            }
          }))
        .handle("aging", ({ urlParams }) =>
          Effect.map(live, (all) => {
            const asOf = urlParams.asOf ?? utcDay(new Date())
            const owing = all.filter((b) => outstandingMinor(b) > 0n)
            return {
              asOf,
              currencies: byCurrency(owing, (b) => b.currency).map(([currency, rows]) => {
                const buckets = { current: 0n, thirtyDays: 0n, sixtyDays: 0n, ninetyDays: 0n, over90Days: 0n }
                for (const billing of rows) {
                  const late = billing.dueAt === undefined ? 0 : daysBetween(utcDay(billing.dueAt), asOf)
                  buckets[bucketOf(late)] += outstandingMinor(billing)
                }
                const total = Object.values(buckets).reduce((t, v) => t + v, 0n)
                return {
                  currency,
                  current: Money.fromMinor(buckets.current, currency),
                  thirtyDays: Money.fromMinor(buckets.thirtyDays, currency),
                  sixtyDays: Money.fromMinor(buckets.sixtyDays, currency),
                  ninetyDays: Money.fromMinor(buckets.ninetyDays, currency),
                  over90Days: Money.fromMinor(buckets.over90Days, currency),
                  total: Money.fromMinor(total, currency),
                  billingsCount: rows.length
                }
              })
            }
          }))
        .handle("participant", ({ path }) =>
          Effect.map(billings.all(), (all) => {
            const theirs = all.filter((b) => sameEmail(b.participantEmail, path.participantEmail))
            return { participantEmail: path.participantEmail, billings: theirs, totals: currencyTotals(theirs) }
          }))
    })
)
