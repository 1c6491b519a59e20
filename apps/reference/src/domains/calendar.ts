/**
 * The calendar domain: calendar accounts and their sync, busy blocks, ICS feed tokens, the public ICS
 * feed and the Cal.com webhook.
 *
 * @since 0.1.0
 */
import {
  BusyBlocksService,
  CalcomWebhookService,
  CalendarAccountsService,
  CalendarApi,
  CalendarSyncService,
  IcsFeedService,
  IcsTokensService
} from "@blocks-crm/calendar"
import * as CrmDomain from "../CrmDomain.js"

/**
 * @since 0.1.0
 */
export const calendar = CrmDomain.make({
  name: "calendar",
  api: CalendarApi,
  services: {
    calendarAccounts: CalendarAccountsService,
    calendarSync: CalendarSyncService,
    busyBlocks: BusyBlocksService,
    icsTokens: IcsTokensService,
    icsFeed: IcsFeedService,
    calcomWebhook: CalcomWebhookService
  }
})
