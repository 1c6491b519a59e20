/**
 * The demo's billing chapter against an emulator: on a fresh database the figures are the plan's own
 * (the month's revenue is the partial payment; the review's balance is current, the workshop 31–60 days
 * late), a second run adds exactly the plan's amounts again, the chapter runs inside the whole demo, and
 * the figures' arithmetic over hand-made reports.
 */
import { describe, expect, it, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { CrmClient } from "@blocks-crm/sdk"
import * as Demo from "../src/Demo.js"
import * as BillingChapter from "../src/demo/BillingChapter.js"
import * as EmbeddedEmulator from "./support/EmbeddedEmulator.js"

const { billingPlan } = BillingChapter
const quiet = { log: () => Effect.void }

/** The plan's figures, in cents with plain integers: what one run adds. */
const toCents = (amount: string) => Math.round(Number(amount.replace(".", "")))
const fromCents = (value: number) => `${Math.trunc(value / 100)}.${String(value % 100).padStart(2, "0")}`
const review = toCents(billingPlan.review.amount)
const paid = toCents(billingPlan.review.payment)
const workshop = toCents(billingPlan.workshop.amount)
const added = {
  revenueThisMonth: fromCents(paid),
  aging: {
    // The review is due in 30 days: current. The workshop is 50 - 14 = 36 days past due: 31–60.
    current: fromCents(review - paid),
    thirtyDays: "0.00",
    sixtyDays: fromCents(workshop),
    ninetyDays: "0.00",
    over90Days: "0.00",
    total: fromCents(review - paid + workshop)
  }
}

/** A meeting to bill, as the scheduling chapter would have booked it. */
const reviewMeeting = (runId: string) =>
  Effect.flatMap(CrmClient, (crm) => {
    const start = Date.now() + 2 * 86_400_000
    return crm.meetings.create({
      title: `Quarterly Review (${runId})`,
      startTime: new Date(start),
      endTime: new Date(start + 3_600_000)
    })
  })

layer(EmbeddedEmulator.client(), { excludeTestServices: true })("the demo's billing chapter on the emulator", (it) => {
  it.effect("on a fresh database the figures are the plan's: the payment as revenue, the balances aged", () =>
    Effect.gen(function*() {
      expect(added).toEqual({
        revenueThisMonth: "500.00",
        aging: {
          current: "750.00",
          thirtyDays: "0.00",
          sixtyDays: "480.00",
          ninetyDays: "0.00",
          over90Days: "0.00",
          total: "1230.00"
        }
      })
      const outcome = yield* BillingChapter.runBillingChapter({
        ...quiet,
        runId: "bill-1",
        review: yield* reviewMeeting("bill-1")
      })
      expect(outcome.before).toEqual({
        currency: "USD",
        revenueThisMonth: "0.00",
        aging: {
          current: "0.00",
          thirtyDays: "0.00",
          sixtyDays: "0.00",
          ninetyDays: "0.00",
          over90Days: "0.00",
          total: "0.00"
        }
      })
      expect(outcome.figures).toEqual({ currency: "USD", ...added })
      expect(outcome.review).toMatchObject({
        amount: billingPlan.review.amount,
        amountPaid: billingPlan.review.payment,
        billingStatus: "partially_paid"
      })
      expect(outcome.workshop.billingStatus).toBe("pending")
      const text = BillingChapter.formatBillingFigures(outcome.figures)
      expect(text).toContain("Revenue this month   500.00 USD")
      expect(text).toContain("1230.00 USD")
      expect(text).toMatch(/31-60 days\s+480\.00/)
    }))

  it.effect("a second run in the same database adds exactly the plan's amounts again", () =>
    Effect.gen(function*() {
      const first = yield* BillingChapter.runBillingChapter({
        ...quiet,
        runId: "bill-2",
        review: yield* reviewMeeting("bill-2")
      })
      const second = yield* BillingChapter.runBillingChapter({
        ...quiet,
        runId: "bill-3",
        review: yield* reviewMeeting("bill-3")
      })
      expect(second.before).toEqual(first.figures)
      expect(BillingChapter.figuresAdded(first.before, first.figures)).toEqual(added)
      expect(BillingChapter.figuresAdded(second.before, second.figures)).toEqual(added)
    }))

  it.effect("the whole demo bills the scheduling chapter's quarterly review", () =>
    Effect.gen(function*() {
      const outcome = yield* Demo.runDemo(quiet)
      expect(outcome.billing.review.meetingUniqueId).toBe(
        outcome.scheduling.meetings.find((m) => m.title === "Quarterly Review")?.uniqueId
      )
      expect(BillingChapter.figuresAdded(outcome.billing.before, outcome.billing.figures)).toEqual(added)
    }))
})

describe("billingFigures", () => {
  it("picks the currency's figures and reads an absent currency as zero in its minor units", () => {
    const revenue = {
      from: "2026-03-01",
      to: "2026-03-31",
      groupBy: "month" as const,
      currencies: [{ currency: "EUR", totalPaid: "9.99", paymentsCount: 1, periods: [] }]
    }
    const bucket = { current: "1", thirtyDays: "2", sixtyDays: "3", ninetyDays: "4", over90Days: "5", total: "15" }
    const aging = { asOf: "2026-03-31", currencies: [{ currency: "JPY", ...bucket, billingsCount: 5 }] }
    expect(BillingChapter.billingFigures(revenue, aging, "EUR")).toEqual({
      currency: "EUR",
      revenueThisMonth: "9.99",
      aging: {
        current: "0.00",
        thirtyDays: "0.00",
        sixtyDays: "0.00",
        ninetyDays: "0.00",
        over90Days: "0.00",
        total: "0.00"
      }
    })
    expect(BillingChapter.billingFigures(revenue, aging, "JPY")).toEqual({
      currency: "JPY",
      revenueThisMonth: "0",
      aging: bucket
    })
  })
})
