/**
 * The billing domain's collection and the money arithmetic every handler shares. Amounts are kept as
 * the exact decimal text the client sent and every sum is taken in integer minor units (`bigint`, via
 * `Money`), never in floats.
 */
import { Billing, Money } from "@blocks-crm/billing"
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { RecordStore } from "../../RecordStore.js"
import { resource } from "../Resources.js"

/** The billing domain's collections over the record store. */
export const billingRecords = (store: Context.Tag.Service<typeof RecordStore>) => ({
  /** Kept under their meeting (`parentId`): one billing per meeting. */
  billings: resource(
    store.collection("billings", Billing, {
      idOf: (billing) => billing.uniqueId,
      searchText: (billing) => [billing.payerName ?? "", billing.participantEmail ?? ""].join(" ")
    }),
    "Billing"
  )
})

/** The billing domain's collections, opened over the emulator's record store. */
export const openBilling = Effect.map(RecordStore, billingRecords)

/**
 * Minor units of an amount already accepted in its currency. Stored amounts were checked on the way in,
 * so a misfit here is a defect.
 */
export const minor = (amount: string, currency: string): bigint =>
  Option.getOrElse(Money.toMinor(amount, currency), () => {
    throw new Error(`stored amount ${amount} does not fit ${currency}`)
  })

/** What has been paid on a billing, in minor units. */
export const paidMinor = (billing: Billing): bigint =>
  (billing.payments ?? []).reduce((total, payment) => total + minor(payment.amount, billing.currency), 0n)

/** What is left to pay (zero for a void billing). */
export const outstandingMinor = (billing: Billing): bigint =>
  billing.billingStatus === "void" ? 0n : minor(billing.amount, billing.currency) - paidMinor(billing)

/** The UTC calendar day of an instant (`2026-03-15`). */
export const utcDay = (date: Date): string => date.toISOString().slice(0, 10)

/** Whole days from `from` to `to` (calendar days, `YYYY-MM-DD`). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** Sums per currency, kept apart: amounts of two currencies are never added. */
export const byCurrency = <A>(rows: ReadonlyArray<A>, currencyOf: (row: A) => string) => {
  const groups = new Map<string, Array<A>>()
  for (const row of rows) {
    const currency = currencyOf(row)
    const group = groups.get(currency) ?? []
    group.push(row)
    groups.set(currency, group)
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b))
}

/** Billed, paid and outstanding per currency over billings (void ones left out of the totals). */
export const currencyTotals = (billings: ReadonlyArray<Billing>) =>
  byCurrency(billings.filter((b) => b.billingStatus !== "void"), (b) => b.currency).map(([currency, rows]) => {
    const billed = rows.reduce((t, b) => t + minor(b.amount, currency), 0n)
    const paid = rows.reduce((t, b) => t + paidMinor(b), 0n)
    return {
      currency,
      billed: Money.fromMinor(billed, currency),
      paid: Money.fromMinor(paid, currency),
      outstanding: Money.fromMinor(billed - paid, currency),
      billingsCount: rows.length
    }
  })
