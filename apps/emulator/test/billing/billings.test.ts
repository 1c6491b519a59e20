/**
 * BillingsService against the emulator over loopback HTTP: every endpoint, a 404, input
 * refused before sending, and the resource in the emulator's OpenAPI document.
 */
import { Emulator } from "@blocks-crm/emulator"
import { BillingsService } from "@blocks-crm/billing"
import { describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestEmulator from "../support/TestEmulator.js"
import { expectTag, raw, uuid } from "../support/TestEmulator.js"
import type { SentRequest } from "../support/TestEmulator.js"

/** The service over the file's emulator, and every request it sends. */
const connect = Effect.gen(function*() {
  const info = yield* Emulator.Emulator
  const sent: Array<SentRequest> = []
  const billings = yield* BillingsService.pipe(
    Effect.provide(BillingsService.Default.pipe(Layer.provide(TestEmulator.transportLayer(TestEmulator.transportOptions(info), sent))))
  )
  return { billings, sent }
})

layer(TestEmulator.layer(), { excludeTestServices: true })("billing billings on the emulator", (it) => {
  describe("BillingsService", () => {
    it.effect("create, get, list, update and delete round-trip every value", () =>
      Effect.gen(function*() {
        const { billings } = yield* connect
        const created = yield* billings.create({ name: "Quarterly review", ownerEmail: "owner@example.com" })
        expect(created).toStrictEqual({
          uniqueId: created.uniqueId,
          name: "Quarterly review",
          ownerEmail: "owner@example.com",
          createdAt: created.createdAt,
          updatedAt: created.createdAt
        })
        expect(created.uniqueId).toMatch(uuid)
        expect(created.createdAt).toBeInstanceOf(Date)
        expect(yield* billings.get(created.uniqueId)).toStrictEqual(created)

        const page = yield* billings.list({ records: 100 })
        expect(page.data.map((billing) => billing.uniqueId)).toContain(created.uniqueId)

        const updated = yield* billings.update(created.uniqueId, { notes: "moved to Friday" })
        expect(updated).toMatchObject({ uniqueId: created.uniqueId, name: "Quarterly review", notes: "moved to Friday" })
        expect((yield* billings.get(created.uniqueId)).notes).toBe("moved to Friday")

        yield* billings.delete(created.uniqueId)
        expectTag(yield* Effect.flip(billings.get(created.uniqueId)), "NotFound")
      }))

    it.effect("an unknown id is NotFound", () =>
      Effect.gen(function*() {
        const { billings } = yield* connect
        expectTag(yield* Effect.flip(billings.get("no-such-billing")), "NotFound")
        expectTag(yield* Effect.flip(billings.delete("no-such-billing")), "NotFound")
      }))

    it.effect("invalid input is refused before anything is sent", () =>
      Effect.gen(function*() {
        const { billings, sent } = yield* connect
        const invalid = expectTag(yield* Effect.flip(billings.create({ name: "  ", ownerEmail: "nope" })), "InvalidInput")
        expect(invalid.operation).toBe("billings.create")
        expect(invalid.issues.map((issue) => issue.path).sort()).toEqual(["name", "ownerEmail"])
        expectTag(yield* Effect.flip(billings.update("some-id", {})), "InvalidInput")
        expect(sent).toEqual([])
      }))
  })

  it.effect("the emulator's OpenAPI document lists every billing endpoint", () =>
    Effect.gen(function*() {
      const response = yield* raw<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json")
      expect(response.status).toBe(200)
      expect(Object.keys(response.json.paths["/billings/"] ?? {}).sort()).toEqual(["get", "post"])
      expect(Object.keys(response.json.paths["/billings/{uniqueId}"] ?? {})).toEqual(["get"])
      expect(Object.keys(response.json.paths["/billings/{uniqueId}/"] ?? {}).sort()).toEqual(["delete", "put"])
    }))
})
