/**
 * The reference CRM client: every domain in one client (Effect and Promise faces), the `crm` CLI and
 * the demo.
 *
 * @since 0.1.0
 */
export * as CrmDomain from "./CrmDomain.js"
export { CrmClient } from "./CrmClient.js"
export { createCrmClient } from "./PromiseClient.js"
export type { CreateCrmClientOptions, CrmPromiseClient } from "./PromiseClient.js"
export { domains, pipeline } from "./domains/index.js"
export * as Demo from "./Demo.js"
