/**
 * The browser's attempt (`#attempt` under the `browser` condition), run here on Node: it follows no
 * redirect (the 3xx comes back as it is, the other origin sees nothing), it counts a fetch body as it
 * streams whatever length it announces, it keeps the size limit for a client that is not fetch by
 * reading the body whole, and its time limit is a race between the attempt and a sleep.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as TestClock from "effect/TestClock"
import type * as Http from "node:http"
import { Timeout, TransportError } from "../src/CrmError.js"
import { isAttemptCut, limitAttempt, liveClock, send, timeoutFail, traitsOf } from "../src/internal/attempt.browser.js"
import { AttemptTimedOut, withTraits } from "../src/internal/clientTraits.js"
import * as TestServer from "./support/TestServer.js"

const info = { method: "GET", url: "/w", requestId: "r1" }
const attemptOf = (client: HttpClient.HttpClient) => (request: HttpClientRequest.HttpClientRequest) =>
  client.execute(request)

describe("the browser's attempt", () => {
  it.scopedLive("a redirect is handed back, not followed", () =>
    Effect.gen(function*() {
      const api = yield* TestServer.make
      const other = yield* TestServer.make
      api.enqueue({ status: 302, headers: { location: `${other.url}/collect` }, body: "moved" })
      const client = yield* HttpClient.HttpClient
      const [response] = yield* send(
        attemptOf(client),
        HttpClientRequest.get(`${api.url}/w`),
        { info, apiOrigin: api.url, maxBytes: 1000 }
      ).pipe(Effect.provideService(FetchHttpClient.RequestInit, { redirect: "manual" }))
      expect(response.status).toBe(302)
      expect(other.requests).toHaveLength(0)
    }).pipe(Effect.provide(FetchHttpClient.layer)))

  it.scopedLive("a body from a client other than fetch is limited too", () =>
    Effect.gen(function*() {
      const api = yield* TestServer.make
      const chunked = (size: number) => ({
        raw: (res: Http.ServerResponse) => {
          res.writeHead(200, { "content-type": "text/plain" })
          for (let i = 0; i < size; i += 100) res.write("x".repeat(Math.min(100, size - i)))
          res.end()
        }
      })
      api.enqueue(chunked(1000), chunked(1001))
      const client = yield* HttpClient.HttpClient
      const context = { info, apiOrigin: api.url, maxBytes: 1000 }
      const [, bytes] = yield* send(attemptOf(client), HttpClientRequest.get(`${api.url}/w`), context)
      expect(bytes.byteLength).toBe(1000)
      const error = yield* Effect.flip(send(attemptOf(client), HttpClientRequest.get(`${api.url}/w`), context))
      expect(error._tag).toBe("ResponseTooLarge")
    }).pipe(Effect.provide(NodeHttpClient.layer)))

  it.scopedLive("an attempt over its limit fails with the given Timeout", () =>
    Effect.gen(function*() {
      const api = yield* TestServer.make
      api.enqueue({ delay: 2000, body: "late" })
      const client = yield* HttpClient.HttpClient
      const after = Duration.millis(50)
      const error = yield* Effect.flip(
        limitAttempt(
          (execute) =>
            send(execute, HttpClientRequest.get(`${api.url}/w`), { info, apiOrigin: api.url, maxBytes: 1000 }),
          attemptOf(client),
          undefined,
          after,
          () => new Timeout({ ...info, after, scope: "attempt" }),
          Effect.runSync(Effect.clock)
        )
      )
      expect(error._tag).toBe("Timeout")
    }).pipe(Effect.provide(FetchHttpClient.layer)))
  it.scopedLive("a fetch body is limited as it streams, its announced length or not", () =>
    Effect.gen(function*() {
      const api = yield* TestServer.make
      // 1001 bytes announced and sent: refused at the limit, the same error as without the header.
      api.enqueue({ body: "x".repeat(1000) }, { body: "x".repeat(1001) }, {
        raw: (res) => {
          res.writeHead(200, { "content-type": "text/plain" })
          res.end("x".repeat(1001))
        }
      })
      const client = yield* HttpClient.HttpClient
      const context = { info, apiOrigin: api.url, maxBytes: 1000 }
      const [, bytes] = yield* send(attemptOf(client), HttpClientRequest.get(`${api.url}/w`), context)
      expect(bytes.byteLength).toBe(1000)
      for (let i = 0; i < 2; i++) {
        const error = yield* Effect.flip(send(attemptOf(client), HttpClientRequest.get(`${api.url}/w`), context))
        expect(error._tag).toBe("ResponseTooLarge")
      }
    }).pipe(Effect.provide(FetchHttpClient.layer)))

  it.effect("a time limit: the outcome before it, as it came; after it, the given Timeout, the rest interrupted", () =>
    Effect.gen(function*() {
      const after = Duration.millis(50)
      const timeout = () => new Timeout({ ...info, after, scope: "deadline" })
      expect(yield* timeoutFail(Effect.succeed(1), after, timeout, Effect.runSync(Effect.clock))).toBe(1)
      // A failure before the limit is that failure, at once (the timer is not waited for).
      const broken = new TransportError({ ...info, reason: "refused" })
      const failed = yield* Effect.flip(
        timeoutFail(Effect.fail(broken), Duration.hours(1), timeout, Effect.runSync(Effect.clock))
      )
      expect(failed).toBe(broken)
      let interrupted = false
      const slow = Effect.onInterrupt(Effect.never, () => Effect.sync(() => (interrupted = true)))
      const fiber = yield* Effect.fork(timeoutFail(slow, after, timeout, Effect.runSync(Effect.clock)))
      yield* TestClock.adjust(after)
      const late = yield* Effect.flip(Fiber.join(fiber))
      expect(late._tag).toBe("Timeout")
      expect(late).toMatchObject({ scope: "deadline" })
      expect(interrupted).toBe(true)
    }))
  it.effect("no client has traits in a browser: each is treated as fetch, and no failure is a client's own cut", () =>
    Effect.gen(function*() {
      // A client that claims the Node client's traits (undici sets them; it does not run in browsers).
      const client = withTraits(yield* HttpClient.HttpClient, {
        followsNoRedirects: true,
        makesNoSpans: true,
        executeUntil: () => Effect.die("not in a browser")
      })
      expect(traitsOf(client)).toBeUndefined()
      expect(isAttemptCut(new AttemptTimedOut())).toBe(false)
      expect(liveClock()).toBeUndefined()
    }).pipe(Effect.provide(FetchHttpClient.layer)))
})
