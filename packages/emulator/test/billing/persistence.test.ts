/**
 * The billing state outlives the emulator and stays with its tenant: on the same SQLite file a restarted
 * emulator still has the billing, its payments (so overpaying is still refused) and its meeting link (so
 * a second billing is still refused); another tenant does not see it; a replayed POST with the same
 * Idempotency-Key answers the first billing instead of a 422.
 */
import { Emulator } from "@blocks-crm/emulator"
import { expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as TestEmulator from "../support/TestEmulator.js"
import type { WireDocument, WireErrors } from "../support/TestEmulator.js"
import { API_KEY_B, raw } from "../support/TestEmulator.js"

const tempDir = Effect.acquireRelease(
  Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "crm-billing-test-"))),
  (dir) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
)

const withEmulator = <A, E, R>(database: string, f: Effect.Effect<A, E, R | Emulator.Emulator>) =>
  Effect.scoped(
    Effect.flatMap(TestEmulator.start({ database }), (info) => Effect.provideService(f, Emulator.Emulator, info))
  )

const meetingBody = {
  meeting: { title: "Billed", start_time: "2031-05-01T10:00:00Z", end_time: "2031-05-01T11:00:00Z" }
}
const billingBody = { billing: { amount: "100.00", currency: "USD", payer_name: "Globex" } }

it.scopedLive("billings and their payments survive a restart, per tenant, and POSTs replay by Idempotency-Key", () =>
  Effect.gen(function*() {
    const database = path.join(yield* tempDir, "emulator.db")
    const ids = yield* withEmulator(
      database,
      Effect.gen(function*() {
        const meeting = yield* raw<WireDocument>("POST", "/meetings/", { body: meetingBody })
        const path = `/meetings/${meeting.json.data.id}/billing`
        const headers = { "Idempotency-Key": "bill-once-1" }
        const created = yield* raw<WireDocument>("POST", path, { body: billingBody, headers })
        expect(created.status, created.text).toBe(201)
        const replayed = yield* raw<WireDocument>("POST", path, { body: billingBody, headers })
        expect(replayed.status).toBe(201)
        expect(replayed.json.data.id).toBe(created.json.data.id)
        const paid = yield* raw<WireDocument>("PUT", `/billings/${created.json.data.id}`, {
          body: { billing: { payment_amount: "33.33" } }
        })
        expect(paid.json.data.attributes["billing_status"]).toBe("partially_paid")
        // Tenant B sees neither the billing nor the meeting.
        expect((yield* raw("GET", `/billings/${created.json.data.id}`, { apiKey: API_KEY_B })).status).toBe(404)
        expect((yield* raw("POST", path, { body: billingBody, apiKey: API_KEY_B })).status).toBe(404)
        return { meeting: meeting.json.data.id, billing: created.json.data.id }
      })
    )

    yield* withEmulator(
      database,
      Effect.gen(function*() {
        const billing = yield* raw<WireDocument>("GET", `/meetings/${ids.meeting}/billing`)
        expect(billing.json.data.id).toBe(ids.billing)
        expect(billing.json.data.attributes).toMatchObject({ amount: "100.00", amount_paid: "33.33" })
        const over = yield* raw<WireErrors>("PUT", `/billings/${ids.billing}`, {
          body: { billing: { payment_amount: "66.68" } }
        })
        expect(over.status).toBe(422)
        expect(over.json.errors[0]?.code).toBe("overpaid")
        const again = yield* raw<WireErrors>("POST", `/meetings/${ids.meeting}/billing`, { body: billingBody })
        expect(again.status).toBe(422)
        expect(again.json.errors[0]?.source?.pointer).toBe("/billing/meeting_unique_id")
      })
    )
  }))
