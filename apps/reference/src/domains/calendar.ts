/**
 * The calendar domain: calendar accounts.
 *
 * @since 0.1.0
 */
import { CalendarApi, CalendarAccountsService } from "@blocks-crm/calendar"
import * as CrmDomain from "../CrmDomain.js"

/**
 * @since 0.1.0
 */
export const calendar = CrmDomain.make({
  name: "calendar",
  api: CalendarApi,
  services: {
    calendarAccounts: CalendarAccountsService
  }
})
