/**
 * The companies domain of the 23blocks CRM Block: companies and their settings, API keys, key
 * exchange, impersonation and storage.
 *
 * @since 0.1.0
 */
export * from "./models/Company.js"
export * from "./models/ApiKey.js"
export * from "./contract/CompaniesGroup.js"
export * from "./contract/CompanyKeysGroup.js"
export * from "./contract/CompaniesApi.js"
export * from "./services/CompaniesService.js"
export * from "./services/CompanyKeysService.js"
export * from "./services/CompaniesServices.js"
export * from "./domain.js"
