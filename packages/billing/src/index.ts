/**
 * The billing domain of the 23blocks CRM Block.
 *
 * @since 0.1.0
 */
export * from "./models/Billing.js"
export * from "./contract/BillingsGroup.js"
export * from "./contract/BillingApi.js"
export * from "./services/BillingsService.js"
export * from "./services/BillingServices.js"
