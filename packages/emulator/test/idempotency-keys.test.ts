/**
 * Idempotency keys as the IETF Idempotency-Key draft has them: the key reused with another body is a
 * 422, a retry while the first request is still in flight a 409, and the tenant a key belongs to is the
 * one authentication resolved (an empty AppId beside a valid X-Api-Key is the X-Api-Key's tenant).
 */
import { Emulator } from "@blocks-crm/emulator"
import { expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as RawHttp from "./support/RawHttp.js"
import * as TestEmulator from "./support/TestEmulator.js"
import type { WireDocument, WireErrors, WireList } from "./support/TestEmulator.js"
import { API_KEY_A, raw, TOKEN } from "./support/TestEmulator.js"

/** Tenant A's leads whose name contains `text`. */
const leadsNamed = (text: string) =>
  Effect.map(
    raw<WireList>("GET", `/leads/?records=100&search=${encodeURIComponent(text)}`),
    (response) => response.json.data
  )

layer(TestEmulator.layer(), { excludeTestServices: true })("idempotency keys", (it) => {
  it.effect("the same key with a different body answers 422 and writes nothing; the first body still replays", () =>
    Effect.gen(function*() {
      const key = crypto.randomUUID()
      const headers = { "Idempotency-Key": key }
      const first = yield* raw<WireDocument>("POST", "/leads/", { body: { lead: { name: "Key first body" } }, headers })
      expect(first.status).toBe(201)
      const other = yield* raw<WireErrors>("POST", "/leads/", { body: { lead: { name: "Key other body" } }, headers })
      expect(other.status).toBe(422)
      expect(other.json).toEqual({
        errors: [{
          status: "422",
          code: "idempotency_key_reused",
          title: "Idempotency Key Reused",
          detail: "The Idempotency-Key was first used with a different request body; use a new key for a new request."
        }]
      })
      expect(yield* leadsNamed("Key other body")).toEqual([])
      const replay = yield* raw<WireDocument>("POST", "/leads/", {
        body: { lead: { name: "Key first body" } },
        headers
      })
      expect(replay.status).toBe(201)
      expect(replay.text).toBe(first.text)
      expect(replay.headers.get("idempotent-replayed")).toBe("true")
      expect((yield* leadsNamed("Key first body")).map((lead) => lead.id)).toEqual([first.json.data.id])
    }))

  it.effect("a retry while the first request is in flight answers 409; the first then completes, once", () =>
    Effect.gen(function*() {
      const info = yield* Emulator.Emulator
      const key = crypto.randomUUID()
      const request = {
        method: "POST",
        path: "/leads/",
        headers: {
          authorization: `Bearer ${TOKEN}`,
          appid: API_KEY_A,
          "content-type": "application/json",
          "idempotency-key": key
        },
        body: JSON.stringify({ lead: { name: "Held in flight" } })
      }
      // The first request's headers are in (the server said 100 Continue); its body is not.
      const held = yield* Effect.promise(() => RawHttp.sendHeld(info.url, request))
      const retry = yield* Effect.promise(() => RawHttp.send(info.url, request))
      expect(retry.status).toBe(409)
      expect(retry.json.errors).toEqual([{
        status: "409",
        code: "idempotency_conflict",
        title: "Idempotency Key Conflict",
        detail: "A request with this Idempotency-Key is still in progress."
      }])
      held.release()
      const first = yield* Effect.promise(() => held.response)
      expect(first.status).toBe(201)
      const after = yield* Effect.promise(() => RawHttp.send(info.url, request))
      expect(after.status).toBe(201)
      expect(after.headers["idempotent-replayed"]).toBe("true")
      expect(after.text).toBe(first.text)
      expect(yield* leadsNamed("Held in flight")).toHaveLength(1)
    }))

  it.effect("an empty AppId beside a valid X-Api-Key: one tenant for auth and for the key, so one record", () =>
    Effect.gen(function*() {
      const key = crypto.randomUUID()
      const send = () =>
        raw<WireDocument>("POST", "/leads/", {
          body: { lead: { name: "Empty AppId keyed" } },
          apiKey: null,
          headers: { AppId: "", "X-Api-Key": TestEmulator.API_KEY_B, "Idempotency-Key": key }
        })
      const first = yield* send()
      const second = yield* send()
      expect([first.status, second.status]).toEqual([201, 201])
      expect(second.headers.get("idempotent-replayed")).toBe("true")
      expect(second.json.data.id).toBe(first.json.data.id)
      const tenantB = yield* raw<WireList>("GET", "/leads/?search=Empty%20AppId%20keyed", {
        apiKey: TestEmulator.API_KEY_B
      })
      expect(tenantB.json.data.map((lead) => lead.id)).toEqual([first.json.data.id])
      // Tenant A, the key's other possible owner, has nothing.
      expect(yield* leadsNamed("Empty AppId keyed")).toEqual([])
    }))

  it.effect("a stored answer is never replayed to a caller authentication refuses", () =>
    Effect.gen(function*() {
      const key = crypto.randomUUID()
      const body = { lead: { name: "Replay needs a token" } }
      expect((yield* raw("POST", "/leads/", { body, headers: { "Idempotency-Key": key } })).status).toBe(201)
      const wrongToken = yield* raw<WireErrors>("POST", "/leads/", {
        body,
        token: "tok_not_valid",
        headers: { "Idempotency-Key": key }
      })
      expect(wrongToken.status).toBe(401)
      expect(wrongToken.json.errors[0]?.detail).toBe("The bearer token is not valid.")
      const wrongKey = yield* raw<WireErrors>("POST", "/leads/", {
        body,
        apiKey: "pk_not_a_tenant",
        headers: { "Idempotency-Key": key }
      })
      expect(wrongKey.status).toBe(401)
    }))
})
