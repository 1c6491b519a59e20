/**
 * The transport on Node over undici 7 (through `@effect/platform-node`'s `NodeHttpClient.layerUndici`),
 * the faster client on Node: a call costs noticeably less CPU than over the global `fetch`. Node only,
 * so it lives in its own entry point (`@blocks-crm/core-http/NodeTransport`, which needs the optional
 * peer `@effect/platform-node`); browsers and edge runtimes use `CrmTransport.layerFetch`.
 *
 * @since 0.3.0
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as Layer from "effect/Layer"
import * as CrmConfig from "./CrmConfig.js"
import * as CrmTransport from "./CrmTransport.js"

/**
 * Transport + settings from code, over undici. Redirects, the size limit, timeouts and retries are the
 * transport's, as over fetch (undici follows no redirect itself).
 *
 * @since 0.3.0
 * @category layers
 */
export const layer = (options: CrmConfig.CrmOptions) =>
  CrmTransport.layer.pipe(Layer.provide([CrmConfig.layer(options), NodeHttpClient.layerUndici]))

/**
 * Transport + settings from the environment (`BLOCKS_API_URL`, ...), over undici.
 *
 * @since 0.3.0
 * @category layers
 */
export const layerFromEnv = (overrides?: Parameters<typeof CrmConfig.layerFromEnv>[0]) =>
  CrmTransport.layer.pipe(Layer.provide([CrmConfig.layerFromEnv(overrides), NodeHttpClient.layerUndici]))
