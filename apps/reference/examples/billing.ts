/**
 * The billing package on its own: what a team that installed only `@blocks-crm/billing` and
 * `@blocks-crm/core-http` writes. The package README's snippets are excerpts of this file.
 *
 *   BLOCKS_API_URL=... BLOCKS_AUTH_TOKEN=... BLOCKS_API_KEY=... tsx examples/billing.ts
 */
import { BillingReportsService, BillingServicesLive, BillingsService, Money } from "@blocks-crm/billing"
import { CrmTransport } from "@blocks-crm/core-http"
import { Console, Effect, Layer, Option } from "effect"

// Billings: a meeting billed once, split between an insurer and the participant, paid in three parts.
const billReview = (meetingId: string) =>
  Effect.gen(function*() {
    const billings = yield* BillingsService
    const billing = yield* billings.create(meetingId, {
      amount: "100.00", // exact decimal text, never a float
      currency: "USD",
      payerName: "Acme Insurance",
      participantEmail: "gina@globex.example",
      dueAt: new Date("2026-04-01T00:00:00Z"),
      paymentSplit: [
        { payerName: "Acme Insurance", payerType: "insurer", amount: "80.00" },
        { payerName: "Gina", payerType: "participant", amount: "20.00" }
      ]
    })
    for (const amount of ["33.33", "33.33", "33.34"]) {
      const paid = yield* billings.update(billing.uniqueId, { paymentAmount: amount })
      yield* Console.log(`${paid.amountPaid} of ${paid.amount} ${paid.currency}: ${paid.billingStatus}`)
    }
    // Paid in full: deleting is refused (ValidationFailed), voiding is not.
    yield* billings.delete(billing.uniqueId).pipe(
      Effect.catchTag("ValidationFailed", () => billings.update(billing.uniqueId, { billingStatus: "void" }))
    )
  })

// Reports: typed, and every total per currency.
const reports = Effect.gen(function*() {
  const reports = yield* BillingReportsService
  const revenue = yield* reports.revenue({ from: "2026-03-01", to: "2026-03-31", groupBy: "week" })
  for (const { currency, periods, totalPaid } of revenue.currencies) {
    yield* Console.log(`${currency} ${totalPaid}: ${periods.map((p) => `${p.period} ${p.paid}`).join(", ")}`)
  }
  const aging = yield* reports.aging({ asOf: "2026-03-31" })
  for (const bucket of aging.currencies) {
    yield* Console.log(
      `${bucket.currency} current ${bucket.current}, 1-30 ${bucket.thirtyDays}, 90+ ${bucket.over90Days}`
    )
  }
  const eap = yield* reports.eapSessions("ana@globex.example", "Globex EAP")
  yield* Console.log(`${eap.sessionCount} EAP sessions, ${eap.sessionsRemaining ?? "no allowance"} left`)
})

// Money: sums in minor units (bigint), the currency's digits from ICU.
const total = Money.sumMinor(["0.1", "0.2"], "USD").pipe(Option.map((minor) => Money.fromMinor(minor, "USD")))
// Option.some("0.30")

const program = Effect.gen(function*() {
  yield* billReview("meeting-123")
  yield* reports
  yield* Console.log(total)
})

program.pipe(
  Effect.provide(BillingServicesLive.pipe(Layer.provide(CrmTransport.layerFetchFromEnv()))),
  Effect.runPromise
)
