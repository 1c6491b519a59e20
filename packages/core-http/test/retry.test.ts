import { CrmTransport } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import { clients, document, errorBody, expectTag } from "./support/fixtures.js"
import * as TestServer from "./support/TestServer.js"

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe("retries", () => {
  it.scopedLive("a GET is retried on 503 and succeeds", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ status: 503 }, { status: 503 }, { body: document("w1", "First") })

      const widget = yield* widgets.get("w1")
      expect(widget.name).toBe("First")
      expect(server.requests.map((r) => r.method)).toEqual(["GET", "GET", "GET"])
    }))

  it.scopedLive("a GET gives up after retry.times retries with the last error", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { retry: { times: 3 } })
      server.fallback({ status: 502 })

      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "ServerError")
      expect(error.status).toBe(502)
      expect(server.requests).toHaveLength(4)
    }))

  for (const status of [408, 429, 500, 502, 504]) {
    it.scopedLive(`${status} is retried`, () =>
      Effect.gen(function*() {
        const server = yield* TestServer.make
        const { widgets } = yield* clients(server)
        server.enqueue({ status }, { body: document("w1", "First") })

        expect((yield* widgets.get("w1")).uniqueId).toBe("w1")
        expect(server.requests).toHaveLength(2)
      }))
  }

  for (const status of [400, 401, 403, 404, 409, 422, 501]) {
    it.scopedLive(`${status} is never retried`, () =>
      Effect.gen(function*() {
        const server = yield* TestServer.make
        const { widgets } = yield* clients(server)
        server.fallback({ status, body: errorBody(status, "nope", "Nope", "Nope") })

        const error = yield* Effect.flip(widgets.get("w1"))
        expect(error).toMatchObject({ status })
        expect(server.requests).toHaveLength(1)
      }))
  }

  it.scopedLive("a 422 on a POST with an Idempotency-Key is not retried either", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.fallback({ status: 422, body: errorBody(422, "blank", "Invalid", "bad", "/widget/name") })

      expect((yield* Effect.flip(widgets.create({ name: "x" })))._tag).toBe("ValidationFailed")
      expect(server.requests).toHaveLength(1)
      expect(server.requests[0]?.headers["idempotency-key"]).toMatch(uuid)
    }))

  it.scopedLive("a broken connection is retried", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ destroy: true }, { body: document("w1", "First") })

      expect((yield* widgets.get("w1")).uniqueId).toBe("w1")
      expect(server.requests).toHaveLength(2)
    }))

  it.scopedLive("Retry-After (seconds) replaces the backoff before the next attempt", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ status: 429, headers: { "retry-after": "1" } }, { body: document("w1", "First") })

      expect((yield* widgets.get("w1")).uniqueId).toBe("w1")
      expect(server.requests).toHaveLength(2)
      const waited = (server.requests[1]?.receivedAt ?? 0) - (server.requests[0]?.receivedAt ?? 0)
      // The backoff alone would be a few milliseconds.
      expect(waited).toBeGreaterThanOrEqual(900)
    }))

  it.scopedLive("a 503 with Retry-After waits that long before the next attempt", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ status: 503, headers: { "retry-after": "1" } }, { body: document("w1", "First") })

      expect((yield* widgets.get("w1")).uniqueId).toBe("w1")
      expect(server.requests).toHaveLength(2)
      const waited = (server.requests[1]?.receivedAt ?? 0) - (server.requests[0]?.receivedAt ?? 0)
      expect(waited).toBeGreaterThanOrEqual(900)
    }))

  it.scopedLive("a Retry-After longer than maxRetryAfter fails at once with RateLimited", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { retry: { maxRetryAfter: Duration.seconds(5) } })
      server.fallback({ status: 429, headers: { "retry-after": "60" } })

      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "RateLimited")
      expect(Option.map(error.retryAfter, Duration.toSeconds)).toEqual(Option.some(60))
      expect(server.requests).toHaveLength(1)
    }))

  it.scopedLive("a POST without an Idempotency-Key (idempotencyKey: false) is never retried", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.fallback({ status: 503 })

      const error = yield* widgets.create({ name: "x" }).pipe(
        CrmTransport.withCallOptions({ idempotencyKey: false }),
        Effect.flip
      )
      expect(expectTag(error, "ServerError").status).toBe(503)
      expect(server.requests).toHaveLength(1)
      expect(server.requests[0]?.headers["idempotency-key"]).toBeUndefined()
    }))

  it.scopedLive("with idempotentPosts: false a POST carries no key and is never retried", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { idempotentPosts: false })
      server.fallback({ status: 503 })

      expect((yield* Effect.flip(widgets.create({ name: "x" })))._tag).toBe("ServerError")
      expect(server.requests).toHaveLength(1)
      expect(server.requests[0]?.headers["idempotency-key"]).toBeUndefined()
    }))

  it.scopedLive("a POST carries a generated Idempotency-Key by default and is retried with the same key", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ status: 503 }, { status: 500 }, { status: 201, body: document("w5", "Five") })

      expect(yield* widgets.create({ name: "Five" })).toEqual({ uniqueId: "w5", name: "Five" })
      expect(server.requests).toHaveLength(3)
      const keys = server.requests.map((r) => r.headers["idempotency-key"])
      expect(keys[0]).toMatch(uuid)
      expect(new Set(keys).size).toBe(1)
      // The same body each time.
      expect(new Set(server.requests.map((r) => r.body)).size).toBe(1)

      // The next call gets a new key.
      server.enqueue({ status: 201, body: document("w6", "Six") })
      yield* widgets.create({ name: "Six" })
      expect(server.requests[3]?.headers["idempotency-key"]).toMatch(uuid)
      expect(server.requests[3]?.headers["idempotency-key"]).not.toBe(keys[0])
    }))

  it.scopedLive("a custom Idempotency-Key passed for one call is used on every attempt", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ status: 503 }, { status: 201, body: document("w5", "Five") })

      yield* widgets.create({ name: "Five" }).pipe(CrmTransport.withCallOptions({ idempotencyKey: "order-42" }))
      expect(server.requests.map((r) => r.headers["idempotency-key"])).toEqual(["order-42", "order-42"])
    }))

  it.scopedLive("a custom key makes a POST retryable even when idempotentPosts is off", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { idempotentPosts: false })
      server.enqueue({ status: 503 }, { status: 201, body: document("w5", "Five") })

      yield* widgets.create({ name: "Five" }).pipe(CrmTransport.withCallOptions({ idempotencyKey: "order-43" }))
      expect(server.requests.map((r) => r.headers["idempotency-key"])).toEqual(["order-43", "order-43"])
    }))

  it.scopedLive("retry.times 0 in the settings disables retries", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { retry: { times: 0 } })
      server.fallback({ status: 503 })

      expect((yield* Effect.flip(widgets.get("w1")))._tag).toBe("ServerError")
      expect(server.requests).toHaveLength(1)
    }))

  it.scopedLive("retry.times 0 for one call disables retries for that call only", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ status: 503 }, { status: 503 }, { body: document("w1", "First") })

      expect((yield* Effect.flip(widgets.get("w1").pipe(CrmTransport.withCallOptions({ retry: { times: 0 } }))))._tag)
        .toBe("ServerError")
      expect(server.requests).toHaveLength(1)
      expect((yield* widgets.get("w1")).uniqueId).toBe("w1")
      expect(server.requests).toHaveLength(3)
    }))

  it.scopedLive("a custom schedule replaces the backoff", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { retry: { schedule: Schedule.recurs(4) } })
      server.fallback({ status: 503 })

      expect((yield* Effect.flip(widgets.get("w1")))._tag).toBe("ServerError")
      expect(server.requests).toHaveLength(5)
    }))
})
