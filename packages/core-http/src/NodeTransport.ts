/**
 * The transport on Node over undici 7 (a dependency of this package), the faster client on Node: a
 * call costs noticeably less CPU than over the global `fetch`. A lean client sends the requests (see
 * `internal/undiciClient.ts`); its undici `Agent` (connection pool) lives as long as the layer. Node
 * only, so it lives in its own entry point (`@blocks-crm/core-http/NodeTransport`); browsers and edge
 * runtimes use `CrmTransport.layerFetch`, and `DefaultTransport` picks between the two by itself.
 *
 * @since 0.3.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Agent } from "undici"
import * as CrmConfig from "./CrmConfig.js"
import * as CrmTransport from "./CrmTransport.js"
import * as UndiciClient from "./internal/undiciClient.js"

/**
 * The lean undici client on its own connection pool, closed with the layer. The pool is opened by the
 * first request, so a layer that fails to build (a bad setting) or is never used has nothing to close,
 * and builds and releases synchronously (`createCrmClient` throws a bad setting at once).
 */
const undiciClient: Layer.Layer<HttpClient.HttpClient> = Layer.scoped(
  HttpClient.HttpClient,
  Effect.map(
    Effect.acquireRelease(
      Effect.sync(() => {
        let agent: Agent | undefined
        return {
          agent: () => (agent ??= new Agent()),
          close: () => (agent === undefined ? Effect.void : Effect.promise(() => agent!.destroy()))
        }
      }),
      (pool) => pool.close()
    ),
    (pool) => UndiciClient.make(pool.agent)
  )
)

/**
 * Transport + settings from code, over undici. Redirects, the size limit, timeouts and retries are the
 * transport's, as over fetch (undici follows no redirect itself).
 *
 * @since 0.3.0
 * @category layers
 */
export const layer = (options: CrmConfig.CrmOptions) =>
  CrmTransport.layer.pipe(Layer.provide([CrmConfig.layer(options), undiciClient]))

/**
 * Transport + settings from the environment (`BLOCKS_API_URL`, ...), over undici.
 *
 * @since 0.3.0
 * @category layers
 */
export const layerFromEnv = (overrides?: Parameters<typeof CrmConfig.layerFromEnv>[0]) =>
  CrmTransport.layer.pipe(Layer.provide([CrmConfig.layerFromEnv(overrides), undiciClient]))
