/**
 * The companies domain of the 23blocks CRM Block.
 *
 * @since 0.1.0
 */
export * from "./models/Company.js"
export * from "./contract/CompaniesGroup.js"
export * from "./contract/CompaniesApi.js"
export * from "./services/CompaniesService.js"
export * from "./services/CompaniesServices.js"
