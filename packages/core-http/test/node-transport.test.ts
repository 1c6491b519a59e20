/**
 * `NodeTransport` (undici) keeps the transport's rules: the answer decodes, a slow attempt is cut off
 * with a Timeout and retried per the policy, bodies are limited, redirects stay on the API's origin.
 */
import { ApiClient, ResourceClient } from "@blocks-crm/core-http"
import * as NodeTransport from "@blocks-crm/core-http/NodeTransport"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as CrmConfig from "../src/CrmConfig.js"
import { CreateWidget, document, expectTag, options, UpdateWidget, WidgetsGroup } from "./support/fixtures.js"
import { endlessJson } from "./support/hostile.js"
import * as TestServer from "./support/TestServer.js"

const clientsOver = (server: TestServer.TestServer, overrides: Partial<CrmConfig.CrmOptions>) =>
  Effect.gen(function*() {
    const context = yield* Layer.build(NodeTransport.layer(options(server, overrides)))
    const endpoints = yield* Effect.provide(ApiClient.group(WidgetsGroup), context)
    return ResourceClient.softDelete("widgets", endpoints, { create: CreateWidget, update: UpdateWidget })
  }).pipe(Effect.orDie)

describe("NodeTransport (undici)", () => {
  it.scopedLive("decodes answers; a slow attempt times out, is cut off and retried", () =>
    Effect.gen(function*() {
      const server = yield* TestServer.make
      const widgets = yield* clientsOver(server, { timeout: "1 second", retry: { times: 1 } })

      server.enqueue({ body: document("w1", "Plain") })
      expect((yield* widgets.get("w1")).name).toBe("Plain")

      // The first call on a cold undici pool must fit in the limit even on a loaded machine.
      server.fallback({ delay: 5_000, body: document("w1", "Late") })
      const error = expectTag(yield* Effect.flip(widgets.get("w1")), "Timeout")
      expect(error.scope).toBe("attempt")
      expect(server.requests).toHaveLength(3)
      yield* server.waitUntil(() => server.requests[1]?.closedEarly === true)
    }))

  it.scopedLive("bodies are limited; redirects stay on the API's origin", () =>
    Effect.gen(function*() {
      const api = yield* TestServer.make
      const other = yield* TestServer.make
      const widgets = yield* clientsOver(api, { maxResponseBytes: 64 * 1024, retry: { times: 0 } })

      api.enqueue({ raw: endlessJson })
      expect(expectTag(yield* Effect.flip(widgets.get("w1")), "ResponseTooLarge").maxBytes).toBe(64 * 1024)

      api.enqueue({ status: 301, headers: { location: "/widgets/w2" } }, { body: document("w2", "Moved") })
      expect((yield* widgets.get("w1")).name).toBe("Moved")

      api.enqueue({ status: 307, headers: { location: `${other.url}/widgets/w1` } })
      expectTag(yield* Effect.flip(widgets.get("w1")), "CrossOriginRedirect")
      expect(other.requests).toHaveLength(0)
    }))
})
