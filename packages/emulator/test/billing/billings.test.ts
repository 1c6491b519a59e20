/**
 * BillingsService against the emulator over loopback HTTP: every endpoint (success, 404, 422), input
 * refused before sending, property-based round trips, and the billing rules: one billing per meeting,
 * payments pending → partially_paid → paid, overpaying refused, paid billings voided not deleted, and
 * payment splits that always sum to the amount.
 */
import { CreateBillingRequest } from "@blocks-crm/billing"
import type { Billing } from "@blocks-crm/billing"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as TestEmulator from "../support/TestEmulator.js"
import { expectTag, raw, uuid } from "../support/TestEmulator.js"
import type { WireDocument, WireErrors } from "../support/TestEmulator.js"
import { cents, connectBilling, newMeeting } from "./BillingClient.js"

const review = {
  amount: "100.00",
  currency: "USD",
  payerName: "Globex",
  participantEmail: "gina@globex.example",
  dueAt: new Date("2026-04-01T00:00:00Z")
} as const

/** The attributes the server adds, left out to compare with what was sent. */
const echoed = (billing: Billing) => {
  const {
    amountPaid: _p,
    billingStatus: _b,
    createdAt: _c,
    enabled: _e,
    meetingUniqueId: _m,
    payments: _ps,
    status: _s,
    uniqueId: _u,
    updatedAt: _up,
    ...rest
  } = billing
  return rest
}

const isValidCreate = Schema.is(CreateBillingRequest)
const withoutSplit = Arbitrary.make(CreateBillingRequest.from.omit("paymentSplit")).filter(isValidCreate)

const pointers = (body: WireErrors) => body.errors.map((e) => e.source?.pointer)

layer(TestEmulator.layer(), { excludeTestServices: true })(
  "billing on the emulator",
  (it) => {
    describe("BillingsService", () => {
      it.effect("bill a meeting, read it by meeting and by id, update, then delete it", () =>
        Effect.gen(function*() {
          const { billings, meetings } = yield* connectBilling()
          const meetingId = yield* newMeeting(meetings, "Quarterly Review")
          const created = yield* billings.create(meetingId, review)
          expect(created).toStrictEqual({
            ...review,
            uniqueId: created.uniqueId,
            meetingUniqueId: meetingId,
            amountPaid: "0.00",
            billingStatus: "pending",
            payments: [],
            status: "active",
            enabled: true,
            createdAt: created.createdAt,
            updatedAt: created.createdAt
          })
          expect(created.uniqueId).toMatch(uuid)
          expect(yield* billings.get(created.uniqueId)).toStrictEqual(created)
          expect(yield* billings.forMeeting(meetingId)).toStrictEqual(created)

          const updated = yield* billings.update(created.uniqueId, { notes: "net 30", amount: "120.00" })
          expect(updated).toMatchObject({ uniqueId: created.uniqueId, notes: "net 30", amount: "120.00" })
          expect((yield* billings.get(created.uniqueId)).amount).toBe("120.00")

          yield* billings.delete(created.uniqueId)
          expectTag(yield* Effect.flip(billings.get(created.uniqueId)), "NotFound")
          expectTag(yield* Effect.flip(billings.forMeeting(meetingId)), "NotFound")
        }))

      it.effect("unknown meetings and billings are NotFound on every endpoint that takes an id", () =>
        Effect.gen(function*() {
          const { billings, meetings } = yield* connectBilling()
          expectTag(yield* Effect.flip(billings.create("no-such-meeting", review)), "NotFound")
          expectTag(yield* Effect.flip(billings.forMeeting("no-such-meeting")), "NotFound")
          const unbilled = yield* newMeeting(meetings)
          expectTag(yield* Effect.flip(billings.forMeeting(unbilled)), "NotFound")
          expectTag(yield* Effect.flip(billings.get("no-such-billing")), "NotFound")
          expectTag(yield* Effect.flip(billings.update("no-such-billing", { notes: "x" })), "NotFound")
          expectTag(yield* Effect.flip(billings.delete("no-such-billing")), "NotFound")
          expectTag(yield* Effect.flip(billings.paymentSplit("no-such-billing")), "NotFound")
        }))

      it.effect("a meeting is billed once: a second billing is a 422 on meeting_unique_id", () =>
        Effect.gen(function*() {
          const { billings, meetings } = yield* connectBilling()
          const meetingId = yield* newMeeting(meetings)
          yield* billings.create(meetingId, review)
          const error = expectTag(yield* Effect.flip(billings.create(meetingId, review)), "ValidationFailed")
          expect(error.errors.map((e) => e.source?.pointer)).toEqual(["/billing/meeting_unique_id"])
        }))

      it.effect("payments move pending → partially_paid → paid; 33.33 + 33.33 + 33.34 pays 100.00 exactly", () =>
        Effect.gen(function*() {
          const { billings, meetings } = yield* connectBilling()
          const billing = yield* billings.create(yield* newMeeting(meetings), review)
          const first = yield* billings.update(billing.uniqueId, {
            paymentAmount: "33.33",
            paidAt: new Date("2026-03-02T10:00:00Z")
          })
          expect(first).toMatchObject({ billingStatus: "partially_paid", amountPaid: "33.33" })
          expect(first.paidAt).toBeUndefined()
          const second = yield* billings.update(billing.uniqueId, { paymentAmount: "33.33" })
          expect(second).toMatchObject({ billingStatus: "partially_paid", amountPaid: "66.66" })
          const third = yield* billings.update(billing.uniqueId, {
            paymentAmount: "33.34",
            paidAt: new Date("2026-03-20T10:00:00Z")
          })
          expect(third).toMatchObject({ billingStatus: "paid", amountPaid: "100.00" })
          expect(third.paidAt).toEqual(new Date("2026-03-20T10:00:00Z"))
          expect(third.payments?.map((p) => p.amount)).toEqual(["33.33", "33.33", "33.34"])

          // Paid in full: one more cent is overpaying, and nothing changes.
          const over = expectTag(
            yield* Effect.flip(billings.update(billing.uniqueId, { paymentAmount: "0.01" })),
            "ValidationFailed"
          )
          expect(over.errors.map((e) => e.source?.pointer)).toEqual(["/billing/payment_amount"])
          expect((yield* billings.get(billing.uniqueId)).amountPaid).toBe("100.00")
          // Lowering the amount below what was paid is refused too.
          expectTag(yield* Effect.flip(billings.update(billing.uniqueId, { amount: "99.99" })), "ValidationFailed")
          // Raising it reopens the billing: partially paid again, no longer dated as paid.
          const raised = yield* billings.update(billing.uniqueId, { amount: "100.01" })
          expect(raised).toMatchObject({ billingStatus: "partially_paid", amountPaid: "100.00" })
          expect(raised.paidAt).toBeUndefined()
        }))

      it.effect("0.1 + 0.2 is 0.30, not 0.30000000000000004", () =>
        Effect.gen(function*() {
          const { billings, meetings } = yield* connectBilling()
          const billing = yield* billings.create(yield* newMeeting(meetings), { ...review, amount: "0.30" })
          yield* billings.update(billing.uniqueId, { paymentAmount: "0.1" })
          const paid = yield* billings.update(billing.uniqueId, { paymentAmount: "0.2" })
          expect(paid).toMatchObject({ amountPaid: "0.30", billingStatus: "paid" })
        }))

      it.effect("overpaying a pending billing is a 422 and records nothing", () =>
        Effect.gen(function*() {
          const { billings, meetings } = yield* connectBilling()
          const billing = yield* billings.create(yield* newMeeting(meetings), review)
          const error = expectTag(
            yield* Effect.flip(billings.update(billing.uniqueId, { paymentAmount: "100.01" })),
            "ValidationFailed"
          )
          expect(error.errors[0]?.code).toBe("overpaid")
          expect(yield* billings.get(billing.uniqueId)).toMatchObject({ billingStatus: "pending", amountPaid: "0.00" })
        }))

      it.effect("a billing with payments is not deleted (422) but voided; a void billing takes no payment", () =>
        Effect.gen(function*() {
          const { billings, meetings } = yield* connectBilling()
          const paid = yield* billings.create(yield* newMeeting(meetings), review)
          yield* billings.update(paid.uniqueId, { paymentAmount: "100.00" })
          const refused = expectTag(yield* Effect.flip(billings.delete(paid.uniqueId)), "ValidationFailed")
          expect(refused.errors.map((e) => e.source?.pointer)).toEqual(["/billing/billing_status"])
          expect(refused.errors[0]?.detail).toContain("void it instead")
          expect((yield* billings.get(paid.uniqueId)).billingStatus).toBe("paid")

          const voided = yield* billings.update(paid.uniqueId, { billingStatus: "void" })
          expect(voided.billingStatus).toBe("void")
          expectTag(yield* Effect.flip(billings.update(paid.uniqueId, { paymentAmount: "1.00" })), "ValidationFailed")
          expect((yield* billings.get(paid.uniqueId)).billingStatus).toBe("void")
        }))

      it.effect("the payment split: one part by default, explicit parts sum exactly, a breaking update is a 422", () =>
        Effect.gen(function*() {
          const { billings, meetings } = yield* connectBilling()
          const single = yield* billings.create(yield* newMeeting(meetings), review)
          expect(yield* billings.paymentSplit(single.uniqueId)).toStrictEqual({
            billingUniqueId: single.uniqueId,
            amount: "100.00",
            currency: "USD",
            parts: [{
              payerName: "Globex",
              participantEmail: review.participantEmail,
              amount: "100.00",
              percentage: 100
            }]
          })

          const split = yield* billings.create(yield* newMeeting(meetings), {
            ...review,
            payerName: "Acme Insurance",
            paymentSplit: [
              { payerName: "Acme Insurance", payerType: "insurer", amount: "80.00" },
              {
                payerName: "Gina",
                payerType: "participant",
                participantEmail: review.participantEmail,
                amount: "20.00"
              }
            ]
          })
          const parts = (yield* billings.paymentSplit(split.uniqueId)).parts
          expect(parts.map((p) => [p.payerName, p.amount, p.percentage])).toEqual([
            ["Acme Insurance", "80.00", 80],
            ["Gina", "20.00", 20]
          ])

          // A new amount without a new split breaks the sum: 422, and nothing changes.
          const broken = expectTag(
            yield* Effect.flip(billings.update(split.uniqueId, { amount: "150.00" })),
            "ValidationFailed"
          )
          expect(broken.errors.map((e) => e.source?.pointer)).toEqual(["/billing/payment_split"])
          expect((yield* billings.get(split.uniqueId)).amount).toBe("100.00")
          // With a split that sums, it goes through.
          const moved = yield* billings.update(split.uniqueId, {
            amount: "150.00",
            paymentSplit: [{ payerName: "Acme Insurance", amount: "120.00" }, { payerName: "Gina", amount: "30.00" }]
          })
          expect(moved.amount).toBe("150.00")
          expect((yield* billings.paymentSplit(split.uniqueId)).parts.map((p) => p.amount)).toEqual(["120.00", "30.00"])
        }))

      it.effect("invalid input is refused before anything is sent", () =>
        Effect.gen(function*() {
          const { billings, sent } = yield* connectBilling()
          const invalid = expectTag(
            yield* Effect.flip(billings.create("m-1", {
              amount: "12.345",
              currency: "USD",
              payerName: " ",
              participantEmail: "nope"
            })),
            "InvalidInput"
          )
          expect(invalid.operation).toBe("billings.create")
          expect(invalid.issues.map((issue) => issue.path).sort()).toEqual(["participantEmail", "payerName"])
          // The money rules run once the fields are valid: cents on yen, a split that does not sum.
          expectTag(
            yield* Effect.flip(billings.create("m-1", { amount: "0.50", currency: "JPY", payerName: "Globex" })),
            "InvalidInput"
          )
          expectTag(
            yield* Effect.flip(billings.create("m-1", {
              ...review,
              paymentSplit: [{ payerName: "A", amount: "33.33" }, { payerName: "B", amount: "66.66" }]
            })),
            "InvalidInput"
          )
          expectTag(yield* Effect.flip(billings.create("m-1", { ...review, currency: "XYZ" })), "InvalidInput")
          expectTag(yield* Effect.flip(billings.create("m-1", { ...review, amount: "1e3" })), "InvalidInput")
          expectTag(yield* Effect.flip(billings.update("some-id", {})), "InvalidInput")
          expectTag(yield* Effect.flip(billings.get("a/b")), "InvalidInput")
          expect(sent).toEqual([])
        }))
    })

    describe("the wire", () => {
      it.effect("amounts sent as JSON numbers are read from their decimal text; 422s name their field", () =>
        Effect.gen(function*() {
          const { meetings } = yield* connectBilling()
          const meetingId = yield* newMeeting(meetings)
          const created = yield* raw<WireDocument>("POST", `/meetings/${meetingId}/billing`, {
            body: { billing: { amount: 33.33, currency: "USD", payer_name: "Globex" } }
          })
          expect(created.status, created.text).toBe(201)
          expect(created.json.data.attributes["amount"]).toBe("33.33")
          const paid = yield* raw<WireDocument>("PUT", `/billings/${created.json.data.id}`, {
            body: { billing: { payment_amount: 0.1 } }
          })
          expect(paid.status, paid.text).toBe(200)
          expect(paid.json.data.attributes["amount_paid"]).toBe("0.10")

          const yen = yield* raw<WireErrors>("POST", `/meetings/${yield* newMeeting(meetings)}/billing`, {
            body: { billing: { amount: "10.5", currency: "JPY", payer_name: "Globex" } }
          })
          expect(yen.status).toBe(422)
          const unknown = yield* raw<WireErrors>("POST", `/meetings/${yield* newMeeting(meetings)}/billing`, {
            body: { billing: { amount: "10", currency: "ABC", payer_name: "Globex" } }
          })
          expect(unknown.status).toBe(422)
          expect(pointers(unknown.json)).toContain("/billing/currency")
        }))
    })

    describe("property-based", () => {
      it.effect("arbitrary valid billings round-trip client → emulator → client unchanged", () =>
        Effect.gen(function*() {
          const { billings, meetings } = yield* connectBilling()
          // Random splits almost never sum to the amount, so they come from the next test's generator.
          const inputs = fc.sample(withoutSplit, { seed: 21, numRuns: 25 })
          for (const input of inputs) {
            const created = yield* billings.create(yield* newMeeting(meetings), input)
            expect(echoed(created)).toStrictEqual(input)
            expect(yield* billings.get(created.uniqueId)).toStrictEqual(created)
          }
        }))

      it.effect("arbitrary splits of an amount round-trip, and their parts sum to it", () =>
        Effect.gen(function*() {
          const { billings, meetings } = yield* connectBilling()
          const splits = fc.record({
            cents: fc.integer({ min: 1, max: 10_000_000 }),
            cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 0, maxLength: 3 })
          }).map(({ cents: total, cuts }) => {
            const points = [0, ...cuts.map((c) => Math.floor(c * total)).sort((a, b) => a - b), total]
            return {
              total,
              parts: points.slice(1).map((point, index) => point - points[index]!)
            }
          })
          for (const { parts, total } of fc.sample(splits, { seed: 23, numRuns: 10 })) {
            const input = {
              amount: cents(total),
              currency: "EUR",
              payerName: "Acme Insurance",
              paymentSplit: parts.map((part, index) => ({ payerName: `Payer ${index}`, amount: cents(part) }))
            }
            const created = yield* billings.create(yield* newMeeting(meetings), input)
            expect(echoed(created)).toStrictEqual(input)
            const split = yield* billings.paymentSplit(created.uniqueId)
            expect(split.parts.map((p) => p.amount)).toEqual(parts.map(cents))
            expect(parts.reduce((t, p) => t + p, 0)).toBe(total)
          }
        }))

      it.effect("arbitrary invalid inputs fail with InvalidInput and send nothing", () =>
        Effect.gen(function*() {
          const { billings, sent } = yield* connectBilling()
          const isValid = Schema.is(CreateBillingRequest)
          const invalid = fc.record({
            amount: fc.oneof(fc.constantFrom("", "-1", "1,00", "1e3", "12.345", " 5"), fc.string(), fc.double()),
            currency: fc.oneof(fc.constantFrom("usd", "XYZ", "", "EURO"), fc.string({ maxLength: 4 })),
            payerName: fc.oneof(fc.constantFrom("", "  ", "a/b"), fc.string()),
            participantEmail: fc.oneof(fc.constantFrom("nope", "a@b"), fc.emailAddress())
          }, { requiredKeys: [] }).filter((input) => !isValid(input))
          for (const input of fc.sample(invalid, { seed: 22, numRuns: 60 })) {
            const error = expectTag(
              yield* Effect.flip(billings.create("m-1", input as unknown as CreateBillingRequest)),
              "InvalidInput"
            )
            expect(error.issues.length).toBeGreaterThan(0)
          }
          expect(sent).toEqual([])
        }))
    })

    it.effect("the emulator's OpenAPI document lists every billing endpoint at its documented path", () =>
      Effect.gen(function*() {
        const response = yield* raw<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json")
        expect(response.status).toBe(200)
        const methods = (path: string) => Object.keys(response.json.paths[path] ?? {}).sort()
        expect(methods("/meetings/{meetingId}/billing")).toEqual(["get", "post"])
        expect(methods("/billings/{uniqueId}")).toEqual(["delete", "get", "put"])
        expect(methods("/billings/{uniqueId}/payment_split")).toEqual(["get"])
        expect(methods("/billings/outstanding_by_payer")).toEqual(["get"])
        expect(methods("/billings/eap_sessions/{participantEmail}/{payerName}")).toEqual(["get"])
        expect(methods("/billings/reports/revenue")).toEqual(["get"])
        expect(methods("/billings/reports/aging")).toEqual(["get"])
        expect(methods("/billings/reports/participant/{participantEmail}")).toEqual(["get"])
      }))
  }
)
