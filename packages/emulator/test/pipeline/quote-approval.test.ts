/**
 * The quote approval workflow on the emulator, through `QuotesService` over loopback: every move of the
 * pipeline model's `QuoteStatusTransitions` is taken, every other one is a 422 on `/quote/status` naming
 * both statuses (and changes nothing), and an accepted quote's price is locked.
 */
import { QuoteStatus, QuoteStatusTransitions } from "@blocks-crm/pipeline"
import type { QuoteStatus as Status } from "@blocks-crm/pipeline"
import { describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestEmulator from "../support/TestEmulator.js"
import { connect, expectTag } from "../support/TestEmulator.js"

const statuses = QuoteStatus.literals
/** The way from a new (draft) quote to `status` through the graph. */
const pathTo: Record<Status, ReadonlyArray<Status>> = {
  draft: [],
  sent: ["sent"],
  accepted: ["sent", "accepted"],
  rejected: ["sent", "rejected"]
}

/** A quote of its own in `status`, reached through the workflow. */
const quoteIn = (status: Status) =>
  Effect.gen(function*() {
    const crm = yield* connect()
    const quote = yield* crm.quotes.create({ title: `A ${status} quote`, amount: 1200, currency: "USD" })
    for (const step of pathTo[status]) yield* crm.quotes.update(quote.uniqueId, { status: step })
    return { crm, id: quote.uniqueId }
  })

layer(TestEmulator.layer(), { excludeTestServices: true })("quote approval on the emulator", (it) => {
  describe("transitions", () => {
    it.effect("every move of the graph is taken, and staying in a status is no move", () =>
      Effect.gen(function*() {
        const moves = statuses.flatMap((from) =>
          [from, ...QuoteStatusTransitions[from]].map((to) => [from, to] as const)
        )
        // draft→sent, sent→accepted, sent→rejected, sent→draft, and the four stays.
        expect(moves).toHaveLength(8)
        for (const [from, to] of moves) {
          const { crm, id } = yield* quoteIn(from)
          const moved = yield* crm.quotes.update(id, { status: to })
          expect(moved.status, `${from} → ${to}`).toBe(to)
          expect((yield* crm.quotes.get(id)).status).toBe(to)
        }
      }))

    it.effect("every other move is a 422 on /quote/status naming the current and the requested status", () =>
      Effect.gen(function*() {
        const refused = statuses.flatMap((from) =>
          statuses.filter((to) => to !== from && !QuoteStatusTransitions[from].includes(to)).map((to) =>
            [from, to] as const
          )
        )
        // draft→accepted, draft→rejected, and the six moves out of the final statuses.
        expect(refused).toHaveLength(8)
        for (const [from, to] of refused) {
          const { crm, id } = yield* quoteIn(from)
          const error = expectTag(
            yield* Effect.flip(crm.quotes.update(id, { status: to, notes: "jump" })),
            "ValidationFailed"
          )
          expect(error.status).toBe(422)
          expect(error.errors).toEqual([{
            status: "422",
            code: "invalid_status_transition",
            title: "Invalid Attribute",
            detail: `Quote status cannot change from ${from} to ${to}`,
            source: { pointer: "/quote/status" }
          }])
          // Nothing of the refused request was stored.
          const after = yield* crm.quotes.get(id)
          expect(after.status).toBe(from)
          expect(after.notes).toBeUndefined()
        }
      }))
  })

  describe("an accepted quote's price", () => {
    it.effect("its amount and currency cannot change; its other attributes can, and the same amount is no change", () =>
      Effect.gen(function*() {
        const { crm, id } = yield* quoteIn("accepted")
        const amount = expectTag(yield* Effect.flip(crm.quotes.update(id, { amount: 1500 })), "ValidationFailed")
        expect(amount.errors).toEqual([{
          status: "422",
          code: "locked",
          title: "Invalid Attribute",
          detail: "An accepted quote's amount cannot change (it is 1200)",
          source: { pointer: "/quote/amount" }
        }])
        const currency = expectTag(yield* Effect.flip(crm.quotes.update(id, { currency: "EUR" })), "ValidationFailed")
        expect(currency.errors[0]?.source?.pointer).toBe("/quote/currency")
        expect(yield* crm.quotes.get(id)).toMatchObject({ status: "accepted", amount: 1200, currency: "USD" })

        const noted = yield* crm.quotes.update(id, { notes: "Signed copy received", amount: 1200 })
        expect(noted).toMatchObject({ notes: "Signed copy received", amount: 1200 })
      }))

    it.effect("accepting and changing the amount in one request is refused; a sent quote's amount may change", () =>
      Effect.gen(function*() {
        const { crm, id } = yield* quoteIn("sent")
        const error = expectTag(
          yield* Effect.flip(crm.quotes.update(id, { status: "accepted", amount: 999 })),
          "ValidationFailed"
        )
        expect(error.errors[0]?.source?.pointer).toBe("/quote/amount")
        expect((yield* crm.quotes.get(id)).status).toBe("sent")
        expect(yield* crm.quotes.update(id, { amount: 999 })).toMatchObject({ amount: 999 })
        expect(yield* crm.quotes.update(id, { status: "accepted" })).toMatchObject({ status: "accepted" })
      }))
  })
})
