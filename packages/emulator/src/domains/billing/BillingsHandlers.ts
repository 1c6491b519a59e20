/**
 * The emulator's billings. A billing belongs to a meeting, read through the scheduling domain's own
 * collection (404 for an unknown meeting), one per meeting (422 on a second). A payment moves it from
 * pending to partially_paid to paid, and overpaying is a 422; a split's parts always sum to the
 * amount (an update that breaks that is a 422); a billing with payments is voided, not deleted (422).
 */
import { BillingApi, Money } from "@blocks-crm/billing"
import type { Billing, BillingStatus, Payment } from "@blocks-crm/billing"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { created, group, invalid, notFound, updated } from "../Resources.js"
import { minor, openBilling, paidMinor } from "./Records.js"
import { Directory } from "../../Directory.js"

const fits = (pointer: string, amount: string, currency: string) =>
  Option.match(Money.toMinor(amount, currency), {
    onNone: () =>
      Effect.fail(
        invalid(pointer, "invalid_amount", `${amount} has more decimals than ${currency}'s minor units`)
      ),
    onSome: Effect.succeed
  })

const checkSplit = (
  split: ReadonlyArray<{ readonly amount: string }> | undefined,
  amount: bigint,
  currency: string
) =>
  Effect.gen(function*() {
    if (split === undefined) return
    let total = 0n
    for (const [index, part] of split.entries()) {
      total += yield* fits(`/billing/payment_split/${index}/amount`, part.amount, currency)
    }
    if (total !== amount) {
      return yield* Effect.fail(
        invalid(
          "/billing/payment_split",
          "split_mismatch",
          `the parts sum to ${Money.fromMinor(total, currency)}, not the amount ${Money.fromMinor(amount, currency)}`
        )
      )
    }
  })

const statusOf = (paid: bigint, amount: bigint): BillingStatus =>
  paid === 0n ? "pending" : paid < amount ? "partially_paid" : "paid"

/** The emulator's handlers for the billings endpoints. */
export const BillingsHandlers = group(BillingApi, "billings", (handlers) =>
  Effect.gen(function*() {
    const { billings } = yield* openBilling
    const { meetings } = yield* Directory

    const ofMeeting = (meetingId: string) => Effect.zipRight(meetings.find(meetingId), billings.all(meetingId))

    return handlers
      .handle("forMeeting", ({ path }) =>
        Effect.flatMap(ofMeeting(path.meetingId), (found) =>
          found[0] === undefined ? Effect.fail(notFound("Billing")) : Effect.succeed(found[0])))
      .handle("create", ({ path, payload }) =>
        Effect.gen(function*() {
          const existing = yield* ofMeeting(path.meetingId)
          if (existing.length > 0) {
            return yield* Effect.fail(
              invalid("/billing/meeting_unique_id", "taken", "this meeting already has a billing")
            )
          }
          const amount = yield* fits("/billing/amount", payload.amount, payload.currency)
          yield* checkSplit(payload.paymentSplit, amount, payload.currency)
          const now = new Date()
          const billing: Billing = {
            ...payload,
            ...created(now),
            meetingUniqueId: path.meetingId,
            amountPaid: Money.fromMinor(0n, payload.currency),
            billingStatus: "pending",
            payments: [],
            status: "active",
            enabled: true
          }
          return yield* billings.insert(billing, { parentId: path.meetingId })
        }))
      .handle("get", ({ path }) =>
        billings.find(path.uniqueId))
      .handle("update", ({ path, payload }) =>
        Effect.gen(function*() {
          const current = yield* billings.find(path.uniqueId)
          const { billingStatus, paidAt, paymentAmount, ...attributes } = payload
          const currency = attributes.currency ?? current.currency
          const payments: Array<Payment> = [...(current.payments ?? [])]
          if (currency !== current.currency && payments.length > 0) {
            return yield* Effect.fail(
              invalid("/billing/currency", "locked", "the currency cannot change once payments are recorded")
            )
          }
          const amount = yield* fits("/billing/amount", attributes.amount ?? current.amount, currency)
          yield* checkSplit(attributes.paymentSplit ?? current.paymentSplit, amount, currency)
          if (paymentAmount !== undefined) {
            if (current.billingStatus === "void" || billingStatus === "void") {
              return yield* Effect.fail(
                invalid("/billing/payment_amount", "void", "a void billing takes no payment")
              )
            }
            const payment = yield* fits("/billing/payment_amount", paymentAmount, currency)
            if (payment <= 0n) {
              return yield* Effect.fail(invalid("/billing/payment_amount", "invalid_amount", "must be more than 0"))
            }
            payments.push({ amount: paymentAmount, paidAt: paidAt ?? new Date() })
          }
          const paid = payments.reduce((total, p) =>
            total + minor(p.amount, currency), 0n)
          if (paid > amount) {
            return yield* Effect.fail(
              invalid(
                paymentAmount !== undefined ? "/billing/payment_amount" : "/billing/amount",
                "overpaid",
                `payments of ${Money.fromMinor(paid, currency)} exceed the amount ${Money.fromMinor(amount, currency)}`
              )
            )
          }
          const status: BillingStatus = billingStatus === "void" || current.billingStatus === "void"
            ? "void"
            : statusOf(paid, amount)
          const lastPayment = payments.at(-1)
          // paid_at says when it was paid in full: gone once it is not (a raised amount), kept on a void.
          const { paidAt: lastPaidAt, ...kept } = current
          const next: Billing = {
            ...kept,
            ...(status === "pending" || status === "partially_paid" || lastPaidAt === undefined
              ? {}
              : { paidAt: lastPaidAt }),
            ...attributes,
            currency,
            amountPaid: Money.fromMinor(paid, currency),
            billingStatus: status,
            payments,
            ...(status === "paid" && current.billingStatus !== "paid" && lastPayment !== undefined
              ? { paidAt: lastPayment.paidAt }
              : {}),
            ...updated()
          }
          return yield* billings.update(path.uniqueId, () => next)
        }))
      .handle("delete", ({ path }) =>
        Effect.gen(function*() {
          const current = yield* billings.find(path.uniqueId)
          if (paidMinor(current) > 0n) {
            return yield* Effect.fail(
              invalid(
                "/billing/billing_status",
                "has_payments",
                `a ${current.billingStatus} billing cannot be deleted; void it instead`
              )
            )
          }
          yield* billings.remove(path.uniqueId)
        }))
      .handle("paymentSplit", ({ path }) =>
        Effect.map(billings.find(path.uniqueId), (billing) => {
          const total = minor(billing.amount, billing.currency)
          const parts = billing.paymentSplit ?? [{
            payerName: billing.payerName ?? "",
            ...(billing.payerType === undefined ? {} : { payerType: billing.payerType }),
            ...(billing.participantEmail === undefined ? {} : { participantEmail: billing.participantEmail }),
            amount: billing.amount
          }]
          return {
            billingUniqueId: billing.uniqueId,
            amount: billing.amount,
            currency: billing.currency,
            parts: parts.map((part) => ({
              ...part,
              // Basis points, rounded half up, then percent with two decimals: a share, not money.
              percentage: total === 0n
                ? 0
                : Number((minor(part.amount, billing.currency) * 20_000n / total + 1n) / 2n) / 100
            }))
          }
        }))
  }))
