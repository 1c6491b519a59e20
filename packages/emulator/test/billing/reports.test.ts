/**
 * The billing reports against the emulator, each on its own fresh emulator, checked against sums this
 * test computes itself from the rows it created, in integer cents (yen in whole yen): revenue per day,
 * week and month with 33.33 + 33.33 + 33.34 on 100.00 and 0.1 + 0.2, two currencies never mixed; aging
 * buckets; outstanding by payer; EAP sessions with an allowance; a participant's billings and totals.
 */
import type { Billing, CreateBillingRequest } from "@blocks-crm/billing"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestEmulator from "../support/TestEmulator.js"
import { expectTag, raw } from "../support/TestEmulator.js"
import { addDays, cents, connectBilling, newMeeting } from "./BillingClient.js"

/** Each test on an emulator of its own, so that reports over the whole tenant see only its rows. */
const fresh = <A, E>(test: () => Effect.Effect<A, E, any>) => () =>
  Effect.scoped(Effect.provide(test(), TestEmulator.layer())) as Effect.Effect<A, E, never>

type Connected = Effect.Effect.Success<ReturnType<typeof connectBilling>>

const bill = (client: Connected, data: CreateBillingRequest) =>
  Effect.flatMap(newMeeting(client.meetings), (meetingId) => client.billings.create(meetingId, data))

const pay = (client: Connected, billing: Billing, amount: string, day: string) =>
  client.billings.update(billing.uniqueId, { paymentAmount: amount, paidAt: new Date(`${day}T12:00:00Z`) })

/** Plain integer sums (cents stay far below 2^53 here), formatted per currency. */
const sum = (values: ReadonlyArray<number>) => values.reduce((t, v) => t + v, 0)
const yen = (value: number) => String(value)

describe("billing reports on the emulator", () => {
  it.effect(
    "revenue per month, week and day: payments in range, per currency, exact to the cent",
    fresh(() =>
      Effect.gen(function*() {
        const client = yield* connectBilling()
        const { reports } = client
        // USD: 100.00 paid as 33.33 + 33.33 + 33.34; 0.30 paid as 0.1 + 0.2; one payment after the range.
        const review = yield* bill(client, { amount: cents(10_000), currency: "USD", payerName: "Globex" })
        const usdPayments = [
          { cents: 3333, day: "2026-03-02" },
          { cents: 3333, day: "2026-03-09" },
          { cents: 3334, day: "2026-03-20" }
        ]
        for (const p of usdPayments) yield* pay(client, review, cents(p.cents), p.day)
        const small = yield* bill(client, { amount: "0.30", currency: "USD", payerName: "Initech" })
        yield* pay(client, small, "0.1", "2026-03-05")
        yield* pay(client, small, "0.2", "2026-03-05")
        const usdAll = [...usdPayments, { cents: 10, day: "2026-03-05" }, { cents: 20, day: "2026-03-05" }]
        const april = yield* bill(client, { amount: "50.00", currency: "USD", payerName: "Globex" })
        yield* pay(client, april, "50.00", "2026-04-01")
        // EUR: 80.00 billed, 20.00 paid in March; never added to dollars.
        const euro = yield* bill(client, { amount: "80.00", currency: "EUR", payerName: "Globex" })
        yield* pay(client, euro, "20.00", "2026-03-10")
        // A void billing's payments are not revenue.
        const voided = yield* bill(client, { amount: "10.00", currency: "USD", payerName: "Globex" })
        yield* pay(client, voided, "10.00", "2026-03-03")
        yield* client.billings.update(voided.uniqueId, { billingStatus: "void" })

        const month = yield* reports.revenue({ from: "2026-03-01", to: "2026-03-31", groupBy: "month" })
        const usdTotal = sum(usdAll.map((p) => p.cents))
        expect(usdTotal).toBe(10_030)
        expect(month).toStrictEqual({
          from: "2026-03-01",
          to: "2026-03-31",
          groupBy: "month",
          currencies: [
            {
              currency: "EUR",
              totalPaid: cents(2000),
              paymentsCount: 1,
              periods: [{ period: "2026-03-01", paid: cents(2000), paymentsCount: 1 }]
            },
            {
              currency: "USD",
              totalPaid: cents(usdTotal),
              paymentsCount: usdAll.length,
              periods: [{ period: "2026-03-01", paid: cents(usdTotal), paymentsCount: usdAll.length }]
            }
          ]
        })

        // Weeks from Monday: 2 Mar, 9 Mar, 16 Mar (2026-03-02 is a Monday).
        const weekOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7))
        const weeks = new Map<string, number>()
        for (const p of usdAll) weeks.set(weekOf(p.day), (weeks.get(weekOf(p.day)) ?? 0) + p.cents)
        const weekly = yield* reports.revenue({ from: "2026-03-01", to: "2026-03-31", groupBy: "week" })
        const usdWeeks = weekly.currencies.find((c) => c.currency === "USD")!
        expect(usdWeeks.periods.map((p) => [p.period, p.paid])).toEqual(
          [...weeks].sort(([a], [b]) => a.localeCompare(b)).map(([week, total]) => [week, cents(total)])
        )
        expect(usdWeeks.periods.map((p) => p.paid)).toEqual(["33.63", "33.33", "33.34"])

        // One day: the two small payments only, 0.1 + 0.2 = 0.30.
        const day = yield* reports.revenue({ from: "2026-03-05", to: "2026-03-05", groupBy: "day" })
        expect(day.currencies).toStrictEqual([{
          currency: "USD",
          totalPaid: "0.30",
          paymentsCount: 2,
          periods: [{ period: "2026-03-05", paid: "0.30", paymentsCount: 2 }]
        }])
      })
    ),
    60_000 // a fresh emulator per test, on a shared machine
  )

  it.effect(
    "aging buckets as of a day, per currency, from the rows' due dates and what is left to pay",
    fresh(() =>
      Effect.gen(function*() {
        const client = yield* connectBilling()
        const { reports } = client
        const asOf = "2026-03-31"
        const rows = [
          { currency: "USD", billed: 20_000, paid: 0, daysLate: -10 }, // not yet due
          { currency: "USD", billed: 10_000, paid: 3333, daysLate: 0 }, // due today: current
          { currency: "USD", billed: 7_550, paid: 0, daysLate: 1 },
          { currency: "USD", billed: 1_000, paid: 0, daysLate: 30 },
          { currency: "USD", billed: 4_000, paid: 1_000, daysLate: 31 },
          { currency: "USD", billed: 999, paid: 0, daysLate: 61 },
          { currency: "USD", billed: 30, paid: 0, daysLate: 91 },
          { currency: "USD", billed: 5_000, paid: 5_000, daysLate: 120 }, // paid: not outstanding
          { currency: "EUR", billed: 8_000, paid: 2_000, daysLate: 11 },
          { currency: "JPY", billed: 1_500, paid: 0, daysLate: 106 }
        ] as const
        for (const row of rows) {
          const format = row.currency === "JPY" ? yen : cents
          const billing = yield* bill(client, {
            amount: format(row.billed),
            currency: row.currency,
            payerName: "Globex",
            dueAt: new Date(`${addDays(asOf, -row.daysLate)}T09:00:00Z`)
          })
          if (row.paid > 0) yield* pay(client, billing, format(row.paid), "2026-03-01")
        }
        const bucket = (late: number) =>
          late <= 0
            ? "current"
            : late <= 30
            ? "thirtyDays"
            : late <= 60
            ? "sixtyDays"
            : late <= 90
            ? "ninetyDays"
            : "over90Days"
        const expected = ["EUR", "JPY", "USD"].map((currency) => {
          const owing = rows.filter((r) => r.currency === currency && r.billed > r.paid)
          const format = currency === "JPY" ? yen : cents
          const inBucket = (name: string) =>
            format(sum(owing.filter((r) => bucket(r.daysLate) === name).map((r) => r.billed - r.paid)))
          return {
            currency,
            current: inBucket("current"),
            thirtyDays: inBucket("thirtyDays"),
            sixtyDays: inBucket("sixtyDays"),
            ninetyDays: inBucket("ninetyDays"),
            over90Days: inBucket("over90Days"),
            total: format(sum(owing.map((r) => r.billed - r.paid))),
            billingsCount: owing.length
          }
        })
        const report = yield* reports.aging({ asOf })
        expect(report).toStrictEqual({ asOf, currencies: expected })
        // The figures above, spelled out once, so a wrong bucket rule in the test itself shows too.
        expect(report.currencies.find((c) => c.currency === "USD")).toMatchObject({
          current: "266.67",
          thirtyDays: "85.50",
          sixtyDays: "30.00",
          ninetyDays: "9.99",
          over90Days: "0.30",
          total: "392.46"
        })
        expect(report.currencies.find((c) => c.currency === "JPY")?.over90Days).toBe("1500")

        // A later day moves the same rows along; the default day is today.
        const later = yield* reports.aging({ asOf: addDays(asOf, 60) })
        expect(later.currencies.find((c) => c.currency === "EUR")?.ninetyDays).toBe("60.00")
        expect((yield* reports.aging()).asOf).toBe(new Date().toISOString().slice(0, 10))
      })
    ),
    60_000 // a fresh emulator per test, on a shared machine
  )

  it.effect(
    "outstanding by payer: per payer and currency, paid and void billings left out",
    fresh(() =>
      Effect.gen(function*() {
        const client = yield* connectBilling()
        const { billings, reports } = client
        const rows = [
          { payerName: "Acme Insurance", currency: "USD", billed: 3333, paid: 0 },
          { payerName: "Acme Insurance", currency: "USD", billed: 3333, paid: 1000 },
          { payerName: "Acme Insurance", currency: "USD", billed: 3334, paid: 3334 },
          { payerName: "Acme Insurance", currency: "EUR", billed: 10, paid: 0 },
          { payerName: "Globex", currency: "USD", billed: 20, paid: 0 }
        ] as const
        for (const row of rows) {
          const billing = yield* bill(client, {
            amount: cents(row.billed),
            currency: row.currency,
            payerName: row.payerName
          })
          if (row.paid > 0) yield* pay(client, billing, cents(row.paid), "2026-03-01")
        }
        const gone = yield* bill(client, { amount: "5.00", currency: "USD", payerName: "Globex" })
        yield* billings.update(gone.uniqueId, { billingStatus: "void" })

        const expected = [
          ["Acme Insurance", "EUR"],
          ["Acme Insurance", "USD"],
          ["Globex", "USD"]
        ].map(([payerName, currency]) => {
          const owing = rows.filter((r) => r.payerName === payerName && r.currency === currency && r.billed > r.paid)
          return {
            payerName,
            currency,
            totalOutstanding: cents(sum(owing.map((r) => r.billed - r.paid))),
            billingsCount: owing.length
          }
        })
        expect(yield* reports.outstandingByPayer()).toStrictEqual(expected)
        expect(expected[1]!.totalOutstanding).toBe("56.66")
      })
    ),
    60_000 // a fresh emulator per test, on a shared machine
  )

  it.effect(
    "EAP sessions of a participant with a payer: count, totals and the allowance left",
    fresh(() =>
      Effect.gen(function*() {
        const client = yield* connectBilling()
        const { billings, reports } = client
        const email = "ana@globex.example"
        const payer = "Globex EAP"
        const sessions = [12_000, 12_000, 8_050]
        const made: Array<Billing> = []
        for (const [index, amount] of sessions.entries()) {
          made.push(
            yield* bill(client, {
              amount: cents(amount),
              currency: "USD",
              payerName: payer,
              participantEmail: email,
              eap: true,
              ...(index === 0 ? { eapSessionsAllowed: 6 } : {})
            })
          )
        }
        yield* pay(client, made[0]!, cents(12_000), "2026-03-02")
        // Not counted: another payer, a billing that is not EAP, a void session.
        yield* bill(client, {
          amount: "1.00",
          currency: "USD",
          payerName: "Other EAP",
          participantEmail: email,
          eap: true
        })
        yield* bill(client, { amount: "1.00", currency: "USD", payerName: payer, participantEmail: email })
        const voided = yield* bill(client, {
          amount: "1.00",
          currency: "USD",
          payerName: payer,
          participantEmail: email,
          eap: true
        })
        yield* billings.update(voided.uniqueId, { billingStatus: "void" })

        const report = yield* reports.eapSessions(email.toUpperCase(), payer)
        expect(report).toMatchObject({
          payerName: payer,
          sessionCount: sessions.length,
          sessionsAllowed: 6,
          sessionsRemaining: 6 - sessions.length
        })
        expect(report.sessions.map((s) => s.billingUniqueId)).toEqual(made.map((b) => b.uniqueId))
        expect(report.totals).toStrictEqual([{
          currency: "USD",
          billed: cents(sum(sessions)),
          paid: cents(12_000),
          outstanding: cents(sum(sessions) - 12_000),
          billingsCount: sessions.length
        }])
        // Without an allowance there is no used/remaining to report.
        const other = yield* reports.eapSessions(email, "Other EAP")
        expect(other.sessionCount).toBe(1)
        expect(other.sessionsAllowed).toBeUndefined()
        expect(other.sessionsRemaining).toBeUndefined()
        const none = yield* reports.eapSessions("nobody@globex.example", payer)
        expect(none).toMatchObject({ sessionCount: 0, sessions: [], totals: [] })
      })
    ),
    60_000 // a fresh emulator per test, on a shared machine
  )

  it.effect(
    "participant report: every billing of the participant and totals per currency",
    fresh(() =>
      Effect.gen(function*() {
        const client = yield* connectBilling()
        const { billings, reports } = client
        const email = "ben@globex.example"
        const rows = [
          { currency: "USD", billed: 3333, paid: 3333 },
          { currency: "USD", billed: 3333, paid: 0 },
          { currency: "USD", billed: 3334, paid: 1 },
          { currency: "GBP", billed: 10, paid: 0 }
        ] as const
        const mine: Array<string> = []
        for (const row of rows) {
          const billing = yield* bill(client, {
            amount: cents(row.billed),
            currency: row.currency,
            payerName: "Globex",
            participantEmail: email
          })
          mine.push(billing.uniqueId)
          if (row.paid > 0) yield* pay(client, billing, cents(row.paid), "2026-03-02")
        }
        const voided = yield* bill(client, {
          amount: "7.00",
          currency: "USD",
          payerName: "Globex",
          participantEmail: email
        })
        yield* billings.update(voided.uniqueId, { billingStatus: "void" })
        mine.push(voided.uniqueId)
        yield* bill(client, {
          amount: "9.00",
          currency: "USD",
          payerName: "Globex",
          participantEmail: "someone@else.example"
        })

        const report = yield* reports.participant(email)
        expect(report.participantEmail).toBe(email)
        expect(report.billings.map((b) => b.uniqueId)).toEqual(mine)
        const totals = (currency: string) => {
          const of = rows.filter((r) => r.currency === currency)
          return {
            currency,
            billed: cents(sum(of.map((r) => r.billed))),
            paid: cents(sum(of.map((r) => r.paid))),
            outstanding: cents(sum(of.map((r) => r.billed - r.paid))),
            billingsCount: of.length
          }
        }
        expect(report.totals).toStrictEqual([totals("GBP"), totals("USD")])
        expect(report.totals[1]!.billed).toBe("100.00")
      })
    ),
    60_000 // a fresh emulator per test, on a shared machine
  )

  it.effect(
    "report inputs are validated before sending; a raw inverted range is a 422",
    fresh(() =>
      Effect.gen(function*() {
        const client = yield* connectBilling()
        const { reports, sent } = client
        expectTag(yield* Effect.flip(reports.revenue({ from: "2026-03-31", to: "2026-03-01" })), "InvalidInput")
        expectTag(yield* Effect.flip(reports.revenue({ from: "2026-02-30", to: "2026-03-01" })), "InvalidInput")
        expectTag(
          yield* Effect.flip(reports.revenue({ from: "2026-03-01", to: "2026-03-31", groupBy: "year" as "day" })),
          "InvalidInput"
        )
        expectTag(yield* Effect.flip(reports.aging({ asOf: "31/03/2026" })), "InvalidInput")
        expectTag(yield* Effect.flip(reports.participant("not-an-email")), "InvalidInput")
        expectTag(yield* Effect.flip(reports.eapSessions("ana@globex.example", " ")), "InvalidInput")
        expect(sent).toEqual([])
        const inverted = yield* raw("GET", "/billings/reports/revenue?from=2026-03-31&to=2026-03-01")
        expect(inverted.status).toBe(422)
      })
    ),
    60_000 // a fresh emulator per test, on a shared machine
  )
})
