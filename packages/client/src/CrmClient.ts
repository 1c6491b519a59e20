/**
 * The Effect face of a composed CRM: one service exposing the services of the domains it is given,
 * `const crm = yield* SalesCrm; yield* crm.leads.list()`.
 *
 * `Service` makes that service a class of your own, over the descriptors you list:
 *
 * ```ts
 * import { CrmClient } from "@blocks-crm/client"
 * import { accounts } from "@blocks-crm/accounts/domain"
 * import { pipeline } from "@blocks-crm/pipeline/domain"
 *
 * class SalesCrm extends CrmClient.Service<SalesCrm>()("acme/SalesCrm", { domains: [pipeline, accounts] }) {}
 * ```
 *
 * `compose` builds the same client as an `Effect`, for a service defined another way.
 *
 * @since 0.1.0
 */
import type * as CrmConfig from "@blocks-crm/core-http/CrmConfig"
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import type { ConfigurationError } from "@blocks-crm/core-http/CrmError"
import type * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as DefaultTransport from "@blocks-crm/core-http/DefaultTransport"
import * as RecordCache from "@blocks-crm/core-http/RecordCache"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"

/**
 * Builds the client of a list of domains over the shared transport: each service is built once from
 * its `Default` layer and placed where the descriptors say (`leads`, `leads.follows`). Two domains
 * claiming the same name is a programming error: the effect dies, naming both domains and the name.
 *
 * @example
 * ```ts
 * import { CrmClient } from "@blocks-crm/client"
 * import { pipeline } from "@blocks-crm/pipeline/domain"
 * import { Effect } from "effect"
 *
 * class SalesCrm extends Effect.Service<SalesCrm>()("acme/SalesCrm", {
 *   scoped: CrmClient.compose([pipeline])
 * }) {}
 * ```
 *
 * @since 0.1.0
 * @category constructors
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
 * How a composed client is made, as `Effect.Service` reads it: scoped, over the transport.
 *
 * @since 0.1.0
 */
export interface Make<Domains extends ReadonlyArray<CrmDomain.Any>> {
  /** The client, built by `compose`. */
  readonly scoped: Effect.Effect<CrmDomain.ClientOfAll<Domains>, never, CrmTransport.CrmTransport | Scope.Scope>
}

/**
 * The settings `layerFromEnv` takes in code; the URL and the credentials come from the environment.
 *
 * @since 0.1.0
 */
export type EnvOverrides = Partial<Omit<CrmConfig.CrmOptions, "apiUrl" | "authToken" | "apiKey">>

/**
 * What a client adds over its transport's settings: `cache` keeps the records `get` reads for a TTL
 * and shares one request between concurrent `get`s of a record (`RecordCache`; off when left out).
 *
 * @since 0.3.0
 */
export interface ClientOptions {
  readonly cache?: RecordCache.RecordCacheOptions | undefined
}

/**
 * The transport, with the record cache beside it when `options` asks for one (the services built over
 * it find the cache in their context; `RecordCache` is optional to them, so the type shows only the transport).
 *
 * @since 0.3.0
 */
export const withClientOptions = <E, R>(
  transport: Layer.Layer<CrmTransport.CrmTransport, E, R>,
  options: ClientOptions | undefined
): Layer.Layer<CrmTransport.CrmTransport, E | ConfigurationError, R> =>
  options?.cache === undefined ? transport : Layer.merge(transport, RecordCache.layer(options.cache))

/**
 * A class made by `Service`: an `Effect.Service` whose instance is the composed client, with the
 * layers that supply its transport.
 *
 * @since 0.1.0
 */
export type ServiceClass<Self, Key extends string, Domains extends ReadonlyArray<CrmDomain.Any>> =
  & Effect.Service.Class<Self, Key, Make<Domains>>
  & {
    /** The descriptors the client composes, in order (the `crm` CLI reflects its commands from them). */
    readonly domains: Domains
    /**
     * The client with settings given in code, over the runtime's transport (undici on Node.js, fetch
     * elsewhere); `client.cache` caches `get`s.
     */
    readonly layer: (options: CrmConfig.CrmOptions, client?: ClientOptions) => Layer.Layer<Self, ConfigurationError>
    /**
     * The client with settings from `BLOCKS_API_URL`, `BLOCKS_AUTH_TOKEN` and `BLOCKS_API_KEY`, over
     * the runtime's transport (undici on Node.js, fetch elsewhere).
     * A missing variable fails with a `ConfigurationError` naming every one that is missing.
     */
    readonly layerFromEnv: (overrides?: EnvOverrides, client?: ClientOptions) => Layer.Layer<Self, ConfigurationError>
    /** The client over a transport you build (undici's `NodeTransport`, another HttpClient, a test server). */
    readonly layerWithTransport: <E, R>(
      transport: Layer.Layer<CrmTransport.CrmTransport, E, R>
    ) => Layer.Layer<Self, E, R>
  }

/**
 * What `Service` says when it is called without the class it defines.
 *
 * @since 0.1.0
 */
export type MissingSelfGeneric = "Missing `Self` generic - use `class Self extends CrmClient.Service<Self>()(...)`"

/**
 * Defines a client of your own over a list of domains, as an `Effect.Service` class: its instance is
 * the composed client, `Default` needs a `CrmTransport`, and `layer`, `layerFromEnv` and
 * `layerWithTransport` supply one. Two domains claiming the same client name make the layer die when
 * it is built, naming both.
 *
 * @example
 * ```ts
 * import { CrmClient } from "@blocks-crm/client"
 * import { accounts } from "@blocks-crm/accounts/domain"
 * import { pipeline } from "@blocks-crm/pipeline/domain"
 * import { Effect } from "effect"
 *
 * class SalesCrm extends CrmClient.Service<SalesCrm>()("acme/SalesCrm", { domains: [pipeline, accounts] }) {}
 *
 * const program = Effect.gen(function*() {
 *   const crm = yield* SalesCrm
 *   const account = yield* crm.accounts.create({ name: "Acme Corp" })
 *   return yield* crm.leads.createForAccount(account.uniqueId, { name: "Acme renewal" })
 * })
 *
 * program.pipe(Effect.provide(SalesCrm.layerFromEnv()), Effect.runPromise)
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const Service = <Self = never>(): [Self] extends [never] ? MissingSelfGeneric
  : <const Key extends string, const Domains extends ReadonlyArray<CrmDomain.Any>>(
    key: Key,
    options: { readonly domains: Domains }
  ) => ServiceClass<Self, Key, Domains> =>
  ((key: string, options: { readonly domains: ReadonlyArray<CrmDomain.Any> }) => {
    // `Self` is the class being defined; Effect.Service's own check for it cannot see through a type parameter.
    const Base: any = (Effect.Service<any>() as any)(key, { scoped: compose(options.domains) })
    return class extends Base {
      static readonly domains = options.domains
      // `this` is the class being defined (its `Default` builds instances of it), not `Base`.
      static layer(settings: CrmConfig.CrmOptions, client?: ClientOptions) {
        return Layer.provide(this.Default, withClientOptions(DefaultTransport.layer(settings), client))
      }
      static layerFromEnv(overrides?: EnvOverrides, client?: ClientOptions) {
        return Layer.provide(this.Default, withClientOptions(DefaultTransport.layerFromEnv(overrides), client))
      }
      static layerWithTransport<E, R>(transport: Layer.Layer<CrmTransport.CrmTransport, E, R>) {
        return Layer.provide(this.Default, transport)
      }
    }
  }) as any
