/**
 * `DefaultTransport` as Node loads it (the package's `node` export condition): undici first, fetch
 * when named. Same names and types as `../DefaultTransport.ts`.
 *
 * @internal
 */
import * as Layer from "effect/Layer"
import type * as CrmConfig from "../CrmConfig.js"
import { ConfigurationError } from "../CrmError.js"
import * as CrmTransport from "../CrmTransport.js"
import type * as Default from "../DefaultTransport.js"
import * as NodeTransport from "../NodeTransport.js"

/** @internal */
export type Name = Default.Name

/** @internal */
export const picked: typeof Default.picked = "undici"

/** @internal */
export const available: typeof Default.available = ["undici", "fetch"]

/** @internal */
export const problem: typeof Default.problem = (name) =>
  name === "undici" || name === "fetch"
    ? undefined
    : `must be "undici" or "fetch", got ${typeof name === "string" ? JSON.stringify(name) : typeof name}`

const byName = <A>(name: Name, undici: () => A, fetch: () => A, invalid: () => A): A =>
  name === "undici" ? undici() : name === "fetch" ? fetch() : invalid()

const invalid = (name: unknown) => () =>
  Layer.fail(new ConfigurationError({ problems: [{ name: "transport", problem: problem(name)! }] }))

/** @internal */
export const layer: typeof Default.layer = (options: CrmConfig.CrmOptions, name = picked) =>
  byName(name, () => NodeTransport.layer(options), () => CrmTransport.layerFetch(options), invalid(name))

/** @internal */
export const layerFromEnv: typeof Default.layerFromEnv = (overrides, name = picked) =>
  byName(
    name,
    () => NodeTransport.layerFromEnv(overrides),
    () => CrmTransport.layerFetchFromEnv(overrides),
    invalid(name)
  )
