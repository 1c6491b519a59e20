/**
 * The billing domain of the 23blocks CRM Block: meeting billings with exact money, payments, voids,
 * payment splits, and typed reports (outstanding by payer, EAP sessions, revenue, aging, participant).
 *
 * @since 0.1.0
 */
export * as Money from "./models/Money.js"
export * from "./models/Billing.js"
export * from "./models/BillingReport.js"
export * from "./contract/BillingsGroup.js"
export * from "./contract/BillingReportsGroup.js"
export * from "./contract/BillingApi.js"
export * from "./services/BillingsService.js"
export * from "./services/BillingReportsService.js"
export * from "./services/BillingServices.js"
export * from "./domain.js"
