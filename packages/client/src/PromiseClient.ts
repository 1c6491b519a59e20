/**
 * The Promise face of a composed CRM, for code that does not use Effect:
 *
 * ```ts
 * const client = createCrmClient({ apiUrl, authToken, apiKey, domains: [pipeline, accounts] })
 * const page = await client.crm.leads.list({ page: 1 }, { timeout: 5_000 })
 * await client.close()
 * ```
 *
 * Every method takes the Effect method's arguments plus an optional trailing `RequestOptions`
 * (`signal`, `timeout`, `deadline`, `idempotencyKey`, `requestId`, `headers`). A failure rejects with
 * the SDK's tagged error itself (`error._tag === "NotFound"`). `client.run(program)` runs an Effect
 * program over the same services (`(crm) => crm.leads.list()`), for code that mixes both faces.
 *
 * @since 0.1.0
 */
import * as CrmConfig from "@blocks-crm/core-http/CrmConfig"
import type * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import { Aborted, ConfigurationError } from "@blocks-crm/core-http/CrmError"
import * as DefaultTransport from "@blocks-crm/core-http/DefaultTransport"
import * as PromiseFace from "@blocks-crm/core-http/PromiseFace"
import type * as RecordCache from "@blocks-crm/core-http/RecordCache"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { compose, withClientOptions } from "./CrmClient.js"

/**
 * The settings of `CrmConfig` (only `apiUrl`, `authToken` and `apiKey` are required), the domains
 * to compose, and optionally the transport.
 *
 * @since 0.1.0
 */
export interface CreateCrmClientOptions<Domains extends ReadonlyArray<CrmDomain.Any>> extends CrmConfig.CrmOptions {
  /** The descriptors of the domains the client has (`[pipeline, accounts]`), in order. */
  readonly domains: Domains
  /**
   * The transport, when not the runtime's own pick (undici on Node.js, `fetch` elsewhere): `"fetch"`
   * runs everywhere, `"undici"` on Node.js only. See `@blocks-crm/core-http/DefaultTransport`.
   */
  readonly transport?: DefaultTransport.Name | undefined
  /**
   * Keeps the records `get` reads for `ttl` (up to `capacity`), per tenant, and shares one request
   * between concurrent `get`s of a record; a write through this client drops its resource's entries.
   * Off when left out.
   */
  readonly cache?: RecordCache.RecordCacheOptions | undefined
}

/**
 * A composed client's Promise face: its services under `crm`, and `close`.
 *
 * @since 0.1.0
 */
export interface CrmPromiseClient<Domains extends ReadonlyArray<CrmDomain.Any>> {
  /** Every composed service: `crm.leads`, `crm.leads.follows`, `crm.opportunities`, ... */
  readonly crm: PromiseFace.Promisified<CrmDomain.ClientOfAll<Domains>>
  /**
   * Runs an Effect program over the client's services on the client's own runtime (its transport,
   * cache and settings): `program` receives the services' Effect face, as `yield* CrmClient` gives it
   * (`crm.leads.list()` is an `Effect`). `signal` interrupts the program, which then rejects with
   * `Aborted`; a failure rejects with the program's error itself, as the methods do.
   */
  readonly run: <A, E>(
    program: (crm: CrmDomain.ClientOfAll<Domains>) => Effect.Effect<A, E>,
    options?: { readonly signal?: AbortSignal | undefined }
  ) => Promise<A>
  /** Releases the client's resources; calls made afterwards fail. */
  readonly close: () => Promise<void>
}

/** What is wrong with `domains` as a JavaScript caller may pass it (the types rule these out). */
const domainsProblem = (domains: unknown): string | undefined => {
  const hint = `a list of domain descriptors, such as [pipeline, accounts] from "@blocks-crm/pipeline/domain"`
  if (!Array.isArray(domains)) return `must be ${hint}, got ${domains === null ? "null" : typeof domains}`
  const index = domains.findIndex((domain: unknown) =>
    typeof domain !== "object" || domain === null || typeof (domain as CrmDomain.Any).name !== "string" ||
    typeof (domain as CrmDomain.Any).services !== "object"
  )
  return index === -1 ? undefined : `must be ${hint}: item ${index} is not one (make yours with CrmDomain.make)`
}

const ComposedClient = Context.GenericTag<"ComposedClient", object>(
  "@blocks-crm/client/PromiseClient/ComposedClient"
)

/**
 * Creates the Promise face of the domains given, over the runtime's own transport: undici on Node.js
 * (chosen by the `node` export condition), `fetch` in browsers and other runtimes (a browser bundle
 * carries no undici); `transport: "fetch"` names one instead. Invalid settings throw the
 * `ConfigurationError` at once, listing every problem (so does a missing `domains` or an unknown
 * transport, from JavaScript); two domains claiming the same client name throw too, naming both.
 *
 * @example
 * ```ts
 * import { createCrmClient } from "@blocks-crm/client"
 * import { accounts } from "@blocks-crm/accounts/domain"
 * import { pipeline } from "@blocks-crm/pipeline/domain"
 *
 * const client = createCrmClient({
 *   apiUrl: process.env.BLOCKS_API_URL!,
 *   authToken: process.env.BLOCKS_AUTH_TOKEN!,
 *   apiKey: process.env.BLOCKS_API_KEY!,
 *   domains: [pipeline, accounts]
 * })
 * const { data } = await client.crm.leads.list({ records: 50 })
 * await client.close()
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const createCrmClient = <const Domains extends ReadonlyArray<CrmDomain.Any>>(
  options: CreateCrmClientOptions<Domains>
): CrmPromiseClient<Domains> => {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    const got = options === null ? "null" : Array.isArray(options) ? "an array" : typeof options
    throw new ConfigurationError({
      problems: [{ name: "options", problem: `must be an object of settings and domains, got ${got}` }]
    })
  }
  const { cache, domains, transport, ...settings } = options
  // Every problem at once: the settings' (checked again, cheaply, when the transport is built), the
  // transport's and the domains'.
  const problems = [
    ...(transport === undefined ?
      [] :
      [DefaultTransport.problem(transport)].flatMap((problem) =>
        problem === undefined ? [] : [{ name: "transport", problem }]
      )),
    ...[domainsProblem(domains)].flatMap((problem) => problem === undefined ? [] : [{ name: "domains", problem }])
  ]
  if (problems.length > 0) {
    const checked = Effect.runSync(Effect.either(CrmConfig.make(settings)))
    const settingsProblems = Either.isLeft(checked) ? checked.left.problems : []
    throw new ConfigurationError({ problems: [...settingsProblems, ...problems] })
  }
  const client = Effect.map(compose(domains), (client) => client as object)
  // The runtime's own transport (undici on Node.js, fetch elsewhere) unless one is named.
  const layer = Layer.scoped(ComposedClient, client).pipe(
    Layer.provide(withClientOptions(DefaultTransport.layer(settings, transport), { cache }))
  )
  const runtime = ManagedRuntime.make(layer)
  // Settings are validated and the services built synchronously, so a bad setting throws here.
  const built = runtime.runSyncExit(ComposedClient)
  if (Exit.isFailure(built)) void runtime.dispose()
  return {
    crm: PromiseFace.promisify(PromiseFace.settle(built), runtime) as PromiseFace.Promisified<
      CrmDomain.ClientOfAll<Domains>
    >,
    run: (program, options) => {
      const signal = options?.signal
      if (signal?.aborted === true) return Promise.reject(new Aborted({}))
      const effect = Effect.flatMap(ComposedClient, (crm) => program(crm as CrmDomain.ClientOfAll<Domains>))
      return runtime.runPromiseExit(effect, signal === undefined ? undefined : { signal }).then((exit) =>
        PromiseFace.settle(exit, signal)
      )
    },
    close: () => runtime.dispose()
  }
}
