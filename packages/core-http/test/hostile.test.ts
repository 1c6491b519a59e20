/**
 * A hostile server: every way a response can be broken, oversized, slow or malicious ends in one of
 * the SDK's tagged errors, within the configured timeout, in bounded memory, and with no secret in the
 * error, in the logs, or in any request to another origin.
 */
import { ApiClient, CrmError, PromiseFace, ResourceClient } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as ManagedRuntime from "effect/ManagedRuntime"
import type * as Http from "node:http"
import * as Zlib from "node:zlib"
import * as Capture from "./support/capture.js"
import {
  clients,
  CreateWidget,
  document,
  expectTag,
  TOKEN,
  transport,
  UpdateWidget,
  WidgetsGroup
} from "./support/fixtures.js"
import { expectNoSecret, pump, renderings } from "./support/hostile.js"
import * as TestServer from "./support/TestServer.js"
import * as NodeTransport from "@blocks-crm/core-http/NodeTransport"
import { options } from "./support/fixtures.js"

const MiB = 1024 * 1024

/** What a hostile server echoes back: the credentials it was sent. */
const echoed = (req: { readonly headers: Http.IncomingHttpHeaders }) =>
  `${String(req.headers["authorization"])} ${String(req.headers["appid"])}`

/** 256 MiB of zeros, gzip level 1: about 1 MB on the wire. */
let bomb: Promise<Buffer> | undefined
const gzipBomb = () =>
  bomb ??= new Promise<Buffer>((resolve, reject) => {
    const gzip = Zlib.createGzip({ level: 1 })
    const out: Array<Buffer> = []
    gzip.on("data", (chunk: Buffer) => out.push(chunk))
    gzip.on("end", () => resolve(Buffer.concat(out)))
    gzip.on("error", reject)
    const zeros = Buffer.alloc(MiB)
    for (let i = 0; i < 256; i++) gzip.write(zeros)
    gzip.end()
  })

/** Runs `self`, sampling the process's resident memory; answers its exit and the peak growth in MiB. */
const withPeakRss = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const before = process.memoryUsage.rss()
    let peak = before
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss())
    }, 5)
    const exit = yield* Effect.exit(self).pipe(Effect.ensuring(Effect.sync(() => clearInterval(timer))))
    peak = Math.max(peak, process.memoryUsage.rss())
    return { exit, growthMiB: (peak - before) / MiB }
  })

const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit)) throw new Error("expected the call to fail")
  const failure = Cause.failureOption(exit.cause)
  if (failure._tag === "None") throw new Error(`expected a failure, got ${Cause.pretty(exit.cause)}`)
  return failure.value
}

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`

/**
 * Both transports face the same server. undici's `request` (NodeTransport) neither asks for nor
 * decompresses gzip, so a compressed bomb reaches the decoder as bytes that are not JSON.
 */
const transports = [
  { name: "fetch", make: transport, gzipBomb: "ResponseTooLarge" },
  {
    name: "undici",
    make: (server: Pick<TestServer.TestServer, "url">, overrides: Parameters<typeof transport>[1] = {}) =>
      NodeTransport.layer(options(server, overrides)),
    gzipBomb: "UnexpectedResponse"
  }
] as const

describe.each(transports)("a hostile server, over $name", ({ gzipBomb: bombTag, make }) => {
  it.scopedLive("each broken response is a tagged error, with no secret in it or in the logs", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const capture = Capture.make()
      // A generous timeout: every case but the slow one must fail on its own, well before it.
      const { widgets } = yield* clients(server, { timeout: "10 seconds", retry: { times: 0 } }, make)
      const cases: Array<readonly [string, TestServer.Responder, CrmError.ApiError["_tag"] | "InvalidInput"]> = [
        [
          "truncated JSON (well framed)",
          (req) => ({
            headers: { "content-type": "application/json" },
            body: `{"data":{"id":"w1","type":"widget","attributes":{"unique_id":"w1","name":"${echoed(req)}`
          }),
          "UnexpectedResponse"
        ],
        [
          "truncated body (shorter than its Content-Length)",
          {
            raw: (res) => {
              res.writeHead(200, { "content-type": "application/json", "content-length": "5000" })
              res.write(`{"data":{"id":"w1"`)
              setTimeout(() => res.socket?.destroy(), 20)
            }
          },
          "TransportError"
        ],
        [
          "an HTML page",
          (req) => ({
            headers: { "content-type": "text/html" },
            body: `<html><body>Bad gateway for ${echoed(req)}</body></html>`
          }),
          "UnexpectedResponse"
        ],
        ["an empty body", { headers: { "content-type": "application/json" }, body: "" }, "UnexpectedResponse"],
        [
          "a huge body (declared)",
          {
            raw: (res) => {
              res.writeHead(200, { "content-type": "application/json", "content-length": String(40 * MiB) })
              pump(res, Buffer.alloc(64 * 1024, 0x20), 40 * MiB)
            }
          },
          "ResponseTooLarge"
        ],
        [
          "a value nested 5000 deep",
          {
            headers: { "content-type": "application/json" },
            body: `{"data":{"id":"w1","type":"widget","attributes":{"unique_id":"w1","name":${nested(5000)}}}}`
          },
          "UnexpectedResponse"
        ],
        [
          "a document nested 100000 deep",
          { headers: { "content-type": "application/json" }, body: nested(100_000) },
          "UnexpectedResponse"
        ],
        [
          "a reset in the middle of the body",
          {
            raw: (res) => {
              res.writeHead(200, { "content-type": "application/json" })
              res.write(`{"data":[`)
              setTimeout(() => res.socket?.destroy(), 20)
            }
          },
          "TransportError"
        ],
        [
          "a 401 echoing the credentials",
          (req) => ({
            status: 401,
            body: { errors: [{ status: "401", title: `Bad token ${echoed(req)}`, detail: `You sent ${echoed(req)}` }] }
          }),
          "Unauthorized"
        ],
        [
          "a 500 echoing the credentials",
          (req) => ({ status: 500, body: { errors: [{ detail: echoed(req), source: { parameter: echoed(req) } }] } }),
          "ServerError"
        ],
        [
          "an undeclared status with an echoing text body and content type",
          (req) => ({ status: 418, headers: { "content-type": `text/plain; x=${echoed(req)}` }, body: echoed(req) }),
          "UnexpectedResponse"
        ],
        [
          "a mismatching value that is the credentials",
          (req) => ({
            body: { data: { id: "w1", type: "widget", attributes: { unique_id: "w1", name: { echo: echoed(req) } } } }
          }),
          "UnexpectedResponse"
        ],
        [
          "an excerpt that ends inside a credential",
          (req) => ({ headers: { "content-type": "text/html" }, body: `${"x".repeat(490)}${echoed(req)}` }),
          "UnexpectedResponse"
        ]
      ]
      for (const [name, responder, tag] of cases) {
        server.enqueue(responder)
        const error = failureOf(yield* Effect.exit(capture.run(widgets.get("w1"))))
        expect(error._tag, name).toBe(tag)
        for (const text of renderings(error)) expectNoSecret(text)
        yield* capture.run(Effect.logError(name, error).pipe(Effect.annotateLogs("error", error)))
      }
      expect(server.requests).toHaveLength(cases.length)
      // The credentials were sent (to the configured API), and the echoes did arrive: they were scrubbed.
      expect(server.requests[0]?.headers["authorization"]).toBe(`Bearer ${TOKEN}`)
      expect(capture.lines.join("\n")).toContain("[redacted]")
      expectNoSecret(capture.lines.join("\n"))
      // Spans too, except the response headers the platform's client span copies as they came (names
      // are redacted there, not values): a header echoing a secret is a known gap of that span.
      for (const span of capture.spans) {
        const attributes = [...span.attributes].filter(([key]) => !key.startsWith("http.response.header."))
        expectNoSecret(JSON.stringify({ name: span.name, attributes, events: span.events }))
      }
    }))

  it.scopedLive("the details of each failure", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { timeout: "10 seconds", retry: { times: 0 } }, make)

      server.enqueue({ headers: { "content-type": "text/html" }, body: "<html>oops</html>" })
      const html = expectTag(yield* Effect.flip(widgets.get("w1")), "UnexpectedResponse")
      expect(html.reason).toBe("expected JSON, got text/html")
      expect(html.bodyExcerpt).toBe("<html>oops</html>")

      server.enqueue({
        headers: { "content-type": "application/json" },
        body: `{"data":{"id":"w1","type":"widget","attributes":{"unique_id":"w1","name":${nested(5000)}}}}`
      })
      const deep = expectTag(yield* Effect.flip(widgets.get("w1")), "UnexpectedResponse")
      expect(deep.status).toBe(200)
      expect(deep.reason).toContain("nested too deeply")
      expect(deep.requestId).toBe(server.requests[1]?.headers["x-request-id"])

      server.enqueue((req) => ({ status: 401, body: { errors: [{ detail: `You sent ${echoed(req)}` }] } }))
      const unauthorized = expectTag(yield* Effect.flip(widgets.get("w1")), "Unauthorized")
      expect(unauthorized.errors[0]?.detail).toBe("You sent Bearer [redacted] [redacted]")
      expect(unauthorized.message).toContain("You sent Bearer [redacted] [redacted]")

      server.enqueue((req) => ({ headers: { "content-type": "text/html" }, body: `${"x".repeat(490)}${echoed(req)}` }))
      const cut = expectTag(yield* Effect.flip(widgets.get("w1")), "UnexpectedResponse")
      // 500 characters would end inside the token ("Bearer tok_SECRET"): the partial token is dropped.
      expect(cut.bodyExcerpt).toBe(`${"x".repeat(490)}Bearer [redacted]…`)
    }))

  it.scopedLive("an endless body fails with ResponseTooLarge at the limit, in bounded memory", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { settings, widgets } = yield* clients(server, { timeout: "20 seconds", retry: { times: 0 } }, make)
      expect(settings.maxResponseBytes).toBe(32 * MiB)
      server.enqueue({
        raw: (res) => {
          res.writeHead(200, { "content-type": "application/json" })
          res.write(`{"data":`)
          pump(res, Buffer.alloc(64 * 1024, 0x20))
        }
      })

      const { exit, growthMiB } = yield* withPeakRss(widgets.get("w1"))
      const error = expectTag(failureOf(exit), "ResponseTooLarge")
      expect(error.maxBytes).toBe(32 * MiB)
      expect(error.status).toBe(200)
      expect(error.message).toContain("larger than the 32 MiB limit")
      // Before the limit, one attempt of an endless body grew past 1 GB.
      expect(growthMiB).toBeLessThan(200)
      // The client hung up: the server stops sending.
      yield* server.waitUntil(() => server.requests[0]?.closedEarly === true)
    }))

  it.scopedLive("a gzip bomb fails (fetch: ResponseTooLarge, counted after decompression), in bounded memory", () =>
    Effect.gen(function*() {
      const compressed = yield* Effect.promise(gzipBomb)
      expect(compressed.length).toBeLessThan(4 * MiB)
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { timeout: "20 seconds", retry: { times: 0 } }, make)
      server.enqueue({
        raw: (res) => {
          res.writeHead(200, {
            "content-type": "application/json",
            "content-encoding": "gzip",
            "content-length": String(compressed.length)
          })
          res.end(compressed)
        }
      })

      const { exit, growthMiB } = yield* withPeakRss(widgets.get("w1"))
      const error = failureOf(exit)
      expect(error._tag).toBe(bombTag)
      if (error._tag === "ResponseTooLarge") expect(error.maxBytes).toBe(32 * MiB)
      expect(growthMiB).toBeLessThan(200)
    }))

  it.scopedLive("a slowloris body fails with Timeout after the configured attempt timeout", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, { timeout: "400 millis", retry: { times: 0 } }, make)
      server.enqueue({
        raw: (res) => {
          res.writeHead(200, { "content-type": "application/json" })
          const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(" ")), 50)
          res.on("close", () => clearInterval(timer))
        }
      })

      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "Timeout")
      expect(error.scope).toBe("attempt")
      expect(Duration.toMillis(error.after)).toBe(400)
      yield* server.waitUntil(() => server.requests[0]?.closedEarly === true)
    }))

  it("through the Promise face, a deeply nested body rejects with UnexpectedResponse", async () => {
    const server = await TestServer.start()
    const runtime = ManagedRuntime.make(make(server, { retry: { times: 0 } }))
    try {
      const service = await runtime.runPromise(
        Effect.map(
          ApiClient.group(WidgetsGroup),
          (endpoints) => ResourceClient.softDelete("widgets", endpoints, { create: CreateWidget, update: UpdateWidget })
        )
      )
      const { widgets } = PromiseFace.promisify({ widgets: service }, runtime)
      server.enqueue(
        {
          headers: { "content-type": "application/json" },
          body: `{"data":{"id":"w1","type":"widget","attributes":{"unique_id":"w1","name":${nested(5000)}}}}`
        },
        { body: document("w1", "ok") }
      )
      const rejection = await widgets.get("w1").then(
        () => undefined,
        (error: unknown) => error
      )
      expect(CrmError.isApiError(rejection)).toBe(true)
      expect((rejection as CrmError.ApiError)._tag).toBe("UnexpectedResponse")
      expect(rejection).toBeInstanceOf(Error)
      // The client still works afterwards.
      expect((await widgets.get("w1")).name).toBe("ok")
    } finally {
      await runtime.dispose()
      await server.close()
    }
  })
})
