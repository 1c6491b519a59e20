/**
 * The companies domain: companies.
 *
 * @since 0.1.0
 */
import { CompaniesApi, CompaniesService } from "@blocks-crm/companies"
import * as CrmDomain from "../CrmDomain.js"

/**
 * @since 0.1.0
 */
export const companies = CrmDomain.make({
  name: "companies",
  api: CompaniesApi,
  services: {
    companies: CompaniesService
  }
})
