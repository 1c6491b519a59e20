/**
 * The domains an app's CRM client has, declared once for the whole app so that `useCrmBlock`,
 * `crmQueries` and `crmMutations` know every service and method:
 *
 * ```ts
 * // crm.ts
 * export const domains = [pipeline, scheduling] as const
 * declare module "@blocks-crm/react" {
 *   interface Register {
 *     domains: typeof domains
 *   }
 * }
 * ```
 *
 * TanStack Router registers its router the same way. Until an app registers its domains, the client
 * has no services and `crmQueries.leads` is a type error.
 *
 * @since 0.1.0
 */
import type { CrmPromiseClient } from "@blocks-crm/client"
import type * as CrmDomain from "@blocks-crm/core-http/CrmDomain"

/**
 * What an app declares about its CRM client: `domains`, the type of the descriptors it composes.
 * Augment it with `declare module "@blocks-crm/react"` (see the module's example).
 *
 * @since 0.1.0
 */
export interface Register {}

/**
 * The domains registered in `Register`, or none.
 *
 * @since 0.1.0
 */
export type RegisteredDomains = Register extends { readonly domains: infer D extends ReadonlyArray<CrmDomain.Any> } ? D
  : readonly []

/**
 * The Promise client of the registered domains: what `useCrmBlock()` returns as `client`.
 *
 * @since 0.1.0
 */
export type RegisteredClient = CrmPromiseClient<RegisteredDomains>

/**
 * The Effect face of the registered domains' services (`crm.leads.list()` returns an `Effect`),
 * which `crmQueries` and `crmMutations` are typed from.
 *
 * @since 0.1.0
 */
export type RegisteredServices = CrmDomain.ClientOfAll<RegisteredDomains>
