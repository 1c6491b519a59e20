/**
 * The calendar domain of the 23blocks CRM Block.
 *
 * @since 0.1.0
 */
export * from "./models/CalendarAccount.js"
export * from "./contract/CalendarAccountsGroup.js"
export * from "./contract/CalendarApi.js"
export * from "./services/CalendarAccountsService.js"
export * from "./services/CalendarServices.js"
