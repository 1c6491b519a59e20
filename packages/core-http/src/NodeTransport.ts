/**
 * The transport on Node over undici 7 (the copy `@effect/platform-node` ships), the faster client on
 * Node: a call costs noticeably less CPU than over the global `fetch`. A lean client sends the requests
 * (see `internal/undiciClient.ts`); its undici `Agent` (connection pool) lives as long as the layer. Node only,
 * so it lives in its own entry point (`@blocks-crm/core-http/NodeTransport`, which needs the optional
 * peer `@effect/platform-node`); browsers and edge runtimes use `CrmTransport.layerFetch`.
 *
 * @since 0.3.0
 */
import * as Undici from "@effect/platform-node/Undici"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as CrmConfig from "./CrmConfig.js"
import * as CrmTransport from "./CrmTransport.js"
import * as UndiciClient from "./internal/undiciClient.js"

/** The lean undici client on its own connection pool, closed with the layer. */
const undiciClient: Layer.Layer<HttpClient.HttpClient> = Layer.scoped(
  HttpClient.HttpClient,
  Effect.map(
    Effect.acquireRelease(Effect.sync(() => new Undici.Agent()), (agent) => Effect.promise(() => agent.destroy())),
    UndiciClient.make
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
