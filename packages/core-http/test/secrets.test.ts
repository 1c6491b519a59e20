import { CrmConfig, type CrmError, CrmTransport } from "@blocks-crm/core-http"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { inspect } from "node:util"
import * as Capture from "./support/capture.js"
import { API_KEY, clients, document, errorBody, TOKEN, widgetJson } from "./support/fixtures.js"
import { expectNoSecret, renderings } from "./support/hostile.js"
import * as TestServer from "./support/TestServer.js"

describe("secrets never leave the transport", () => {
  it.scopedLive("no error of a failing call contains the token or the API key, nor do its logs and spans", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const capture = Capture.make()
      // A timeout that only the delayed answers pass, even on a loaded machine.
      const { widgets } = yield* clients(server, { timeout: "1 second", retry: { times: 1 } })
      server.enqueue(
        // 401, after a retried 503
        { status: 503 },
        { status: 401, body: errorBody(401, "unauthorized", "Unauthorized", "Invalid token") },
        // 422 on a POST
        { status: 422, body: errorBody(422, "blank", "Invalid", "can't be blank", "/widget/name") },
        // timeout, twice
        { delay: 5_000 },
        { delay: 5_000 },
        // a body that does not decode
        { body: { data: [widgetJson("w1", "ok"), { id: "w2", type: "widget", attributes: {} }], meta: {} } },
        // a dropped connection, twice
        { destroy: true },
        { destroy: true },
        // 429
        { status: 429, headers: { "retry-after": "600" } }
      )
      const port = yield* Effect.promise(TestServer.unusedPort)
      const refused = yield* clients({ url: `http://127.0.0.1:${port}` }, { retry: { times: 0 } })

      const calls: Array<Effect.Effect<unknown, CrmError.CrmError>> = [
        widgets.get("w1"),
        widgets.create({ name: "x" }),
        widgets.get("w1"),
        widgets.list(),
        widgets.get("w1"),
        widgets.get("w1"),
        widgets.get("a/b"),
        refused.widgets.get("w1")
      ]
      const tags: Array<string> = []
      for (const call of calls) {
        const exit = yield* Effect.exit(capture.run(call))
        if (exit._tag === "Success") throw new Error("expected the call to fail")
        const error = Cause.squash(exit.cause)
        tags.push((error as { _tag: string })._tag)
        for (const text of renderings(error)) expectNoSecret(text)
        // What an application would typically log.
        yield* capture.run(
          Effect.logError("call failed", error).pipe(
            Effect.zipRight(Effect.logError(exit.cause)),
            Effect.zipRight(Effect.logWarning(error)),
            Effect.annotateLogs("error", error)
          )
        )
      }
      expect(tags).toEqual([
        "Unauthorized",
        "ValidationFailed",
        "Timeout",
        "UnexpectedResponse",
        "TransportError",
        "RateLimited",
        "InvalidInput",
        "TransportError"
      ])

      // The credentials did travel, so the captures below are meaningful.
      expect(server.requests[0]?.headers["authorization"]).toBe(`Bearer ${TOKEN}`)
      expect(capture.lines.length).toBeGreaterThanOrEqual(8 * 3)
      expect(capture.text()).toContain("Unauthorized")
      expectNoSecret(capture.text())

      // The platform's client spans record request headers: the credential ones are redacted.
      const clientSpan = capture.spans.find((span) => span.attributes.has("http.request.header.authorization"))
      expect(clientSpan).toBeDefined()
      expect(clientSpan?.attributes.get("http.request.header.authorization")).toBe("<redacted>")
      expect(clientSpan?.attributes.get("http.request.header.appid")).toBe("<redacted>")
      const postSpan = capture.spans.find((span) => span.attributes.has("http.request.header.idempotency-key"))
      expect(postSpan?.attributes.get("http.request.header.idempotency-key")).toBe("<redacted>")
    }))

  it.scopedLive("X-Api-Key is redacted from spans too", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const capture = Capture.make()
      const { widgets } = yield* clients(server, { apiKeyHeader: "X-Api-Key" })
      server.enqueue({ body: document("w1", "ok") })

      yield* capture.run(widgets.get("w1"))
      const span = capture.spans.find((s) => s.attributes.has("http.request.header.x-api-key"))
      expect(span?.attributes.get("http.request.header.x-api-key")).toBe("<redacted>")
      expectNoSecret(capture.text())
    }))

  it.effect("logging the settings or the transport shows no secret", () =>
    Effect.gen(function*() {
      const capture = Capture.make()
      const context = yield* Layer.build(
        CrmTransport.layerFetch({ apiUrl: "http://127.0.0.1:1", authToken: TOKEN, apiKey: API_KEY })
      )
      const transport = yield* Effect.provide(CrmTransport.CrmTransport, context)
      yield* capture.run(Effect.log("settings", transport.settings))
      expectNoSecret(capture.text())
      expectNoSecret(JSON.stringify(transport.settings))
      expectNoSecret(inspect(transport.settings, { depth: 10 }))
    }).pipe(Effect.scoped))

  it.effect("configuration errors never echo the credentials", () =>
    Effect.gen(function*() {
      const errors = [
        yield* Effect.flip(CrmConfig.make({ apiUrl: "not a url", authToken: TOKEN, apiKey: API_KEY })),
        yield* Effect.flip(CrmConfig.make({ apiUrl: `https://u:${TOKEN}@x.test`, authToken: TOKEN, apiKey: API_KEY })),
        yield* Effect.flip(CrmConfig.make({ apiUrl: "https://x.test", authToken: TOKEN, apiKey: " " }))
      ]
      for (const error of errors) {
        expect(error._tag).toBe("ConfigurationError")
        for (const text of renderings(error)) expectNoSecret(text)
      }
    }))

  it.effect("a credential that cannot be sent in a header is rejected up front, without echoing it", () =>
    Effect.gen(function*() {
      for (
        const [authToken, apiKey, name] of [
          [`${TOKEN}\ninjected`, API_KEY, "authToken"],
          [TOKEN, `${API_KEY}\r\nX-Evil: 1`, "apiKey"],
          [`${TOKEN}\u0000`, API_KEY, "authToken"]
        ] as const
      ) {
        const error = yield* Effect.flip(CrmConfig.make({ apiUrl: "https://x.test", authToken, apiKey }))
        expect(error.problems.map((p) => p.name)).toEqual([name])
        for (const text of renderings(error)) expectNoSecret(text)
      }
    }))

  it.scopedLive("even if such a credential reached the transport, no request error would echo it", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      // Bypass CrmConfig.make's checks, as code providing CrmConfig directly could.
      const settings = yield* CrmConfig.make({
        apiUrl: server.url,
        authToken: TOKEN,
        apiKey: API_KEY,
        retry: { times: 0 }
      })
      const broken = { ...settings, authToken: Redacted.make(`${TOKEN}\nline2`) }
      const client = yield* HttpClient.HttpClient.pipe(Effect.provide(FetchHttpClient.layer))
      const transport = CrmTransport.make(broken, client)

      const error = yield* Effect.flip(transport.execute(HttpClientRequest.get("/widgets/w1")))
      expect(error._tag).toBe("TransportError")
      for (const text of renderings(error)) expectNoSecret(text)
      expect(server.requests).toHaveLength(0)
    }))
})
