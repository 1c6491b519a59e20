/**
 * Opt-in caching of the records `get` reads. With a `RecordCache` in the layer a service is built
 * from, every derived `get` endpoint goes through Effect's `Request`/`RequestResolver` on the cache's
 * own request cache: concurrent `get`s of one record are one HTTP request (deduplication), and a
 * record read is kept for `ttl`, up to `capacity` records. Any write the same client sends to a
 * resource (update, delete, recover, a nested write such as a lead's follow) drops that resource's
 * entries. Entries are keyed by the credentials a transport sends, so two tenants never share one.
 * Without a `RecordCache` (the default) nothing is cached or deduplicated.
 *
 * @since 0.3.0
 */
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Equal from "effect/Equal"
import * as Exit from "effect/Exit"
import * as Hash from "effect/Hash"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Request from "effect/Request"
import * as RequestResolver from "effect/RequestResolver"
import type { CrmSettings } from "./CrmConfig.js"
import { type ApiError, ConfigurationError, type InvalidInput } from "./CrmError.js"

/**
 * How long a record read by `get` is kept, and how many are kept at most. `ttl: 0` keeps nothing
 * after a request answers, but still shares one request between concurrent `get`s of a record.
 *
 * @since 0.3.0
 */
export interface RecordCacheOptions {
  /** How long a record is served from the cache after it was requested (`"30 seconds"`, a number of ms). */
  readonly ttl: Duration.DurationInput
  /** The most records kept; the least recently used goes first. */
  readonly capacity: number
}

/**
 * The endpoint facts the cache reads: its name, HTTP method and path template (`/leads/:uniqueId/`).
 *
 * @since 0.3.0
 */
export interface EndpointFacts {
  readonly name: string
  readonly method: string
  readonly path: string
}

/**
 * A cache of records read by `get`, shared by the services built with it. Provide it with `layer`
 * beside the transport (or pass `cache` to `createCrmClient` / `CrmClient.Service`).
 *
 * @since 0.3.0
 * @category tags
 */
export class RecordCache extends Context.Tag("@blocks-crm/core-http/RecordCache")<RecordCache, {
  readonly ttl: Duration.Duration
  readonly capacity: number
  /**
   * Wraps one derived endpoint: a GET named `get` is answered from the cache, any other method drops
   * the entries of the resource it writes to once it has been sent. Other endpoints are unchanged.
   */
  readonly endpoint: <I, A, E extends ApiError | InvalidInput>(
    settings: CrmSettings,
    endpoint: EndpointFacts,
    call: (input: I, method?: string) => Effect.Effect<A, E>
  ) => (input: I, method?: string) => Effect.Effect<A, E>
  /** Drops every entry. */
  readonly invalidateAll: Effect.Effect<void>
}>() {}

/** `/leads/:uniqueId/` with `{ uniqueId: "l1" }` → `/leads/l1`, without trailing slashes. */
const renderPath = (template: string, input: unknown): string => {
  const params = (typeof input === "object" && input !== null ? (input as { path?: unknown }).path : undefined) ??
    {}
  return template
    .replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String((params as Record<string, unknown>)[name])))
    .replace(/\/+$/, "")
}

/** The collection a path belongs to: its first segment (`/leads/l1/follows` → `leads`). */
const resourceOf = (path: string): string => path.split("/").find((segment) => segment !== "") ?? ""

const problemsOf = (options: RecordCacheOptions): ReadonlyArray<{ name: string; problem: string }> => {
  const problems: Array<{ name: string; problem: string }> = []
  if (typeof options !== "object" || options === null) {
    return [{ name: "cache", problem: "must be an object { ttl, capacity }" }]
  }
  for (const key of Object.keys(options)) {
    if (key !== "ttl" && key !== "capacity") {
      problems.push({ name: `cache.${key}`, problem: "unknown key (known: ttl, capacity)" })
    }
  }
  const ttl = Duration.decodeUnknown(options.ttl)
  if (Option.isNone(ttl) || !Duration.isFinite(ttl.value)) {
    problems.push({ name: "cache.ttl", problem: "must be a finite duration (\"30 seconds\", or milliseconds)" })
  }
  if (!Number.isSafeInteger(options.capacity) || options.capacity < 1) {
    problems.push({ name: "cache.capacity", problem: "must be a whole number of records, at least 1" })
  }
  return problems
}

/**
 * A record cache; fails with `ConfigurationError` when `ttl` or `capacity` is not usable.
 *
 * @since 0.3.0
 * @category constructors
 */
export const make = (options: RecordCacheOptions): Effect.Effect<RecordCache["Type"], ConfigurationError> =>
  Effect.suspend(() => {
    const problems = problemsOf(options)
    if (problems.length > 0) return Effect.fail(new ConfigurationError({ problems }))
    const ttl = Duration.decode(options.ttl)
    // With no TTL an entry lives only while its request is in flight (dropped when it answers).
    const keepsNothing = Duration.toMillis(ttl) <= 0
    return Effect.map(
      Request.makeCache({ capacity: options.capacity, timeToLive: keepsNothing ? Duration.hours(1) : ttl }),
      (requests) => {
        // Each distinct set of credentials gets a number: a key carries it, never the secrets.
        const tenants = new Map<string, number>()
        const tenantOf = (settings: CrmSettings): number => {
          const credentials = `${settings.apiUrl.href}\u0000${Redacted.value(settings.authToken)}\u0000${
            Redacted.value(settings.apiKey)
          }`
          let tenant = tenants.get(credentials)
          if (tenant === undefined) tenants.set(credentials, tenant = tenants.size)
          return tenant
        }

        /** One `get`: equal (and so shared) when tenant, endpoint and rendered path are. */
        class RecordRequest extends Request.Class<unknown, ApiError | InvalidInput, {
          readonly tenant: number
          readonly endpoint: string
          readonly path: string
          readonly run: Effect.Effect<unknown, ApiError | InvalidInput>
        }> {
          [Equal.symbol](that: unknown): boolean {
            return that instanceof RecordRequest && that.tenant === this.tenant && that.endpoint === this.endpoint &&
              that.path === this.path
          }
          [Hash.symbol](): number {
            return Hash.cached(this, Hash.string(`${this.tenant} ${this.endpoint} ${this.path}`))
          }
        }
        // No batch endpoint in the API: requests of one batch run side by side, each on its own.
        const resolver = RequestResolver.fromEffect((request: RecordRequest) => request.run)

        const invalidateResource = (tenant: number, resource: string) =>
          Effect.flatMap(requests.keys, (keys) =>
            Effect.forEach(
              keys.filter((key): key is RecordRequest =>
                key instanceof RecordRequest && key.tenant === tenant && resourceOf(key.path) === resource
              ),
              (key) => requests.invalidate(key),
              { discard: true }
            ))

        const endpoint = <I, A, E extends ApiError | InvalidInput>(
          settings: CrmSettings,
          facts: EndpointFacts,
          call: (input: I, method?: string) => Effect.Effect<A, E>
        ): (input: I, method?: string) => Effect.Effect<A, E> => {
          const tenant = tenantOf(settings)
          const name = facts.name
          if (facts.method === "GET" && name === "get") {
            return (input, method) => {
              const request = new RecordRequest({
                tenant,
                endpoint: facts.path,
                path: renderPath(facts.path, input),
                run: call(input, method)
              })
              return (Effect.request(request, resolver) as Effect.Effect<A, E>).pipe(
                Effect.withRequestCaching(true),
                Effect.withRequestCache(requests),
                // A failure is not kept (the next `get` asks again), nor anything when there is no TTL.
                Effect.onExit((exit) =>
                  keepsNothing || Exit.isFailure(exit) ? requests.invalidate(request) : Effect.void
                )
              )
            }
          }
          if (facts.method === "GET" || facts.method === "HEAD" || facts.method === "OPTIONS") return call
          // Dropped whatever the answer: a write that failed may still have been applied.
          return (input, method) =>
            Effect.ensuring(call(input, method), invalidateResource(tenant, resourceOf(renderPath(facts.path, input))))
        }

        return { ttl, capacity: options.capacity, endpoint, invalidateAll: requests.invalidateAll }
      }
    )
  })

/**
 * The record cache as a layer: provide it with the transport to the services that should use it.
 *
 * @example
 * ```ts
 * import { CrmTransport, RecordCache } from "@blocks-crm/core-http"
 * import { LeadsService } from "@blocks-crm/pipeline"
 * import { Layer } from "effect"
 *
 * const leads = LeadsService.Default.pipe(
 *   Layer.provide([CrmTransport.layerFetchFromEnv(), RecordCache.layer({ ttl: "30 seconds", capacity: 1000 })])
 * )
 * ```
 *
 * @since 0.3.0
 * @category layers
 */
export const layer = (options: RecordCacheOptions): Layer.Layer<RecordCache, ConfigurationError> =>
  Layer.effect(RecordCache, make(options))

/**
 * Wraps a derived endpoint with the cache in context, if any (`ApiClient.group` calls it for each).
 *
 * @since 0.3.0
 */
export const wrapEndpoint = <I, A, E extends ApiError | InvalidInput>(
  cache: Option.Option<RecordCache["Type"]>,
  settings: CrmSettings,
  endpoint: EndpointFacts,
  call: (input: I, method?: string) => Effect.Effect<A, E>
): (input: I, method?: string) => Effect.Effect<A, E> =>
  Option.isNone(cache) ? call : cache.value.endpoint(settings, endpoint, call)
