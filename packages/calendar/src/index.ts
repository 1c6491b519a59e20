/**
 * The calendar domain of the 23blocks CRM Block: calendar accounts and their sync, busy blocks, ICS
 * feed tokens, the public ICS feed and the Cal.com webhook.
 *
 * @since 0.1.0
 */
export * from "./models/CalendarAccount.js"
export * from "./models/CalendarSync.js"
export * from "./models/BusyBlock.js"
export * from "./models/IcsToken.js"
export * from "./models/CalcomWebhook.js"
export * as Recurrence from "./models/Recurrence.js"
export * as Ics from "./models/IcsFeed.js"
export type { IcsCalendar, IcsEvent } from "./models/IcsFeed.js"
export * from "./contract/CalendarAccountsGroup.js"
export * from "./contract/CalendarSyncGroup.js"
export * from "./contract/BusyBlocksGroup.js"
export * from "./contract/IcsTokensGroup.js"
export * from "./contract/IcsFeedGroup.js"
export * from "./contract/CalcomWebhookGroup.js"
export * from "./contract/CalendarApi.js"
export * from "./services/CalendarAccountsService.js"
export * from "./services/CalendarSyncService.js"
export * from "./services/BusyBlocksService.js"
export * from "./services/IcsTokensService.js"
export * from "./services/IcsFeedService.js"
export * from "./services/CalcomWebhookService.js"
export * as CalcomWebhookSignature from "./services/CalcomWebhookSignature.js"
export * from "./services/CalendarServices.js"
export * from "./domain.js"
