import { CrmTransport } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { API_KEY, clients, document, expectTag, listBody, TOKEN, widgetJson } from "./support/fixtures.js"
import * as TestServer from "./support/TestServer.js"

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe("CrmTransport: what goes on the wire", () => {
  it.scopedLive("a GET carries the credentials, Accept and a request id, and nothing for bodies", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { endpoints } = yield* clients(server)
      server.enqueue({ body: document("w1", "First") })

      const widget = yield* endpoints.get({ path: { uniqueId: "w1" } })
      expect(widget).toEqual({ uniqueId: "w1", name: "First" })

      expect(server.requests).toHaveLength(1)
      const [request] = server.requests
      expect(request?.method).toBe("GET")
      expect(request?.url).toBe("/widgets/w1")
      expect(request?.headers["authorization"]).toBe(`Bearer ${TOKEN}`)
      expect(request?.headers["appid"]).toBe(API_KEY)
      expect(request?.headers["x-api-key"]).toBeUndefined()
      expect(request?.headers["accept"]).toBe("application/json")
      expect(request?.headers["x-request-id"]).toMatch(uuid)
      expect(request?.headers["idempotency-key"]).toBeUndefined()
      expect(request?.headers["content-type"]).toBeUndefined()
      expect(request?.body).toBe("")
    }))

  it.scopedLive("apiKeyHeader X-Api-Key sends the key as X-Api-Key instead of AppId", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { endpoints } = yield* clients(server, { apiKeyHeader: "X-Api-Key" })
      server.enqueue({ body: document("w1", "First") })
      yield* endpoints.get({ path: { uniqueId: "w1" } })
      expect(server.requests[0]?.headers["x-api-key"]).toBe(API_KEY)
      expect(server.requests[0]?.headers["appid"]).toBeUndefined()
      expect(server.requests[0]?.headers["authorization"]).toBe(`Bearer ${TOKEN}`)
    }))

  it.scopedLive("a POST sends its JSON body with Content-Type application/json and an Idempotency-Key", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ status: 201, body: document("w9", "Made") })

      const created = yield* widgets.create({ name: "Made", color: "red" })
      expect(created).toEqual({ uniqueId: "w9", name: "Made" })

      const [request] = server.requests
      expect(request?.method).toBe("POST")
      expect(request?.url).toBe("/widgets/")
      expect(request?.headers["content-type"]).toBe("application/json")
      expect(JSON.parse(request?.body ?? "")).toEqual({ widget: { name: "Made", color: "red" } })
      expect(request?.headers["idempotency-key"]).toMatch(uuid)
      expect(request?.headers["authorization"]).toBe(`Bearer ${TOKEN}`)
    }))

  it.scopedLive("a PUT sends its body; a DELETE answered 204 succeeds with no value", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server)
      server.enqueue({ body: document("w1", "Renamed") }, { status: 204 })

      const updated = yield* widgets.update("w1", { name: "Renamed" })
      expect(updated).toEqual({ uniqueId: "w1", name: "Renamed" })
      const deleted = yield* widgets.delete("w1")
      expect(deleted).toBeUndefined()

      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["PUT /widgets/w1/", "DELETE /widgets/w1/"])
      expect(server.requests[0]?.headers["content-type"]).toBe("application/json")
      expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({ widget: { name: "Renamed" } })
      // PUT and DELETE are idempotent by method: no key needed.
      expect(server.requests[0]?.headers["idempotency-key"]).toBeUndefined()
      expect(server.requests[1]?.headers["idempotency-key"]).toBeUndefined()
    }))

  it.scopedLive("a base URL with a path prefix and a trailing slash joins declared paths as declared", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients({ url: `${server.url}/api/v1/` })
      server.fallback((request) =>
        request.method === "GET" && (request.pathname.endsWith("/") || request.pathname.endsWith("/trash/show"))
          ? { body: listBody([widgetJson("w1", "First")]) }
          : { body: document("w1", "First") }
      )

      yield* widgets.list({ page: 2, records: 5 })
      yield* widgets.get("w1")
      yield* widgets.update("w1", { color: "blue" })
      yield* widgets.search("blue widgets")
      yield* widgets.listDeleted()
      yield* widgets.recover("w1")

      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        "GET /api/v1/widgets/?page=2&records=5",
        "GET /api/v1/widgets/w1",
        "PUT /api/v1/widgets/w1/",
        "GET /api/v1/widgets/?search=blue+widgets",
        "GET /api/v1/widgets/trash/show",
        "PUT /api/v1/widgets/w1/recover"
      ])
    }))

  it.scopedLive("X-Request-ID is the same on every attempt of one call and differs between calls", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { endpoints } = yield* clients(server)
      server.enqueue({ status: 503 }, { status: 503 }, { body: document("w1", "First") }, {
        body: document("w1", "First")
      })

      yield* endpoints.get({ path: { uniqueId: "w1" } })
      yield* endpoints.get({ path: { uniqueId: "w1" } })

      const ids = server.requests.map((r) => r.headers["x-request-id"])
      expect(ids).toHaveLength(4)
      expect(ids[0]).toMatch(uuid)
      expect(ids[1]).toBe(ids[0])
      expect(ids[2]).toBe(ids[0])
      expect(ids[3]).toMatch(uuid)
      expect(ids[3]).not.toBe(ids[0])
    }))

  it.scopedLive("call options set the request id and extra headers, but never replace the credentials", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { endpoints } = yield* clients(server)
      server.enqueue({ status: 404, body: { errors: [] } })

      const error = yield* endpoints.get({ path: { uniqueId: "w1" } }).pipe(
        CrmTransport.withCallOptions({
          requestId: "req-fixed-1",
          headers: { "X-Trace": "trace-7", Authorization: "Bearer someone-else", AppId: "other-app" }
        }),
        Effect.flip
      )
      const [request] = server.requests
      expect(request?.headers["x-request-id"]).toBe("req-fixed-1")
      expect(request?.headers["x-trace"]).toBe("trace-7")
      expect(request?.headers["authorization"]).toBe(`Bearer ${TOKEN}`)
      expect(request?.headers["appid"]).toBe(API_KEY)
      expect(expectTag(error, "NotFound").requestId).toBe("req-fixed-1")
    }))

  it.scopedLive("withCallOptions merges over the options already in effect", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { endpoints } = yield* clients(server)
      server.enqueue({ body: document("w1", "First") })

      yield* endpoints.get({ path: { uniqueId: "w1" } }).pipe(
        CrmTransport.withCallOptions({ requestId: "inner-id" }),
        CrmTransport.withCallOptions({ headers: { "X-Outer": "yes" }, requestId: "outer-id" })
      )
      expect(server.requests[0]?.headers["x-request-id"]).toBe("inner-id")
      expect(server.requests[0]?.headers["x-outer"]).toBe("yes")
    }))
})
