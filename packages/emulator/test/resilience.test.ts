/**
 * Idempotent POSTs and injected faults. The emulator's fault queue (`POST /__emulator/faults`) and the
 * `X-Emulator-Fault` header make the failures; the client's retries, timeouts and error mapping are
 * checked against them. Requests are counted on the client's fetch: one entry per attempt sent.
 */
import { CrmTransport } from "@blocks-crm/core-http"
import { describe, expect, layer } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as TestEmulator from "./support/TestEmulator.js"
import type { WireDocument, WireErrors, WireList } from "./support/TestEmulator.js"
import { clearFaults, connect, expectTag, queueFault, raw, uuid } from "./support/TestEmulator.js"

/** Leads of tenant A whose name contains `text`. */
const leadsNamed = (text: string) =>
  Effect.map(
    raw<WireList>("GET", `/leads/?records=100&search=${encodeURIComponent(text)}`),
    (response) => response.json.data
  )

layer(TestEmulator.layer(), { excludeTestServices: true })("idempotency and faults on the emulator", (it) => {
  describe("idempotent POST under injected failures", () => {
    it.effect("503 after the write: the client retries with the same Idempotency-Key and exactly one lead exists", () =>
      Effect.gen(function*() {
        yield* clearFaults
        yield* queueFault({ times: 1, method: "POST", path: "/leads/", fault: "status=503; after" })
        const crm = yield* connect()
        const created = yield* crm.leads.create({ name: "Survives a 503", value: 503 })
        expect(created).toMatchObject({ name: "Survives a 503", value: 503, status: "active" })

        expect(crm.sent).toHaveLength(2)
        expect(crm.sent.map((request) => `${request.method} ${request.path}`)).toEqual(["POST /leads/", "POST /leads/"])
        const [first, second] = crm.sent
        expect(first?.idempotencyKey).toMatch(uuid)
        expect(second?.idempotencyKey).toBe(first?.idempotencyKey)

        const stored = yield* leadsNamed("Survives a 503")
        expect(stored).toHaveLength(1)
        expect(stored[0]?.id).toBe(created.uniqueId)
      }))

    it.effect("connection dropped after the write: the retry is answered from the first response, one lead", () =>
      Effect.gen(function*() {
        yield* clearFaults
        yield* queueFault({ times: 1, method: "POST", path: "/leads/", fault: "drop; after" })
        const crm = yield* connect()
        const created = yield* crm.leads.create({ name: "Survives a dropped connection" })
        expect(crm.sent).toHaveLength(2)
        expect(crm.sent[1]?.idempotencyKey).toBe(crm.sent[0]?.idempotencyKey)
        const stored = yield* leadsNamed("Survives a dropped connection")
        expect(stored.map((lead) => lead.id)).toEqual([created.uniqueId])
      }))

    it.effect("without an Idempotency-Key the POST is not retried: the client sees the 503, the write happened", () =>
      Effect.gen(function*() {
        yield* clearFaults
        yield* queueFault({ times: 1, method: "POST", path: "/leads/", fault: "status=503; after" })
        const crm = yield* connect()
        const error = yield* Effect.flip(
          crm.leads.create({ name: "Unkeyed write" }).pipe(CrmTransport.withCallOptions({ idempotencyKey: false }))
        )
        const serverError = expectTag(error, "ServerError")
        expect(serverError.status).toBe(503)
        expect(serverError.errors[0]).toMatchObject({ status: "503", code: "injected_fault" })
        expect(crm.sent).toEqual([{ method: "POST", path: "/leads/", query: {}, idempotencyKey: undefined }])
        expect(yield* leadsNamed("Unkeyed write")).toHaveLength(1)
      }))

    it.effect("the same Idempotency-Key sent twice by raw fetch: the same 201 body, one record", () =>
      Effect.gen(function*() {
        yield* clearFaults
        const key = crypto.randomUUID()
        const body = { lead: { name: "Raw idempotent lead", source: "website" } }
        const first = yield* raw<WireDocument>("POST", "/leads/", { body, headers: { "Idempotency-Key": key } })
        const second = yield* raw<WireDocument>("POST", "/leads/", { body, headers: { "Idempotency-Key": key } })
        expect(first.status).toBe(201)
        expect(second.status).toBe(201)
        expect(second.text).toBe(first.text)
        expect(first.headers.get("idempotent-replayed")).toBeNull()
        expect(second.headers.get("idempotent-replayed")).toBe("true")
        const stored = yield* leadsNamed("Raw idempotent lead")
        expect(stored.map((lead) => lead.id)).toEqual([first.json.data.id])

        // A different key is a different request.
        const third = yield* raw<WireDocument>("POST", "/leads/", {
          body,
          headers: { "Idempotency-Key": crypto.randomUUID() }
        })
        expect(third.json.data.id).not.toBe(first.json.data.id)
        expect(yield* leadsNamed("Raw idempotent lead")).toHaveLength(2)
      }))

    it.effect("a key reused for a different path answers 409 and creates nothing; the client reports Conflict", () =>
      Effect.gen(function*() {
        yield* clearFaults
        const key = crypto.randomUUID()
        const lead = yield* raw("POST", "/leads/", {
          body: { lead: { name: "Key owner" } },
          headers: { "Idempotency-Key": key }
        })
        expect(lead.status).toBe(201)
        const opportunitiesBefore = (yield* raw<WireList>("GET", "/opportunities/")).json.meta["totalRecords"]

        const reused = yield* raw<WireErrors>("POST", "/opportunities/", {
          body: { opportunity: { name: "Key thief" } },
          headers: { "Idempotency-Key": key }
        })
        expect(reused.status).toBe(409)
        expect(reused.json).toEqual({
          errors: [{
            status: "409",
            code: "idempotency_conflict",
            title: "Idempotency Key Conflict",
            detail: "The Idempotency-Key was first used for POST /leads/."
          }]
        })

        const crm = yield* connect()
        const conflict = expectTag(
          yield* Effect.flip(
            crm.opportunities.create({ name: "Key thief" }).pipe(CrmTransport.withCallOptions({ idempotencyKey: key }))
          ),
          "Conflict"
        )
        expect(conflict.status).toBe(409)
        expect(conflict.errors[0]?.code).toBe("idempotency_conflict")
        expect(crm.sent).toHaveLength(1)
        expect((yield* raw<WireList>("GET", "/opportunities/")).json.meta["totalRecords"]).toBe(opportunitiesBefore)
      }))

    it.effect("keys belong to a tenant: tenant B may use tenant A's key for its own write", () =>
      Effect.gen(function*() {
        yield* clearFaults
        const key = crypto.randomUUID()
        const a = yield* raw<WireDocument>("POST", "/leads/", {
          body: { lead: { name: "Shared key A" } },
          headers: { "Idempotency-Key": key }
        })
        const b = yield* raw<WireDocument>("POST", "/leads/", {
          body: { lead: { name: "Shared key B" } },
          headers: { "Idempotency-Key": key },
          apiKey: TestEmulator.API_KEY_B
        })
        expect([a.status, b.status]).toEqual([201, 201])
        expect(b.json.data.attributes["name"]).toBe("Shared key B")
        expect(b.headers.get("idempotent-replayed")).toBeNull()
      }))
  })

  describe("faults", () => {
    it.effect("429 with Retry-After: 1 is honoured: the second attempt comes a second later and succeeds", () =>
      Effect.gen(function*() {
        yield* clearFaults
        yield* queueFault({ times: 1, method: "GET", path: "/leads/", fault: "status=429; retry-after=1" })
        const crm = yield* connect()
        const started = Date.now()
        const page = yield* crm.leads.list()
        const elapsed = Date.now() - started
        expect(page.meta.totalRecords).toBeGreaterThanOrEqual(0)
        expect(crm.sent.map((request) => `${request.method} ${request.path}`)).toEqual(["GET /leads/", "GET /leads/"])
        // The backoff alone would wait about 5 ms; Retry-After asks for 1 s.
        expect(elapsed).toBeGreaterThanOrEqual(950)
        expect(elapsed).toBeLessThan(5_000)
      }))

    it.effect("429 with a Retry-After beyond maxRetryAfter fails with RateLimited at once", () =>
      Effect.gen(function*() {
        yield* clearFaults
        yield* queueFault({ times: 1, method: "GET", path: "/leads/", fault: "status=429; retry-after=120" })
        const crm = yield* connect()
        const limited = expectTag(yield* Effect.flip(crm.leads.list()), "RateLimited")
        expect(limited.status).toBe(429)
        expect(limited.retryAfter._tag === "Some" ? Duration.toSeconds(limited.retryAfter.value) : undefined).toBe(120)
        expect(crm.sent).toHaveLength(1)
      }))

    it.effect("a malformed body fails with UnexpectedResponse, status and excerpt kept, not retried", () =>
      Effect.gen(function*() {
        yield* clearFaults
        const crm = yield* connect()
        const error = yield* Effect.flip(
          crm.leads.list().pipe(CrmTransport.withCallOptions({ headers: { "X-Emulator-Fault": "malformed" } }))
        )
        const unexpected = expectTag(error, "UnexpectedResponse")
        expect(unexpected.status).toBe(200)
        expect(unexpected.method).toBe("GET")
        expect(unexpected.url).toBe(`${crm.info.url}/leads/`)
        expect(unexpected.bodyExcerpt).toBe("{\"data\": [{\"id\": \"broken\", ")
        expect(unexpected.contentType).toContain("application/json")
        expect(crm.sent).toHaveLength(1)
      }))

    it.effect("a response slower than the per-call timeout fails with Timeout after every attempt timed out", () =>
      Effect.gen(function*() {
        yield* clearFaults
        const crm = yield* connect()
        const started = Date.now()
        const error = yield* Effect.flip(
          crm.leads.list().pipe(
            CrmTransport.withCallOptions({ timeout: "100 millis", headers: { "X-Emulator-Fault": "latency=2000" } })
          )
        )
        const elapsed = Date.now() - started
        const timeout = expectTag(error, "Timeout")
        expect(timeout.scope).toBe("attempt")
        expect(Duration.toMillis(timeout.after)).toBe(100)
        // Timeouts are transient: the first attempt and the 2 default retries, each cut at 100 ms.
        expect(crm.sent).toHaveLength(3)
        expect(elapsed).toBeGreaterThanOrEqual(300)
        expect(elapsed).toBeLessThan(2_000)
      }))

    it.effect("latency within the timeout only slows the call down", () =>
      Effect.gen(function*() {
        yield* clearFaults
        const crm = yield* connect()
        const started = Date.now()
        const page = yield* crm.leads.list().pipe(
          CrmTransport.withCallOptions({ timeout: "2 seconds", headers: { "X-Emulator-Fault": "latency=150" } })
        )
        expect(Date.now() - started).toBeGreaterThanOrEqual(140)
        expect(page.meta.totalRecords).toBeGreaterThanOrEqual(0)
        expect(crm.sent).toHaveLength(1)
      }))

    it.effect("a 503 on a GET is retried and succeeds; the queue is spent after `times` requests", () =>
      Effect.gen(function*() {
        yield* clearFaults
        yield* queueFault({ times: 2, method: "GET", path: "/opportunities/", fault: "status=503" })
        const crm = yield* connect()
        const page = yield* crm.opportunities.list()
        expect(page.data).toBeDefined()
        expect(crm.sent).toHaveLength(3)
        expect((yield* raw("GET", "/opportunities/")).status).toBe(200)
      }))
  })
})
