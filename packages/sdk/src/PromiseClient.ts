/**
 * The umbrella's Promise face: `createCrmClient` over every domain unless told otherwise,
 * `await client.crm.opportunities.list()`.
 *
 * @since 0.1.0
 */
import type * as CrmDomain from "@blocks-crm/client/CrmDomain"
import * as Client from "@blocks-crm/client/PromiseClient"
import type * as CrmConfig from "@blocks-crm/core-http/CrmConfig"
import type * as DefaultTransport from "@blocks-crm/core-http/DefaultTransport"
import type * as RecordCache from "@blocks-crm/core-http/RecordCache"
import { domains as allDomains } from "./CrmClient.js"

/**
 * The settings of `CrmConfig` (only `apiUrl`, `authToken` and `apiKey` are required) and, optionally,
 * the domains to compose (every domain by default) and the transport.
 *
 * @since 0.1.0
 */
export interface CreateCrmClientOptions<Domains extends ReadonlyArray<CrmDomain.Any>> extends CrmConfig.CrmOptions {
  /** The descriptors of the domains the client has; every domain when left out. */
  readonly domains?: Domains | undefined
  /**
   * The transport, when not the runtime's own pick (undici on Node.js, `fetch` elsewhere): `"fetch"`
   * runs everywhere, `"undici"` on Node.js only.
   */
  readonly transport?: DefaultTransport.Name | undefined
  /** Caches the records `get` reads (see `@blocks-crm/client`'s `createCrmClient`); off when left out. */
  readonly cache?: RecordCache.RecordCacheOptions | undefined
}

/**
 * A client's Promise face: every composed service under `crm` (`crm.leads`, `crm.calendarSync`, ...),
 * and `close`.
 *
 * @since 0.1.0
 */
export type CrmPromiseClient<Domains extends ReadonlyArray<CrmDomain.Any> = typeof allDomains> =
  Client.CrmPromiseClient<Domains>

/**
 * Creates the Promise face of every domain (or of the `domains` given), over undici on Node.js and
 * `fetch` in browsers and other runtimes (`transport: "fetch"` names one instead). Each method takes an optional
 * trailing `{ signal, timeout, idempotencyKey, ... }`; a failure rejects with the SDK's tagged error
 * itself. Invalid settings throw the `ConfigurationError` at once, listing every problem.
 *
 * @example
 * ```ts
 * import { createCrmClient } from "@blocks-crm/sdk"
 *
 * const client = createCrmClient({
 *   apiUrl: process.env.BLOCKS_API_URL!,
 *   authToken: process.env.BLOCKS_AUTH_TOKEN!,
 *   apiKey: process.env.BLOCKS_API_KEY!
 * })
 * const { data } = await client.crm.opportunities.list()
 * await client.crm.calendarSync.syncTenant()
 * await client.close()
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const createCrmClient = <const Domains extends ReadonlyArray<CrmDomain.Any> = typeof allDomains>(
  options: CreateCrmClientOptions<Domains>
): CrmPromiseClient<Domains> => {
  // Options that are not an object (from JavaScript) are the client's to report.
  if (typeof options !== "object" || options === null) return Client.createCrmClient(options)
  const { domains, ...settings } = options
  // Only a `domains` left out means every domain; anything else given is the client's to check.
  return Client.createCrmClient({
    ...settings,
    domains: domains === undefined ? allDomains as unknown as Domains : domains
  })
}

/**
 * `createCrmClient` under the official SDK's name (`create23BlocksClient` from `@23blocks/sdk`), so
 * code moving from it changes only its import.
 *
 * @since 0.1.0
 * @category constructors
 */
export const create23BlocksClient: typeof createCrmClient = createCrmClient
