/**
 * Bodies the emulator refuses before any parser runs: not JSON (415), without a Content-Type (415),
 * chunked (411), above the size limit (413), nested deeper than the limit (400). Each answer is a
 * JSON:API error document, nothing is written, and the emulator keeps serving.
 */
import { Emulator } from "@blocks-crm/emulator"
import { describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as RawHttp from "./support/RawHttp.js"
import * as TestEmulator from "./support/TestEmulator.js"
import type { WireDocument, WireErrors, WireList } from "./support/TestEmulator.js"
import { API_KEY_A, raw, TOKEN } from "./support/TestEmulator.js"

const auth = { authorization: `Bearer ${TOKEN}`, appid: API_KEY_A, accept: "application/json" }

const send = (request: RawHttp.RawHttpRequest) =>
  Effect.flatMap(
    Emulator.Emulator,
    (info) => Effect.promise(() => RawHttp.send(info.url, { ...request, headers: { ...auth, ...request.headers } }))
  )

const leadCount = Effect.map(raw<WireList>("GET", "/leads/"), (response) => response.json.meta["totalRecords"])

/** `[[[...]]]` or `{"a":{"a":...}}`, `depth` levels deep. */
const nested = (depth: number, kind: "array" | "object") =>
  kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)

const expectError = (response: { readonly status: number; readonly json: unknown }, status: number, code: string) => {
  expect(response.status).toBe(status)
  const errors = (response.json as WireErrors).errors
  expect(errors).toHaveLength(1)
  expect(errors[0]).toMatchObject({ status: String(status), code })
}

layer(TestEmulator.layer(), { excludeTestServices: true })("hostile request bodies", (it) => {
  describe("nesting", () => {
    it.effect("JSON nested 3,000 and 100,000 deep answers 400, on create and update, arrays and objects", () =>
      Effect.gen(function*() {
        const before = yield* leadCount
        for (const depth of [3_000, 100_000]) {
          for (const kind of ["array", "object"] as const) {
            const body = `{"lead":${nested(depth, kind)}}`
            const create = yield* raw<WireErrors>("POST", "/leads/", { body })
            expectError(create, 400, "nesting_too_deep")
            expect(create.json.errors[0]?.detail).toBe(
              "The JSON body nests arrays and objects more than 64 levels deep."
            )
            const update = yield* raw<WireErrors>("PUT", "/leads/some-lead/", { body })
            expectError(update, 400, "nesting_too_deep")
          }
        }
        expect(yield* leadCount).toBe(before)
      }))

    it.effect("brackets inside strings do not count; 64 levels are accepted", () =>
      Effect.gen(function*() {
        const name = "[{".repeat(2_000)
        const created = yield* raw<WireDocument>("POST", "/leads/", { body: { lead: { name } } })
        expect(created.status).toBe(201)
        expect(created.json.data.attributes["name"]).toBe(name)
        // 64 levels (the wrapper, the lead, 62 more in an attribute the model ignores) reach the decoder.
        const deepest = `{"lead":{"name":"Deep but allowed","extra":${nested(62, "array")}}}`
        expect((yield* raw("POST", "/leads/", { body: deepest })).status).toBe(201)
        const beyond = `{"lead":{"name":"Too deep","extra":${nested(63, "array")}}}`
        expectError(yield* raw("POST", "/leads/", { body: beyond }), 400, "nesting_too_deep")
      }))
  })

  describe("content type", () => {
    it.effect("multipart without a boundary, multipart, form, text and no Content-Type all answer 415", () =>
      Effect.gen(function*() {
        const before = yield* leadCount
        const body = JSON.stringify({ lead: { name: "Not JSON" } })
        for (
          const contentType of [
            "multipart/form-data",
            "multipart/form-data; boundary=xyz",
            "application/x-www-form-urlencoded",
            "text/plain",
            "application/vnd.api+json",
            "application/jsonx"
          ]
        ) {
          const response = yield* send({
            method: "POST",
            path: "/leads/",
            headers: { "content-type": contentType },
            body
          })
          expectError(response, 415, "unsupported_media_type")
          expect(response.headers["content-type"], contentType).toContain("application/json")
        }
        // A body without a Content-Type, and a POST declaring multipart with no body at all.
        expectError(yield* send({ method: "POST", path: "/leads/", body }), 415, "unsupported_media_type")
        expectError(
          yield* send({ method: "POST", path: "/leads/", headers: { "content-type": "multipart/form-data" } }),
          415,
          "unsupported_media_type"
        )
        expect(yield* leadCount).toBe(before)
        // application/json with parameters is JSON.
        const withCharset = yield* send({
          method: "POST",
          path: "/leads/",
          headers: { "content-type": "Application/JSON; charset=utf-8" },
          body
        })
        expect(withCharset.status).toBe(201)
      }))
  })

  describe("size", () => {
    it.effect("a chunked body answers 411; a body above the default limit (about 1 MB) answers 413", () =>
      Effect.gen(function*() {
        const before = yield* leadCount
        const chunked = yield* send({
          method: "POST",
          path: "/leads/",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ lead: { name: "Chunked" } }),
          chunked: true
        })
        expectError(chunked, 411, "length_required")
        const large = JSON.stringify({ lead: { name: "Large", notes: "x".repeat(1_100_000) } })
        const tooLarge = yield* raw<WireErrors>("POST", "/leads/", { body: large })
        expectError(tooLarge, 413, "payload_too_large")
        expect(tooLarge.json.errors[0]?.detail).toBe(
          `The request body is ${large.length} bytes; the limit is 1048576 bytes.`
        )
        expect(yield* leadCount).toBe(before)
      }))
  })

  it.effect("after all of it the emulator still serves", () =>
    Effect.gen(function*() {
      const created = yield* raw<WireDocument>("POST", "/leads/", { body: { lead: { name: "Still serving" } } })
      expect(created.status).toBe(201)
      expect((yield* raw<WireDocument>("GET", `/leads/${created.json.data.id}`)).json.data.attributes["name"]).toBe(
        "Still serving"
      )
    }))
})

layer(TestEmulator.layer({ maxBodyBytes: 256 }), { excludeTestServices: true })("a configured body limit", (it) => {
  it.effect("maxBodyBytes 256: 256 bytes are read, 257 answer 413", () =>
    Effect.gen(function*() {
      const prefix = "{\"lead\":{\"name\":\""
      const suffix = "\"}}"
      const sized = (bytes: number) => prefix + "n".repeat(bytes - prefix.length - suffix.length) + suffix
      expect((yield* raw("POST", "/leads/", { body: sized(256) })).status).toBe(201)
      const refused = yield* raw<WireErrors>("POST", "/leads/", { body: sized(257) })
      expectError(refused, 413, "payload_too_large")
      expect(refused.json.errors[0]?.detail).toBe("The request body is 257 bytes; the limit is 256 bytes.")
    }))
})
