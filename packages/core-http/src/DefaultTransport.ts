/**
 * The transport a runtime gets when nobody names one, as `createCrmClient` picks it: over undici on
 * Node (`NodeTransport`, the faster client there), over `fetch` in browsers, Deno, Bun, workers and
 * every other runtime (`CrmTransport.layerFetch`). The choice is made by the package's export
 * conditions (`node`, or not), not at run time, so a browser bundle carries no undici. A transport can
 * also be named: `"fetch"` runs everywhere, `"undici"` on Node only.
 *
 * Its own entry point only (`@blocks-crm/core-http/DefaultTransport`), not the package root: the root
 * is the same module everywhere. This file is what runtimes other than Node load; Node loads
 * `internal/defaultTransport.node.ts`, which exports the same names.
 *
 * @since 0.4.0
 */
import * as Layer from "effect/Layer"
import type * as CrmConfig from "./CrmConfig.js"
import { ConfigurationError } from "./CrmError.js"
import * as CrmTransport from "./CrmTransport.js"

/**
 * A transport by name: `"undici"` (Node only, `NodeTransport`) or `"fetch"` (`CrmTransport.layerFetch`).
 *
 * @since 0.4.0
 */
export type Name = "undici" | "fetch"

/**
 * The transport this runtime picks when none is named: `"undici"` on Node, `"fetch"` elsewhere.
 *
 * @since 0.4.0
 */
export const picked: Name = "fetch"

/**
 * The transports this runtime can run, the one it picks first.
 *
 * @since 0.4.0
 */
export const available: ReadonlyArray<Name> = ["fetch"]

/**
 * What is wrong with `name` as a transport for this runtime (a JavaScript caller may pass anything),
 * or `undefined` when it is one this runtime runs.
 *
 * @since 0.4.0
 */
export const problem = (name: unknown): string | undefined =>
  name === "fetch"
    ? undefined
    : name === "undici"
    ? `"undici" runs on Node.js only; this runtime has "fetch"`
    : `must be "undici" (Node.js) or "fetch", got ${typeof name === "string" ? JSON.stringify(name) : typeof name}`

const unavailable = (name: unknown) =>
  Layer.fail(new ConfigurationError({ problems: [{ name: "transport", problem: problem(name)! }] }))

/**
 * Transport + settings from code, over the transport named (this runtime's pick by default). A
 * transport this runtime cannot run fails to build with `ConfigurationError`, as invalid settings do.
 *
 * @example
 * ```ts
 * import * as DefaultTransport from "@blocks-crm/core-http/DefaultTransport"
 * import { LeadsService } from "@blocks-crm/pipeline"
 * import { Layer } from "effect"
 *
 * // undici on Node, fetch in a browser.
 * const leads = LeadsService.Default.pipe(
 *   Layer.provide(DefaultTransport.layer({ apiUrl: "https://crm.api.us.23blocks.com", authToken: "…", apiKey: "…" }))
 * )
 * ```
 *
 * @since 0.4.0
 * @category layers
 */
export const layer = (
  options: CrmConfig.CrmOptions,
  name: Name = picked
): Layer.Layer<CrmTransport.CrmTransport, ConfigurationError> =>
  name === "fetch" ? CrmTransport.layerFetch(options) : unavailable(name)

/**
 * Transport + settings from the environment (`BLOCKS_API_URL`, ...), over the transport named (this
 * runtime's pick by default).
 *
 * @since 0.4.0
 * @category layers
 */
export const layerFromEnv = (
  overrides?: Parameters<typeof CrmConfig.layerFromEnv>[0],
  name: Name = picked
): Layer.Layer<CrmTransport.CrmTransport, ConfigurationError> =>
  name === "fetch" ? CrmTransport.layerFetchFromEnv(overrides) : unavailable(name)
