/**
 * The accounts domain of the 23blocks CRM Block.
 *
 * @since 0.1.0
 */
export * from "./models/Account.js"
export * from "./models/Contact.js"
export * from "./contract/AccountsGroup.js"
export * from "./contract/AccountsApi.js"
export * from "./services/AccountsService.js"
export * from "./services/AccountsServices.js"
export * from "./models/Document.js"
export * from "./models/Upload.js"
export * from "./contract/AccountDocumentsGroup.js"
export * from "./contract/ContactDocumentsGroup.js"
export * from "./services/AccountDocumentsService.js"
export * from "./services/ContactDocumentsService.js"
