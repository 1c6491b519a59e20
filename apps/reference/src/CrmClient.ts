/**
 * The Effect face of the CRM: one service exposing every composed domain's services,
 * `const crm = yield* CrmClient; yield* crm.leads.list()`.
 *
 * @since 0.1.0
 */
import type { ConfigurationError } from "@blocks-crm/core-http/CrmError"
import type * as CrmConfig from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as CrmDomain from "./CrmDomain.js"
import { domains } from "./domains/index.js"

/**
 * Builds the client of a list of domains over the shared transport: each service is built once from
 * its `Default` layer and placed where the descriptors say (`leads`, `leads.follows`). Two domains
 * claiming the same name is a programming error, reported when the client is built.
 *
 * A team that wants its own set of domains composes them with the same call:
 *
 * @example
 * import { Effect } from "effect"
 * import { CrmClient, pipeline } from "@blocks-crm/reference"
 *
 * class SalesCrm extends Effect.Service<SalesCrm>()("acme/SalesCrm", {
 *   scoped: CrmClient.compose([pipeline])
 * }) {}
 *
 * @since 0.1.0
 */
export const compose = <const Domains extends ReadonlyArray<CrmDomain.Any>>(
  domains: Domains
): Effect.Effect<CrmDomain.ClientOfAll<Domains>, never, CrmTransport.CrmTransport | Scope.Scope> =>
  Effect.gen(function*() {
    const entries = domains.flatMap((domain) =>
      CrmDomain.entries(domain).map((entry) => ({ ...entry, domain: domain.name }))
    )
    const owners = new Map<string, string>()
    for (const { domain, path } of entries) {
      const name = path.join(".")
      const owner = owners.get(name)
      if (owner !== undefined) {
        return yield* Effect.dieMessage(`CrmClient.compose: domains "${owner}" and "${domain}" both define "${name}"`)
      }
      owners.set(name, domain)
    }
    const [first, ...rest] = entries.map((entry) => entry.tag.Default)
    const context = first === undefined ? Context.empty() : yield* Layer.build(Layer.mergeAll(first, ...rest))
    const client: Record<string, Record<string, unknown>> = {}
    // Top-level services come before their nested ones in `entries`, so a parent exists when its child is placed.
    for (const { path, tag } of entries) {
      const service = { ...(Context.unsafeGet(context as Context.Context<unknown>, tag) as object) }
      const [name, child] = path
      if (child === undefined) client[name] = { ...service, ...client[name] }
      else client[name] = { ...client[name], [child]: service }
    }
    return client as CrmDomain.ClientOfAll<Domains>
  })

/**
 * The client of the reference's domains (see `domains/index.ts`). Its `Default` layer needs a
 * `CrmTransport`; `layer`, `layerFromEnv` and `layerWithTransport` supply one.
 *
 * @example
 * import { Effect } from "effect"
 * import { CrmClient } from "@blocks-crm/reference"
 *
 * const program = Effect.gen(function*() {
 *   const crm = yield* CrmClient
 *   const page = yield* crm.leads.list({ records: 20 })
 *   return page.meta.totalRecords
 * })
 *
 * program.pipe(Effect.provide(CrmClient.layerFromEnv()))
 *
 * @since 0.1.0
 * @category services
 */
export class CrmClient extends Effect.Service<CrmClient>()("@blocks-crm/reference/CrmClient", {
  scoped: compose(domains)
}) {
  /**
   * The client of any list of domains (see `compose`).
   *
   * @since 0.1.0
   */
  static readonly compose = compose

  /**
   * The client with settings given in code, over fetch.
   *
   * @since 0.1.0
   * @category layers
   */
  static layer(options: CrmConfig.CrmOptions): Layer.Layer<CrmClient, ConfigurationError> {
    return CrmClient.Default.pipe(Layer.provide(CrmTransport.layerFetch(options)))
  }

  /**
   * The client with settings from `BLOCKS_API_URL`, `BLOCKS_AUTH_TOKEN` and `BLOCKS_API_KEY`, over
   * fetch. A missing variable fails with a `ConfigurationError` naming every one that is missing.
   *
   * @since 0.1.0
   * @category layers
   */
  static layerFromEnv(
    overrides?: Partial<Omit<CrmConfig.CrmOptions, "apiUrl" | "authToken" | "apiKey">>
  ): Layer.Layer<CrmClient, ConfigurationError> {
    return CrmClient.Default.pipe(Layer.provide(CrmTransport.layerFetchFromEnv(overrides)))
  }

  /**
   * The client over a transport you build (another HttpClient, an emulator in a test).
   *
   * @since 0.1.0
   * @category layers
   */
  static layerWithTransport<E, R>(
    transport: Layer.Layer<CrmTransport.CrmTransport, E, R>
  ): Layer.Layer<CrmClient, E, R> {
    return CrmClient.Default.pipe(Layer.provide(transport))
  }
}
