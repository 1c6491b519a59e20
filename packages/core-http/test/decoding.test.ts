import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { clients, expectTag, listBody, widgetJson } from "./support/fixtures.js"
import * as TestServer from "./support/TestServer.js"

describe("decoding responses", () => {
  it.scopedLive("a list item missing a required attribute fails naming its path", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      const broken = { id: "w2", type: "widget", attributes: { unique_id: "w2" } }
      server.enqueue({ body: listBody([widgetJson("w1", "First"), broken, widgetJson("w3", "Third")]) })

      const error = expectTag(yield* Effect.flip(widgets.list()), "UnexpectedResponse")
      expect(error.path).toBeDefined()
      expect(error.path).toContain("data[1].attributes")
      expect(error.path).toContain("name")
      expect(error.path).toBe("data[1].attributes.name")
      expect(error.status).toBe(200)
      expect(error.method).toBe("GET")
      expect(error.url).toBe(`${server.url}/widgets/`)
      expect(error.requestId).toBe(server.requests[0]?.headers["x-request-id"])
      expect(error.contentType).toContain("application/json")
      expect(error.bodyExcerpt).toContain(`"unique_id":"w2"`)
      expect(error.message).toContain("at data[1].attributes.name")
      // A decode failure is not transient: one request only.
      expect(server.requests).toHaveLength(1)
    }))

  it.scopedLive("a resource of the wrong type is rejected at its type member", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ body: { data: { ...widgetJson("w1", "First"), type: "gadget" } } })

      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "UnexpectedResponse")
      expect(error.path).toBe("data.type")
    }))

  it.scopedLive("a 200 that is not JSON reports its content type and an excerpt of the body", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      const html = "<!doctype html><html><body>Maintenance</body></html>"
      server.enqueue({ headers: { "content-type": "text/html; charset=utf-8" }, body: html })

      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "UnexpectedResponse")
      expect(error.status).toBe(200)
      expect(error.contentType).toBe("text/html; charset=utf-8")
      expect(error.bodyExcerpt).toBe(html)
      expect(error.path).toBeUndefined()
      expect(error.reason).toBe("expected JSON, got text/html; charset=utf-8")
      expect(error.requestId).toBe(server.requests[0]?.headers["x-request-id"])
      expect(error.url).toBe(`${server.url}/widgets/w1`)
    }))

  it.scopedLive("malformed JSON labelled application/json is reported the same way, without an empty path", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ headers: { "content-type": "application/json" }, body: `{"data": {"id": "w1",` })

      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "UnexpectedResponse")
      expect(error.path).toBeUndefined()
      expect(error.reason).toBe("expected JSON, got application/json")
      expect(error.bodyExcerpt).toBe(`{"data": {"id": "w1",`)
      expect(error.message).toBe(
        `GET ${server.url}/widgets/w1 answered 200 with an unexpected body: expected JSON, got application/json (request id ${error.requestId})`
      )
    }))

  it.scopedLive("a long body is cut to an excerpt", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ headers: { "content-type": "text/plain" }, body: "x".repeat(2_000) })

      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "UnexpectedResponse")
      expect(error.bodyExcerpt).toBe(`${"x".repeat(500)}…`)
    }))

  it.scopedLive("a list whose meta lacks the totals fails mentioning totalPages", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ body: listBody([widgetJson("w1", "First")], { page: 1 }) })

      const error = expectTag(yield* Effect.flip(widgets.list()), "UnexpectedResponse")
      expect(error.reason).toContain("totalPages")
      expect(error.message).toContain("totalPages")
      expect(error.path).toBe("meta")
    }))

  it.scopedLive("a list whose meta lacks only totalRecords fails mentioning totalRecords", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ body: listBody([widgetJson("w1", "First")], { totalPages: 1 }) })

      const error = expectTag(yield* Effect.flip(widgets.list()), "UnexpectedResponse")
      expect(error.reason).toContain("totalRecords")
    }))

  it.scopedLive("meta in the live API's snake_case decodes to the same totals, with page and size", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({
        body: listBody([widgetJson("w3", "Third")], { total_pages: 4, total_count: 7, current_page: 2, per_page: 2 })
      })

      const page = yield* widgets.list({ page: 2, records: 2 })
      expect(page).toEqual({
        data: [{ uniqueId: "w3", name: "Third" }],
        meta: { totalPages: 4, totalRecords: 7, page: 2, records: 2 }
      })
    }))

  it.scopedLive("camelCase meta decodes to the totals only", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ body: listBody([], { totalPages: 0, totalRecords: 0 }) })

      expect(yield* widgets.list()).toEqual({ data: [], meta: { totalPages: 0, totalRecords: 0 } })
    }))

  it.scopedLive("optional attributes sent as null are absent, relationships are accepted", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({
        body: {
          data: {
            ...widgetJson("w1", "First", { color: null }),
            relationships: { owner: { data: { id: "u1", type: "user" } }, tags: { data: [] } }
          }
        }
      })

      const widget = yield* widgets.get("w1")
      expect(widget).toEqual({ uniqueId: "w1", name: "First" })
      expect("color" in widget).toBe(false)
    }))
})
