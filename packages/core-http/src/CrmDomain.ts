/**
 * A domain of the CRM as a client composes it: a name and the services it brings, keyed by the name
 * they take on the client (`leads`, `opportunities`), plus services nested under another one
 * (`leads.follows`). A descriptor knows no endpoint: each service is an `Effect.Service` whose `Default`
 * layer needs only the shared `CrmTransport`.
 *
 * Every domain package exports its descriptor (`import { pipeline } from "@blocks-crm/pipeline/domain"`);
 * `@blocks-crm/client` composes them. The descriptor lives here, beside the transport its services need,
 * because every domain package already depends on core-http and a descriptor is a plain value: a domain's
 * bundle gets `make` (a few lines) and no composition code, and a domain package never depends on the
 * client package.
 *
 * @since 0.1.0
 */
import type { CrmTransport } from "./CrmTransport.js"
import type * as HttpApi from "@effect/platform/HttpApi"
import type * as Context from "effect/Context"
import * as Layer from "effect/Layer"
import type { Simplify, UnionToIntersection } from "effect/Types"

/**
 * A service a domain lists: an `Effect.Service` class (or any tag with a `Default` layer over the
 * transport).
 *
 * @since 0.1.0
 */
export interface ServiceTag<Id = any, Service = any> extends Context.Tag<Id, Service> {
  readonly Default: Layer.Layer<Id, never, CrmTransport>
}

/**
 * Services by the name they take on the client.
 *
 * @since 0.1.0
 */
export type Services = { readonly [name: string]: ServiceTag }

/**
 * Services nested under a top-level one: `{ leads: { follows: LeadFollowsService } }`.
 *
 * @since 0.1.0
 */
export type Nested<S extends Services> = { readonly [K in keyof S]?: Services }

/**
 * A domain's descriptor: its name, its contract and its services by the name they take on the client.
 *
 * @since 0.1.0
 */
export interface CrmDomain<
  Name extends string = string,
  S extends Services = Services,
  N extends Nested<S> = Nested<S>
> {
  /** The domain's name, used in messages (two domains claiming one client name). */
  readonly name: Name
  /** The domain's contract: the CLI and the docs are derived from it. */
  readonly api: HttpApi.HttpApi.Any
  /** The top-level services, by the name they take on the client. */
  readonly services: S
  /** Services nested under a top-level one, by the parent's name and then their own. */
  readonly nested: N
}

/**
 * Any domain, whatever its services.
 *
 * @since 0.1.0
 */
export type Any = CrmDomain<string, any, any>

/**
 * Describes a domain; `nested` is optional. The names are kept as literal types, so a composed client
 * knows every service and method.
 *
 * @example
 * import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
 * import { PipelineApi, LeadFollowsService, LeadsService } from "@blocks-crm/pipeline"
 *
 * const leadsOnly = CrmDomain.make({
 *   name: "leads-only",
 *   api: PipelineApi,
 *   services: { leads: LeadsService },
 *   nested: { leads: { follows: LeadFollowsService } }
 * })
 *
 * @since 0.1.0
 */
export const make = <const Name extends string, const S extends Services, const N extends Nested<S> = {}>(domain: {
  readonly name: Name
  readonly api: HttpApi.HttpApi.Any
  readonly services: S
  readonly nested?: N
}): CrmDomain<Name, S, N> => ({
  name: domain.name,
  api: domain.api,
  services: domain.services,
  nested: domain.nested ?? ({} as N)
})

/**
 * What a service tag provides on a client, without the `_tag` an `Effect.Service` instance carries on
 * its prototype.
 *
 * @since 0.1.0
 */
export type ServiceOf<T> = T extends Context.Tag<infer _Id, infer S> ? Omit<S, "_tag"> : never

/**
 * The services nested under the top-level service `K`, by their names (`{ follows: ... }` under `leads`).
 *
 * @since 0.1.0
 */
export type NestedOf<N, K> = K extends keyof N ?
  N[K] extends Services ? { readonly [J in keyof N[K]]: ServiceOf<N[K][J]> } : {}
  : {}

/**
 * The client face of one domain: `{ leads: LeadsService & { follows: LeadFollowsService }, ... }`.
 *
 * @since 0.1.0
 */
export type ClientOf<D> = D extends CrmDomain<infer _Name, infer S, infer N>
  ? { readonly [K in keyof S]: Simplify<ServiceOf<S[K]> & NestedOf<N, K>> }
  : never

/**
 * The client face of a list of domains: every domain's services side by side.
 *
 * @since 0.1.0
 */
export type ClientOfAll<Domains extends ReadonlyArray<Any>> = Simplify<
  UnionToIntersection<ClientOf<Domains[number]>>
>

/**
 * Every service tag of a domain, top-level and nested, with the path it takes on the client.
 *
 * @since 0.1.0
 */
export const entries = (
  domain: Any
): ReadonlyArray<{ readonly path: readonly [string] | readonly [string, string]; readonly tag: ServiceTag }> => {
  const out: Array<{ path: readonly [string] | readonly [string, string]; tag: ServiceTag }> = []
  for (const [name, tag] of Object.entries(domain.services as Services)) {
    out.push({ path: [name], tag })
    const nested = (domain.nested as Record<string, Services | undefined>)[name]
    for (const [child, childTag] of Object.entries(nested ?? {})) out.push({ path: [name, child], tag: childTag })
  }
  return out
}

/**
 * Every service a domain lists, top-level and nested, as one union (`LeadsService | LeadFollowsService |
 * ...`): what `layer(domain)` provides.
 *
 * @since 0.2.0
 */
export type ServicesOf<D> = D extends CrmDomain<infer _Name, infer S, infer N> ?
    | Context.Tag.Identifier<S[keyof S]>
    | { [K in keyof N]: N[K] extends Services ? Context.Tag.Identifier<N[K][keyof N[K]]> : never }[keyof N]
  : never

/**
 * Every service of a domain, from its `Default` layer, on whatever `CrmTransport` is provided: a
 * domain's `<Domain>ServicesLive` is this over its descriptor, so the list is said once.
 *
 * @example
 * import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
 * import { pipeline } from "@blocks-crm/pipeline/domain"
 *
 * const PipelineServicesLive = CrmDomain.layer(pipeline)
 *
 * @since 0.2.0
 */
export const layer = <D extends Any>(domain: D): Layer.Layer<ServicesOf<D>, never, CrmTransport> => {
  const [first, ...rest] = entries(domain).map((entry) => entry.tag.Default)
  if (first === undefined) return Layer.empty as unknown as Layer.Layer<ServicesOf<D>, never, CrmTransport>
  return Layer.mergeAll(first, ...rest) as Layer.Layer<ServicesOf<D>, never, CrmTransport>
}
