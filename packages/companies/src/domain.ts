/**
 * The companies domain: companies (settings, key exchange, impersonation, storage) and their API keys
 * (`companies.keys`).
 *
 * The descriptor `companies` is what `@blocks-crm/client` composes, as in
 * `createCrmClient({ ..., domains: [companies] })`: it names each service as it appears on the client.
 * Importing it brings this domain's services and contract, nothing of another domain.
 *
 * @since 0.1.0
 */
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import { CompaniesApi } from "./contract/CompaniesApi.js"
import { CompaniesService } from "./services/CompaniesService.js"
import { CompanyKeysService } from "./services/CompanyKeysService.js"

/**
 * The companies domain's descriptor: its contract and its services by the name they take on the client.
 *
 * @example
 * import { createCrmClient } from "@blocks-crm/client"
 * import { companies } from "@blocks-crm/companies/domain"
 *
 * const client = createCrmClient({ apiUrl, authToken, apiKey, domains: [companies] })
 *
 * @since 0.1.0
 * @category descriptors
 */
export const companies = CrmDomain.make({
  name: "companies",
  api: CompaniesApi,
  services: {
    companies: CompaniesService
  },
  nested: {
    companies: { keys: CompanyKeysService }
  }
})
