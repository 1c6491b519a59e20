/**
 * One client of the 23blocks CRM Block over the domain packages you install: `CrmClient` for Effect
 * (`CrmClient.Service` makes a service of your domains, `CrmClient.compose` builds a client of them)
 * and `createCrmClient` for Promises. It depends on no domain package: you list the descriptors
 * (`import { pipeline } from "@blocks-crm/pipeline/domain"`) and get exactly those.
 *
 * @since 0.1.0
 */
export * as CrmClient from "./CrmClient.js"
export * as CrmDomain from "./CrmDomain.js"
export { createCrmClient } from "./PromiseClient.js"
export type { CreateCrmClientOptions, CrmPromiseClient } from "./PromiseClient.js"
