/**
 * Tracing: with a tracer installed, every call has its `crm.request` span and every request the
 * platform client's span (credential headers redacted), and carries the trace context; with none, the
 * client skips both spans and the trace headers.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Capture from "./support/capture.js"
import { clients, document } from "./support/fixtures.js"
import * as TestServer from "./support/TestServer.js"

describe("the platform client's span", () => {
  it.scopedLive("is recorded, with a traceparent header sent, when a tracer is installed", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const capture = Capture.make()
      const { widgets } = yield* clients(server)
      server.enqueue({ body: document("w1", "ok") })

      yield* capture.run(widgets.get("w1"))
      const clientSpan = capture.spans.find((span) => span.attributes.has("http.request.header.authorization"))
      expect(clientSpan?.attributes.get("http.request.header.authorization")).toBe("<redacted>")
      expect(server.requests[0]?.headers["traceparent"]).toMatch(/^00-trace-\d+-span-\d+-01$/)
    }))

  it.scopedLive("is skipped, with no trace header sent, when no tracer is installed", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ body: document("w1", "ok") })

      const widget = yield* widgets.get("w1")
      expect(widget).toMatchObject({ uniqueId: "w1" })
      expect(server.requests).toHaveLength(1)
      expect(server.requests[0]?.headers["traceparent"]).toBeUndefined()
      expect(server.requests[0]?.headers["x-request-id"]).toBeDefined()
    }))
})

describe("the crm.request span", () => {
  it.scopedLive("is recorded per call with its method, URL and request id when a tracer is installed", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const capture = Capture.make()
      const { widgets } = yield* clients(server)
      server.enqueue({ body: document("w1", "ok") })

      yield* capture.run(widgets.get("w1"))
      const calls = capture.spans.filter((span) => span.name === "crm.request")
      expect(calls).toHaveLength(1)
      expect(calls[0]?.attributes.get("http.request.method")).toBe("GET")
      expect(calls[0]?.attributes.get("url.full")).toBe(`${server.url}/widgets/w1`)
      expect(calls[0]?.attributes.get("crm.request_id")).toBe(server.requests[0]?.headers["x-request-id"])
    }))
})
