/**
 * The accounts domain of the 23blocks CRM Block.
 *
 * @since 0.1.0
 */
export * from "./models/RecordStatus.js"
export * from "./models/Payload.js"
export * from "./models/Account.js"
export * from "./models/AccountCategory.js"
export * from "./models/AccountDetail.js"
export * from "./models/AccountLocation.js"
export * from "./models/AccountValidation.js"
export * from "./models/Category.js"
export * from "./models/Contact.js"
export * from "./contract/AccountsGroup.js"
export * from "./contract/AccountDetailsGroup.js"
export * from "./contract/AccountLocationsGroup.js"
export * from "./contract/CategoriesGroup.js"
export * from "./contract/AccountsApi.js"
export * from "./services/AccountsService.js"
export * from "./services/AccountDetailsService.js"
export * from "./services/AccountLocationsService.js"
export * from "./services/CategoriesService.js"
export * from "./services/AccountsServices.js"
