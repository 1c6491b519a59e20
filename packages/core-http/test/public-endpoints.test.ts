/**
 * An endpoint the contract marks `Contract.Public` (the ICS feed, a webhook) is sent without the bearer
 * token and the API key; any other keeps them. A text success must come with the media type the
 * contract declares.
 */
import { ApiClient, Contract } from "@blocks-crm/core-http"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { API_KEY, expectTag, TOKEN, transport } from "./support/fixtures.js"
import * as TestServer from "./support/TestServer.js"

const id = HttpApiSchema.param("id", Schema.String)
class FeedsGroup extends HttpApiGroup.make("feeds")
  .add(HttpApiEndpoint.get("get")`/feeds/${id}`.addSuccess(HttpApiSchema.Text({ contentType: "text/calendar" })))
  .annotate(Contract.Public, true)
{}
// No auth middleware and no `Contract.Public`: the credentials are still sent.
class PrivateGroup extends HttpApiGroup.make("private")
  .add(HttpApiEndpoint.get("get")`/private/${id}`.addSuccess(HttpApiSchema.Text({ contentType: "text/calendar" })))
{}

const connect = (server: TestServer.TestServer) =>
  Effect.flatMap(
    Layer.build(transport(server, { retry: { times: 0 } })),
    (context) =>
      Effect.provide(
        Effect.all({ feeds: ApiClient.group(FeedsGroup), secured: ApiClient.group(PrivateGroup) }),
        context
      )
  )

describe("public endpoints", () => {
  it.scopedLive("are sent without credentials; an endpoint not marked public with them", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { feeds, secured } = yield* connect(server)
      const calendar = { headers: { "content-type": "text/calendar; charset=utf-8" }, body: "BEGIN:VCALENDAR" }
      server.enqueue(calendar, calendar)

      expect(yield* feeds.get({ path: { id: "f1" } })).toBe("BEGIN:VCALENDAR")
      expect(yield* secured.get({ path: { id: "f1" } })).toBe("BEGIN:VCALENDAR")
      const [open, closed] = server.requests
      expect(open?.headers["authorization"]).toBeUndefined()
      expect(open?.headers["appid"]).toBeUndefined()
      expect(open?.headers["x-request-id"]).toBeDefined()
      expect(closed?.headers["authorization"]).toBe(`Bearer ${TOKEN}`)
      expect(closed?.headers["appid"]).toBe(API_KEY)
    }))

  it.scopedLive("a text success in another media type is an UnexpectedResponse naming both", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const { feeds } = yield* connect(server)
      server.enqueue({ body: { data: [] } })

      const error = expectTag(yield* Effect.flip(feeds.get({ path: { id: "f1" } })), "UnexpectedResponse")
      expect(error.reason).toContain("expected text/calendar")
      expect(error.reason).toContain("application/json")
    }))
})
