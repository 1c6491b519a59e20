/**
 * The companies domain: companies (settings, key exchange, impersonation, storage) and their API keys
 * (`companies.keys`).
 *
 * @since 0.1.0
 */
import { CompaniesApi, CompaniesService, CompanyKeysService } from "@blocks-crm/companies"
import * as CrmDomain from "../CrmDomain.js"

/**
 * @since 0.1.0
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
