/**
 * The accounts domain of the 23blocks CRM Block.
 *
 * @since 0.1.0
 */
export * from "./models/Account.js"
export * from "./models/Contact.js"
export * from "./models/ContactHistory.js"
export * from "./models/ContactProfile.js"
export * from "./models/User.js"
export * from "./models/AccountContact.js"
export * from "./contract/AccountsGroup.js"
export * from "./contract/ContactsGroup.js"
export * from "./contract/ContactHistoryGroup.js"
export * from "./contract/ContactProfileGroup.js"
export * from "./contract/IdentitiesGroup.js"
export * from "./contract/AccountContactsGroup.js"
export * from "./contract/AccountsApi.js"
export * from "./services/AccountsService.js"
export * from "./services/ContactsService.js"
export * from "./services/ContactHistoryService.js"
export * from "./services/ContactProfileService.js"
export * from "./services/IdentitiesService.js"
export * from "./services/AccountContactsService.js"
export * from "./services/AccountsServices.js"
