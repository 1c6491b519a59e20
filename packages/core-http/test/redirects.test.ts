/**
 * Redirects: the transport follows a few same-origin ones itself and refuses any other origin, so the
 * credentials and the idempotency key only ever go to the configured API.
 */
import { CrmTransport } from "@blocks-crm/core-http"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import type * as Http from "node:http"
import { inspect } from "node:util"
import { API_KEY, clients, document, expectTag, TOKEN } from "./support/fixtures.js"
import * as TestServer from "./support/TestServer.js"

const credentialHeaders = ["authorization", "appid", "x-api-key", "idempotency-key"] as const

const expectNoCredentials = (headers: Http.IncomingHttpHeaders) => {
  for (const name of credentialHeaders) expect(headers[name], name).toBeUndefined()
  const all = JSON.stringify(headers)
  expect(all).not.toContain(TOKEN)
  expect(all).not.toContain(API_KEY)
}

const redirect = (status: number, location: string): TestServer.ScriptedResponse => ({
  status,
  headers: { location },
  body: "moved"
})

describe("redirects", () => {
  it.scopedLive("a redirect to another origin fails with CrossOriginRedirect; nothing reaches that origin", () =>
    Effect.gen(function*() {
      const api = yield* TestServer.make
      const other = yield* TestServer.make
      other.fallback({ body: document("w1", "Stolen") })
      const { widgets } = yield* clients(api, { retry: { times: 2 } })
      const cases = [
        [301, () => widgets.get("w1")],
        [302, () => widgets.get("w1")],
        [303, () => widgets.create({ name: "x" })],
        [307, () => widgets.create({ name: "x" })],
        [308, () => widgets.update("w1", { name: "x" })]
      ] as const
      for (const [status, call] of cases) {
        api.enqueue(redirect(status, `${other.url}/collect?from=${status}`))
        const error = expectTag(yield* Effect.flip(call()), "CrossOriginRedirect")
        expect(error.status).toBe(status)
        expect(error.location).toBe(`${other.url}/collect?from=${status}`)
        expect(error.message).toContain(`redirected (${status}) to ${other.url}/collect`)
        expect(error.requestId).toBe(api.requests.at(-1)?.headers["x-request-id"])
        expect(inspect(error)).not.toContain(TOKEN)
      }
      // Not retried (a refusal is not transient), and the other origin saw nothing at all.
      expect(api.requests).toHaveLength(cases.length)
      expect(api.requests[2]?.headers["idempotency-key"]).toBeDefined()
      expect(other.requests).toHaveLength(0)
      for (const request of other.requests) expectNoCredentials(request.headers)
    }))

  it.scopedLive("another host name or scheme on the same port is another origin too", () =>
    Effect.gen(function*() {
      const api = yield* TestServer.make
      const { widgets } = yield* clients(api, { apiKeyHeader: "X-Api-Key", retry: { times: 0 } })
      const port = api.port
      for (const location of [`http://localhost:${port}/widgets/w1`, `https://127.0.0.1:${port}/widgets/w1`]) {
        api.enqueue(redirect(307, location))
        const error = expectTag(yield* Effect.flip(widgets.get("w1")), "CrossOriginRedirect")
        expect(error.location).toBe(location)
      }
      expect(api.requests).toHaveLength(2)
    }))

  it.scopedLive("a Location carrying user info or an echoed secret is reported without them", () =>
    Effect.gen(function*() {
      const api = yield* TestServer.make
      const other = yield* TestServer.make
      const { widgets } = yield* clients(api, { retry: { times: 0 } })
      api.enqueue((request) =>
        redirect(302, `http://user:pw@127.0.0.1:${other.port}/x?t=${String(request.headers["authorization"]).slice(7)}`)
      )
      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "CrossOriginRedirect")
      expect(error.location).toBe(`${other.url}/x?t=[redacted]`)
      expect(other.requests).toHaveLength(0)
    }))

  it.scopedLive("same-origin redirects are followed, with the credentials, keeping method and body for 307/308", () =>
    Effect.gen(function*() {
      const api = yield* TestServer.make
      const { widgets } = yield* clients(api, { retry: { times: 0 } })

      api.enqueue(redirect(301, "/widgets/w2?from=301"), { body: document("w2", "Moved") })
      expect((yield* widgets.get("w1")).name).toBe("Moved")
      const [first, second] = api.requests
      expect(second?.url).toBe("/widgets/w2?from=301")
      expect(second?.method).toBe("GET")
      expect(second?.headers["authorization"]).toBe(`Bearer ${TOKEN}`)
      expect(second?.headers["x-request-id"]).toBe(first?.headers["x-request-id"])

      api.enqueue(redirect(307, `${api.url}/widgets/again/`), { status: 201, body: document("w3", "Created") })
      expect((yield* widgets.create({ name: "Created" })).uniqueId).toBe("w3")
      const [post, repost] = api.requests.slice(2)
      expect(repost?.method).toBe("POST")
      expect(repost?.pathname).toBe("/widgets/again/")
      expect(repost?.body).toBe(post?.body)
      expect(JSON.parse(repost?.body ?? "null")).toEqual({ widget: { name: "Created" } })
      expect(repost?.headers["idempotency-key"]).toBe(post?.headers["idempotency-key"])
      expect(repost?.headers["content-type"]).toBe("application/json")

      api.enqueue(redirect(308, "/widgets/w1/moved/"), { body: document("w1", "Updated") })
      expect((yield* widgets.update("w1", { name: "Updated" })).name).toBe("Updated")
      expect(api.requests[5]?.method).toBe("PUT")
      expect(api.requests[5]?.body).toBe(api.requests[4]?.body)
    }))

  it.scopedLive("303 (and 301/302 after a POST) continue with a GET without body or idempotency key", () =>
    Effect.gen(function*() {
      const api = yield* TestServer.make
      const { widgets } = yield* clients(api, { retry: { times: 0 } })
      const cases = [
        [303, () => widgets.update("w9", { name: "x" }), 200],
        // The contract expects a create to answer 201, so the page redirected to does.
        [302, () => widgets.create({ name: "x" }), 201]
      ] as const
      for (const [status, call, answer] of cases) {
        api.enqueue(redirect(status, "/widgets/w9"), { status: answer, body: document("w9", "Seen") })
        expect((yield* call()).uniqueId).toBe("w9")
        const followUp = api.requests.at(-1)
        expect(followUp?.method).toBe("GET")
        expect(followUp?.url).toBe("/widgets/w9")
        expect(followUp?.body).toBe("")
        expect(followUp?.headers["idempotency-key"]).toBeUndefined()
        expect(followUp?.headers["content-type"]).toBeUndefined()
        expect(followUp?.headers["authorization"]).toBe(`Bearer ${TOKEN}`)
      }
      expect(api.requests.map((r) => r.method)).toEqual(["PUT", "GET", "POST", "GET"])
    }))

  it.scopedLive("a redirect loop stops after 5 redirects with UnexpectedResponse", () =>
    Effect.gen(function*() {
      const api = yield* TestServer.make
      const { widgets } = yield* clients(api, { retry: { times: 0 } })
      api.fallback(redirect(302, "/widgets/w1"))
      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "UnexpectedResponse")
      expect(error.status).toBe(302)
      expect(error.reason).toBe("more than 5 redirects")
      expect(api.requests).toHaveLength(6)
    }))

  it.scopedLive("a RequestInit asking fetch to follow redirects is overridden", () =>
    Effect.gen(function*() {
      const api = yield* TestServer.make
      const other = yield* TestServer.make
      const { widgets } = yield* clients(api, { retry: { times: 0 } })
      api.enqueue(redirect(307, `${other.url}/collect`))
      const error = yield* widgets.get("w1").pipe(
        Effect.provideService(FetchHttpClient.RequestInit, { redirect: "follow", keepalive: false }),
        Effect.flip
      )
      expect(error._tag).toBe("CrossOriginRedirect")
      expect(other.requests).toHaveLength(0)
    }))

  it.scopedLive("the transport's own client refuses too (a base URL with a path)", () =>
    Effect.gen(function*() {
      const api = yield* TestServer.make
      const other = yield* TestServer.make
      api.enqueue(redirect(301, `${other.url}/base/widgets/w1`))
      const transport = yield* CrmTransport.CrmTransport.pipe(
        Effect.provide(CrmTransport.layerFetch({ apiUrl: `${api.url}/base`, authToken: TOKEN, apiKey: API_KEY }))
      )
      const error = expectTag(yield* Effect.flip(transport.client.get("/widgets/w1")), "CrossOriginRedirect")
      expect(error.url).toBe(`${api.url}/base/widgets/w1`)
      expect(api.requests[0]?.pathname).toBe("/base/widgets/w1")
      expect(other.requests).toHaveLength(0)
    }))
})
