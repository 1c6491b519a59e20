/**
 * The demo's billing chapter: the rep bills the scheduling chapter's quarterly review and an onboarding
 * workshop held some weeks ago, records a partial payment on the review, then prints the month's
 * revenue and the aging buckets as the API computes them. Amounts are exact decimal strings; the
 * figures before and after are both kept, since the reports cover the whole tenant (a second run adds to
 * them by exactly the plan's amounts).
 *
 * @since 0.1.0
 */
import { Money } from "@blocks-crm/billing"
import type { AgingReport, Billing, RevenueReport } from "@blocks-crm/billing"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import type { Meeting } from "@blocks-crm/scheduling"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { CrmClient } from "@blocks-crm/sdk"

const DAY = 86_400_000

/**
 * What the chapter bills and pays. Exported so that tests derive the expected figures from it.
 *
 * @since 0.1.0
 */
export const billingPlan = {
  currency: "USD",
  payer: "Globex",
  /** The quarterly review: billed, due in 30 days, partly paid today. */
  review: { amount: "1250.00", dueInDays: 30, payment: "500.00" },
  /** A workshop held 50 days ago, due 14 days after it: 36 days past due, unpaid. */
  workshop: { title: "Onboarding workshop", heldDaysAgo: 50, amount: "480.00", dueAfterDays: 14 }
} as const

/**
 * The figures the chapter prints: the month's revenue and the aging buckets, in the plan's currency.
 *
 * @since 0.1.0
 */
export interface BillingFigures {
  readonly currency: string
  readonly revenueThisMonth: string
  readonly aging: {
    readonly current: string
    readonly thirtyDays: string
    readonly sixtyDays: string
    readonly ninetyDays: string
    readonly over90Days: string
    readonly total: string
  }
}

const day = (date: Date) => date.toISOString().slice(0, 10)

/**
 * The figures of one currency out of the two reports; a currency the reports do not list has nothing,
 * which is zero in its minor units.
 *
 * @since 0.1.0
 */
export const billingFigures = (revenue: RevenueReport, aging: AgingReport, currency: string): BillingFigures => {
  const zero = Money.fromMinor(0n, currency)
  const paid = revenue.currencies.find((c) => c.currency === currency)
  const buckets = aging.currencies.find((c) => c.currency === currency)
  return {
    currency,
    revenueThisMonth: paid?.totalPaid ?? zero,
    aging: {
      current: buckets?.current ?? zero,
      thirtyDays: buckets?.thirtyDays ?? zero,
      sixtyDays: buckets?.sixtyDays ?? zero,
      ninetyDays: buckets?.ninetyDays ?? zero,
      over90Days: buckets?.over90Days ?? zero,
      total: buckets?.total ?? zero
    }
  }
}

/**
 * The figures as the CLI prints them.
 *
 * @since 0.1.0
 */
export const formatBillingFigures = (figures: BillingFigures): string => {
  const { aging, currency } = figures
  const rows: ReadonlyArray<readonly [string, string]> = [
    ["Revenue this month", `${figures.revenueThisMonth} ${currency}`],
    ["Aging (outstanding)", `${aging.total} ${currency}`],
    ["  current", aging.current],
    ["  1-30 days", aging.thirtyDays],
    ["  31-60 days", aging.sixtyDays],
    ["  61-90 days", aging.ninetyDays],
    ["  over 90 days", aging.over90Days]
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join("\n")
}

/**
 * What the chapter billed, and the figures before and after it.
 *
 * @since 0.1.0
 */
export interface BillingOutcome {
  readonly review: Billing
  readonly workshop: Billing
  readonly before: BillingFigures
  readonly figures: BillingFigures
}

/**
 * Runs the chapter over the scheduling chapter's quarterly review.
 *
 * @since 0.1.0
 */
export const runBillingChapter = (options: {
  readonly runId: string
  readonly review: Meeting
  readonly log?: ((line: string) => Effect.Effect<void>) | undefined
  readonly now?: Date | undefined
}): Effect.Effect<BillingOutcome, CrmError, CrmClient> =>
  Effect.gen(function*() {
    const crm = yield* CrmClient
    const log = options.log ?? Console.log
    const now = options.now ?? new Date()
    const { currency, payer, review: reviewPlan, workshop: workshopPlan } = billingPlan
    const today = day(now)
    const figures = Effect.map(
      Effect.all([
        crm.billingReports.revenue({ from: `${today.slice(0, 7)}-01`, to: today, groupBy: "month" }),
        crm.billingReports.aging({ asOf: today })
      ]),
      ([revenue, aging]) => billingFigures(revenue, aging, currency)
    )
    const before = yield* figures

    const participantEmail = `gina.${options.runId}@globex.example`
    const review = yield* crm.billings.create(options.review.uniqueId, {
      amount: reviewPlan.amount,
      currency,
      payerName: payer,
      participantEmail,
      dueAt: new Date(now.getTime() + reviewPlan.dueInDays * DAY),
      notes: `demo run ${options.runId}`
    })
    const held = new Date(now.getTime() - workshopPlan.heldDaysAgo * DAY)
    const workshopMeeting = yield* crm.meetings.create({
      title: `${workshopPlan.title} (demo run ${options.runId})`,
      startTime: held,
      endTime: new Date(held.getTime() + 2 * 3_600_000),
      meetingType: "in_person"
    })
    const workshop = yield* crm.billings.create(workshopMeeting.uniqueId, {
      amount: workshopPlan.amount,
      currency,
      payerName: payer,
      participantEmail,
      dueAt: new Date(held.getTime() + workshopPlan.dueAfterDays * DAY)
    })
    const paid = yield* crm.billings.update(review.uniqueId, { paymentAmount: reviewPlan.payment, paidAt: now })
    yield* log(
      `  - ${options.review.title} billed ${reviewPlan.amount} ${currency}, ${paid.amountPaid} paid (${paid.billingStatus})`
    )
    yield* log(`  - ${workshopPlan.title} billed ${workshopPlan.amount} ${currency}, due ${day(workshop.dueAt ?? now)}`)

    const after = yield* figures
    return { review: yield* crm.billings.get(review.uniqueId), workshop, before, figures: after }
  })

/**
 * `after − before` per figure, in minor units: what a run added (tests compare it with the plan).
 *
 * @since 0.1.0
 */
export const figuresAdded = (before: BillingFigures, after: BillingFigures) => {
  const minor = (amount: string) => Option.getOrThrow(Money.toMinor(amount, after.currency))
  const delta = (a: string, b: string) => Money.fromMinor(minor(b) - minor(a), after.currency)
  return {
    revenueThisMonth: delta(before.revenueThisMonth, after.revenueThisMonth),
    aging: {
      current: delta(before.aging.current, after.aging.current),
      thirtyDays: delta(before.aging.thirtyDays, after.aging.thirtyDays),
      sixtyDays: delta(before.aging.sixtyDays, after.aging.sixtyDays),
      ninetyDays: delta(before.aging.ninetyDays, after.aging.ninetyDays),
      over90Days: delta(before.aging.over90Days, after.aging.over90Days),
      total: delta(before.aging.total, after.aging.total)
    }
  }
}
