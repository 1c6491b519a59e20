/**
 * The redirect rule and the size limit belong to the transport, not to fetch: over Node's own HTTP
 * clients (node:http and undici, which issue a request per call and follow no redirects) they hold too.
 */
import { ApiClient, CrmConfig, CrmTransport, ResourceClient } from "@blocks-crm/core-http"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { CreateWidget, document, expectTag, options, UpdateWidget, WidgetsGroup } from "./support/fixtures.js"
import { endlessJson } from "./support/hostile.js"
import * as TestServer from "./support/TestServer.js"

const clientsOver = (
  httpClient: typeof NodeHttpClient.layer,
  server: TestServer.TestServer,
  overrides: Partial<CrmConfig.CrmOptions>
) =>
  Effect.gen(function*() {
    const context = yield* Layer.build(
      CrmTransport.layer.pipe(Layer.provide([CrmConfig.layer(options(server, overrides)), httpClient]))
    )
    const endpoints = yield* Effect.provide(ApiClient.group(WidgetsGroup), context)
    return ResourceClient.softDelete("widgets", endpoints, { create: CreateWidget, update: UpdateWidget })
  }).pipe(Effect.orDie)

describe.each([
  ["node:http", NodeHttpClient.layer],
  ["undici", NodeHttpClient.layerUndici]
])("over %s", (_name, httpClient) => {
  it.scopedLive("bodies are limited; redirects stay on the API's origin", () =>
    Effect.gen(function*() {
      const api = yield* TestServer.make
      const other = yield* TestServer.make
      const widgets = yield* clientsOver(httpClient, api, { maxResponseBytes: 64 * 1024, retry: { times: 0 } })

      api.enqueue({ body: document("w1", "Plain") })
      expect((yield* widgets.get("w1")).name).toBe("Plain")

      api.enqueue({ raw: endlessJson })
      expect(expectTag(yield* Effect.flip(widgets.get("w1")), "ResponseTooLarge").maxBytes).toBe(64 * 1024)
      yield* api.waitUntil(() => api.requests[1]?.closedEarly === true)

      api.enqueue({ status: 301, headers: { location: "/widgets/w2" } }, { body: document("w2", "Moved") })
      expect((yield* widgets.get("w1")).name).toBe("Moved")

      api.enqueue({ status: 307, headers: { location: `${other.url}/widgets/w1` } })
      expectTag(yield* Effect.flip(widgets.get("w1")), "CrossOriginRedirect")
      expect(other.requests).toHaveLength(0)
    }))
})
