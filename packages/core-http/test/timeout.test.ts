import { CrmTransport } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as NodeTransport from "@blocks-crm/core-http/NodeTransport"
import { clients as fetchClients, document, expectTag, options } from "./support/fixtures.js"
import * as TestServer from "./support/TestServer.js"

/**
 * Both transports: over fetch a timer fiber cuts an attempt off; over undici the request's own abort
 * signal does (armed until the body is read). Each case holds for both.
 */
const transports = [
  { name: "fetch", clients: fetchClients },
  {
    name: "undici",
    clients: (server: Pick<TestServer.TestServer, "url">, overrides: Parameters<typeof fetchClients>[1] = {}) =>
      fetchClients(server, overrides, (s, o) => NodeTransport.layer(options(s, o)))
  }
] as const

// Limits leave a loaded 2-core machine time to send each request before the attempt is cut off; the
// server answers far later than any limit, so each case still exercises the timeout it names.
describe.each(transports)("timeouts, over $name", ({ clients }) => {
  it.scopedLive("an attempt slower than the timeout fails with Timeout (scope attempt) and is cut off", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { timeout: "400 millis", retry: { times: 0 } })
      server.fallback({ delay: 3_000, body: document("w1", "First") })

      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "Timeout")
      expect(error.scope).toBe("attempt")
      expect(Duration.toMillis(error.after)).toBe(400)
      expect(error.method).toBe("GET")
      expect(error.url).toBe(`${server.url}/widgets/w1`)
      expect(error.requestId).toBe(server.requests[0]?.headers["x-request-id"])
      expect(error.message).toContain("timed out (attempt limit")
      expect(server.requests).toHaveLength(1)
      // The request in flight was abandoned: the server sees the connection close before it answered.
      yield* server.waitUntil(() => server.requests[0]?.closedEarly === true)
    }))

  it.scopedLive("a timed-out attempt is retried per the policy", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { timeout: "500 millis" })
      server.enqueue({ delay: 3_000, body: document("w1", "Slow") }, { body: document("w1", "Fast") })

      expect((yield* widgets.get("w1")).name).toBe("Fast")
      expect(server.requests).toHaveLength(2)
      expect(server.requests[0]?.closedEarly).toBe(true)
      expect(server.requests[1]?.headers["x-request-id"]).toBe(server.requests[0]?.headers["x-request-id"])
    }))

  it.scopedLive("timeouts on every attempt fail after retry.times retries", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { timeout: "400 millis", retry: { times: 1 } })
      server.fallback({ delay: 3_000 })

      expect(expectTag(yield* Effect.flip(widgets.get("w1")), "Timeout").scope).toBe("attempt")
      expect(server.requests).toHaveLength(2)
    }))

  it.scopedLive("a timeout given for one call overrides the settings", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { retry: { times: 0 } })
      server.fallback({ delay: 3_000 })

      const error = yield* widgets.get("w1").pipe(CrmTransport.withCallOptions({ timeout: "300 millis" }), Effect.flip)
      expect(Duration.toMillis(expectTag(error, "Timeout").after)).toBe(300)
    }))

  it.scopedLive("a call past its deadline fails with Timeout (scope deadline) and is not retried", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { timeout: "5 seconds", deadline: "400 millis" })
      server.fallback({ delay: 3_000 })

      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "Timeout")
      expect(error.scope).toBe("deadline")
      expect(Duration.toMillis(error.after)).toBe(400)
      expect(error.requestId).toBe(server.requests[0]?.headers["x-request-id"])
      expect(error.message).toContain("deadline limit")
      expect(server.requests).toHaveLength(1)
      yield* server.waitUntil(() => server.requests[0]?.closedEarly === true)
    }))

  it.scopedLive("the deadline covers the retries too", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { retry: { times: 50, baseDelay: Duration.millis(40) } })
      server.fallback({ status: 503 })

      // Long enough for a second attempt even on a loaded machine; far too short for 51.
      const error = yield* widgets.get("w1").pipe(CrmTransport.withCallOptions({ deadline: "1 second" }), Effect.flip)
      expect(expectTag(error, "Timeout").scope).toBe("deadline")
      // Stopped well before 51 attempts.
      expect(server.requests.length).toBeGreaterThan(1)
      expect(server.requests.length).toBeLessThan(51)
    }))
})

describe.each(transports)("interruption, over $name", ({ clients }) => {
  it.scopedLive("Effect.timeout around a call cancels the request in flight", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.fallback({ delay: 2_000, body: document("w1", "First") })

      const exit = yield* Effect.exit(widgets.get("w1").pipe(Effect.timeout("400 millis")))
      expect(Exit.isFailure(exit) && Cause.isTimeoutException(Cause.squash(exit.cause))).toBe(true)
      yield* server.waitUntil(() => server.requests[0]?.closedEarly === true)
      expect(server.requests).toHaveLength(1)
    }))

  it.scopedLive("Fiber.interrupt cancels the request in flight", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.fallback({ delay: 2_000, body: document("w1", "First") })

      const fiber = yield* Effect.fork(widgets.get("w1"))
      yield* server.waitUntil(() => server.requests.length === 1)
      expect(server.requests[0]?.closedEarly).toBe(false)
      const exit = yield* Fiber.interrupt(fiber)
      expect(Exit.isInterrupted(exit)).toBe(true)
      yield* server.waitUntil(() => server.requests[0]?.closedEarly === true)
      expect(server.requests).toHaveLength(1)
    }))
})

describe("transport failures", () => {
  const clients = fetchClients
  it.scopedLive("a refused connection is a TransportError naming the cause", () =>
    Effect.gen(function*() {
      const port = yield* Effect.promise(TestServer.unusedPort)
      const { widgets } = yield* clients({ url: `http://127.0.0.1:${port}` }, { retry: { times: 0 } })

      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "TransportError")
      expect(error.reason).toContain("ECONNREFUSED")
      expect(error.method).toBe("GET")
      expect(error.url).toBe(`http://127.0.0.1:${port}/widgets/w1`)
      expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/)
      expect(error.message).toContain("could not reach the API")
    }))

  it.scopedLive("a secret the call carries in its path (CallOptions.secrets) shows in no error", () =>
    Effect.gen(function*() {
      const port = yield* Effect.promise(TestServer.unusedPort)
      const { widgets } = yield* clients({ url: `http://127.0.0.1:${port}` }, { retry: { times: 0 } })
      const secret = "ics_4f0c9a7e2b1d"

      const error = expectTag(
        yield* Effect.flip(widgets.get(secret).pipe(CrmTransport.withCallOptions({ secrets: [secret] }))),
        "TransportError"
      )
      expect(error.url).toBe(`http://127.0.0.1:${port}/widgets/[redacted]`)
      expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(secret)
      // Without the option the URL is as sent.
      const plain = expectTag(yield* Effect.flip(widgets.get(secret)), "TransportError")
      expect(plain.url).toContain(secret)
    }))

  it.scopedLive("a refused connection is retried, then still a TransportError", () =>
    Effect.gen(function*() {
      const port = yield* Effect.promise(TestServer.unusedPort)
      const { widgets } = yield* clients({ url: `http://127.0.0.1:${port}` })
      expect((yield* Effect.flip(widgets.get("w1")))._tag).toBe("TransportError")
    }))

  it.scopedLive("a connection the server drops is a TransportError", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { retry: { times: 0 } })
      server.fallback({ destroy: true })

      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "TransportError")
      expect(error.requestId).toBe(server.requests[0]?.headers["x-request-id"])
      expect(server.requests).toHaveLength(1)
    }))
})
