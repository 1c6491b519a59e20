/**
 * The Promise face of the CRM, for code that does not use Effect:
 *
 *   const client = createCrmClient({ apiUrl, authToken, apiKey })
 *   const page = await client.crm.leads.list({ page: 1 }, { timeout: 5_000 })
 *   await client.close()
 *
 * Every method takes the Effect method's arguments plus an optional trailing `RequestOptions`
 * (`signal`, `timeout`, `deadline`, `idempotencyKey`, `requestId`, `headers`). A failure rejects with
 * the SDK's tagged error itself (`error._tag === "NotFound"`).
 *
 * @since 0.1.0
 */
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import type * as CrmConfig from "@blocks-crm/core-http/CrmConfig"
import * as PromiseFace from "@blocks-crm/core-http/PromiseFace"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { compose } from "./CrmClient.js"
import type * as CrmDomain from "./CrmDomain.js"
import { domains as defaultDomains } from "./domains/index.js"

/**
 * The settings of `CrmConfig` (only `apiUrl`, `authToken` and `apiKey` are required) and, optionally,
 * the domains to compose (the reference's by default).
 *
 * @since 0.1.0
 */
export interface CreateCrmClientOptions<Domains extends ReadonlyArray<CrmDomain.Any>> extends CrmConfig.CrmOptions {
  readonly domains?: Domains | undefined
}

/**
 * @since 0.1.0
 */
export interface CrmPromiseClient<Domains extends ReadonlyArray<CrmDomain.Any>> {
  /** Every composed service: `crm.leads`, `crm.leads.follows`, `crm.opportunities`, ... */
  readonly crm: PromiseFace.Promisified<CrmDomain.ClientOfAll<Domains>>
  /** Releases the client's resources; calls made afterwards fail. */
  readonly close: () => Promise<void>
}

const ComposedClient = Context.GenericTag<"ComposedClient", object>(
  "@blocks-crm/reference/PromiseClient/ComposedClient"
)

/**
 * Creates the Promise face. Invalid settings throw the `ConfigurationError` at once, listing every
 * problem.
 *
 * @example
 * import { createCrmClient } from "@blocks-crm/reference"
 *
 * const client = createCrmClient({
 *   apiUrl: process.env.BLOCKS_API_URL!,
 *   authToken: process.env.BLOCKS_AUTH_TOKEN!,
 *   apiKey: process.env.BLOCKS_API_KEY!
 * })
 * const { data } = await client.crm.opportunities.list({ records: 50 })
 * await client.close()
 *
 * @since 0.1.0
 */
export const createCrmClient = <const Domains extends ReadonlyArray<CrmDomain.Any> = typeof defaultDomains>(
  options: CreateCrmClientOptions<Domains>
): CrmPromiseClient<Domains> => {
  const { domains, ...settings } = options
  const client = Effect.map(compose(domains ?? defaultDomains), (client) => client as object)
  const layer = Layer.scoped(ComposedClient, client).pipe(
    Layer.provide(CrmTransport.layerFetch(settings))
  )
  const runtime = ManagedRuntime.make(layer)
  // Settings are validated and the services built synchronously, so a bad setting throws here.
  const built = runtime.runSyncExit(ComposedClient)
  if (Exit.isFailure(built)) void runtime.dispose()
  return {
    crm: PromiseFace.promisify(PromiseFace.settle(built), runtime) as PromiseFace.Promisified<
      CrmDomain.ClientOfAll<Domains>
    >,
    close: () => runtime.dispose()
  }
}
