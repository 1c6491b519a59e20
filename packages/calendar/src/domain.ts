/**
 * The calendar domain: calendar accounts and their sync, busy blocks, ICS feed tokens, the public ICS
 * feed and the Cal.com webhook.
 *
 * The descriptor `calendar` is what `@blocks-crm/client` composes, as in
 * `createCrmClient({ ..., domains: [calendar] })`: it names each service as it appears on the client.
 * Importing it brings this domain's services and contract, nothing of another domain.
 *
 * @since 0.1.0
 */
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import { BusyBlocksService } from "./services/BusyBlocksService.js"
import { CalcomWebhookService } from "./services/CalcomWebhookService.js"
import { CalendarAccountsService } from "./services/CalendarAccountsService.js"
import { CalendarApi } from "./contract/CalendarApi.js"
import { CalendarSyncService } from "./services/CalendarSyncService.js"
import { IcsFeedService } from "./services/IcsFeedService.js"
import { IcsTokensService } from "./services/IcsTokensService.js"

/**
 * The calendar domain's descriptor: its contract and its services by the name they take on the client.
 *
 * @example
 * import { createCrmClient } from "@blocks-crm/client"
 * import { calendar } from "@blocks-crm/calendar/domain"
 *
 * const client = createCrmClient({ apiUrl, authToken, apiKey, domains: [calendar] })
 *
 * @since 0.1.0
 * @category descriptors
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
