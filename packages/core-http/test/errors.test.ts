import { CrmError } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { clients, errorBody, expectTag, listBody, widgetJson } from "./support/fixtures.js"
import * as TestServer from "./support/TestServer.js"

const noRetries = { retry: { times: 0 } }

const cases = [
  { status: 401, tag: "Unauthorized" },
  { status: 403, tag: "Forbidden" },
  { status: 404, tag: "NotFound" },
  { status: 409, tag: "Conflict" },
  { status: 422, tag: "ValidationFailed" },
  { status: 429, tag: "RateLimited" },
  { status: 500, tag: "ServerError" },
  { status: 503, tag: "ServerError" },
  { status: 418, tag: "UnexpectedResponse" }
] as const

describe("status mapping", () => {
  for (const { status, tag } of cases) {
    it.scopedLive(`${status} becomes ${tag}, carrying status, request id, method and URL`, () =>
      Effect.gen(function*() {
        const server = yield* TestServer.make
        const { endpoints } = yield* clients(server, noRetries)
        server.enqueue({ status, body: errorBody(status, `code_${status}`, `Title ${status}`, `Detail ${status}`) })

        const error = yield* Effect.flip(endpoints.get({ path: { uniqueId: "w1" } }))

        expect(error._tag).toBe(tag)
        expect(error).toBeInstanceOf(Error)
        expect(server.requests).toHaveLength(1)
        const seenId = server.requests[0]?.headers["x-request-id"]
        expect(error).toMatchObject({
          status,
          requestId: seenId,
          method: "GET",
          url: `${server.url}/widgets/w1`
        })
        expect(Option.getOrUndefined(CrmError.statusOf(error))).toBe(status)
        expect(error.message).toContain(`GET ${server.url}/widgets/w1`)
        expect(error.message).toContain(`request id ${String(seenId)}`)
        expect(error.message).toContain(String(status))
      }))
  }

  it.scopedLive("the API's error objects are carried through and explain the failure", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { endpoints } = yield* clients(server, noRetries)
      server.enqueue({ status: 404, body: errorBody(404, "not_found", "Widget Not Found", "No widget w1") })

      const error = expectTag(yield* Effect.flip(endpoints.get({ path: { uniqueId: "w1" } })), "NotFound")
      expect(error.errors).toEqual([{
        status: "404",
        code: "not_found",
        title: "Widget Not Found",
        detail: "No widget w1"
      }])
      expect(error.message).toBe(
        `GET ${server.url}/widgets/w1 failed with 404: No widget w1 (request id ${error.requestId})`
      )
    }))

  it.scopedLive("422 keeps every JSON:API error with code, title, detail and source.pointer", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, noRetries)
      const errors = [
        {
          status: "422",
          code: "blank",
          title: "Invalid name",
          detail: "can't be blank",
          source: { pointer: "/widget/name" }
        },
        {
          status: "422",
          code: "inclusion",
          title: "Invalid color",
          detail: "is not a color",
          source: { pointer: "/widget/color" }
        }
      ]
      server.enqueue({ status: 422, body: { errors } })

      const error = expectTag(yield* Effect.flip(widgets.create({ name: "ok", color: "plaid" })), "ValidationFailed")
      expect(error.status).toBe(422)
      expect(error.method).toBe("POST")
      expect(error.url).toBe(`${server.url}/widgets/`)
      expect(error.requestId).toBe(server.requests[0]?.headers["x-request-id"])
      expect(error.errors).toEqual(errors)
      expect(error.message).toContain("/widget/name: can't be blank; /widget/color: is not a color")
    }))

  it.scopedLive("an error body that is not JSON:API still maps by status, with no error objects", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { endpoints } = yield* clients(server, noRetries)
      server.enqueue({ status: 500, headers: { "content-type": "text/html" }, body: "<h1>Internal Server Error</h1>" })

      const error = expectTag(yield* Effect.flip(endpoints.get({ path: { uniqueId: "w1" } })), "ServerError")
      expect(error.errors).toEqual([])
      expect(error.message).toContain("failed with 500: server error")
    }))

  it.scopedLive("429 parses Retry-After given in seconds", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { endpoints } = yield* clients(server, noRetries)
      server.enqueue({
        status: 429,
        headers: { "retry-after": "7" },
        body: errorBody(429, "rate", "Too many", "Slow down")
      })

      const error = expectTag(yield* Effect.flip(endpoints.get({ path: { uniqueId: "w1" } })), "RateLimited")
      expect(Option.map(error.retryAfter, Duration.toMillis)).toEqual(Option.some(7_000))
    }))

  it.scopedLive("429 parses Retry-After given as an HTTP date", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { endpoints } = yield* clients(server, noRetries)
      const at = new Date(Date.now() + 120_000).toUTCString()
      server.enqueue({ status: 429, headers: { "retry-after": at } })

      const error = expectTag(yield* Effect.flip(endpoints.get({ path: { uniqueId: "w1" } })), "RateLimited")
      const millis = Duration.toMillis(Option.getOrThrow(error.retryAfter))
      // The date has whole seconds, so the wait is a little under two minutes.
      expect(millis).toBeGreaterThan(110_000)
      expect(millis).toBeLessThanOrEqual(120_000)
    }))

  it.scopedLive("429 without Retry-After has no retryAfter", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { endpoints } = yield* clients(server, noRetries)
      server.enqueue({ status: 429 })

      const error = expectTag(yield* Effect.flip(endpoints.get({ path: { uniqueId: "w1" } })), "RateLimited")
      expect(Option.isNone(error.retryAfter)).toBe(true)
    }))

  it.scopedLive("408 becomes a Timeout with scope server", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { endpoints } = yield* clients(server, noRetries)
      server.enqueue({ status: 408 })

      const error = expectTag(yield* Effect.flip(endpoints.get({ path: { uniqueId: "w1" } })), "Timeout")
      expect(error.scope).toBe("server")
      expect(error.requestId).toBe(server.requests[0]?.headers["x-request-id"])
      expect(error.message).toContain("the server gave up (408)")
    }))

  it.scopedLive("418 (undeclared) is an UnexpectedResponse with the status, content type and body", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { endpoints } = yield* clients(server, noRetries)
      server.enqueue({ status: 418, headers: { "content-type": "text/plain" }, body: "I'm a teapot" })

      const error = expectTag(yield* Effect.flip(endpoints.get({ path: { uniqueId: "w1" } })), "UnexpectedResponse")
      expect(error.status).toBe(418)
      expect(error.contentType).toBe("text/plain")
      expect(error.bodyExcerpt).toBe("I'm a teapot")
      expect(error.reason).toBe("undeclared status 418")
      expect(error.requestId).toBe(server.requests[0]?.headers["x-request-id"])
    }))

  it.scopedLive("errors of a POST name the method", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { widgets } = yield* clients(server, noRetries)
      server.enqueue({ status: 409, body: errorBody(409, "taken", "Conflict", "Name already used") })

      const error = expectTag(yield* Effect.flip(widgets.create({ name: "dup" })), "Conflict")
      expect(error.method).toBe("POST")
      expect(error.message).toBe(
        `POST ${server.url}/widgets/ failed with 409: Name already used (request id ${error.requestId})`
      )
    }))
})

describe("bodies that do not match the contract", () => {
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
