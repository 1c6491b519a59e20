/**
 * The fault queue is an admin route of the API itself: it needs the API's credentials, and a fault
 * queued by one tenant only ever hits that tenant's requests.
 */
import { expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestEmulator from "./support/TestEmulator.js"
import type { WireErrors } from "./support/TestEmulator.js"
import { API_KEY_B, raw } from "./support/TestEmulator.js"

const fault = { times: 1, method: "GET", path: "/quotes/", fault: "status=503" }

layer(TestEmulator.layer(), { excludeTestServices: true })("the fault admin route", (it) => {
  it.effect("POST and DELETE /__emulator/faults without valid credentials answer 401 and queue nothing", () =>
    Effect.gen(function*() {
      const cases = [
        ["no credentials", { apiKey: null, token: null }, "The Authorization bearer token is missing."],
        ["no API key", { apiKey: null }, "The AppId header (your API key) is missing."],
        ["a wrong API key", { apiKey: "pk_not_a_tenant" }, "The API key in AppId is not valid."],
        ["a wrong token", { token: "tok_not_valid" }, "The bearer token is not valid."]
      ] as const
      for (const [label, credentials, detail] of cases) {
        for (const method of ["POST", "DELETE"]) {
          const response = yield* raw<WireErrors>(method, "/__emulator/faults", { ...credentials, body: fault })
          expect(response.status, `${method} with ${label}`).toBe(401)
          expect(response.json, `${method} with ${label}`).toEqual({
            errors: [{ status: "401", code: "unauthorized", title: "Unauthorized", detail }]
          })
        }
      }
      // Nothing was queued: tenant A's next GET is answered normally.
      expect((yield* raw("GET", "/quotes/")).status).toBe(200)
    }))

  it.effect("a fault queued by tenant B hits tenant B only; tenant A's DELETE leaves B's queue alone", () =>
    Effect.gen(function*() {
      const queued = yield* raw("POST", "/__emulator/faults", { body: { ...fault, times: 2 }, apiKey: API_KEY_B })
      expect(queued.status).toBe(204)
      expect((yield* raw("GET", "/quotes/")).status).toBe(200)
      expect((yield* raw("DELETE", "/__emulator/faults")).status).toBe(204)
      expect((yield* raw("GET", "/quotes/")).status).toBe(200)
      const hit = yield* raw<WireErrors>("GET", "/quotes/", { apiKey: API_KEY_B })
      expect(hit.status).toBe(503)
      expect(hit.json.errors[0]?.code).toBe("injected_fault")
      // B's own DELETE clears the second one.
      expect((yield* raw("DELETE", "/__emulator/faults", { apiKey: API_KEY_B })).status).toBe(204)
      expect((yield* raw("GET", "/quotes/", { apiKey: API_KEY_B })).status).toBe(200)
    }))

  it.effect("an invalid fault answers 422 as an error document", () =>
    Effect.gen(function*() {
      const response = yield* raw<WireErrors>("POST", "/__emulator/faults", { body: { fault: "explode" } })
      expect(response.status).toBe(422)
      expect(response.json.errors[0]).toMatchObject({ status: "422", code: "invalid" })
    }))
})
