/**
 * Calendar accounts: list, stream, get, create, update, delete.
 *
 * @since 0.1.0
 */
import { ApiClient } from "@blocks-crm/core-http"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { CalendarAccountsGroup } from "../contract/CalendarAccountsGroup.js"
import { CreateCalendarAccountRequest, UpdateCalendarAccountRequest } from "../models/CalendarAccount.js"
import type { CalendarAccount, UpdatedCalendarAccount } from "../models/CalendarAccount.js"

/**
 * The client is derived from the group alone, so this entry point bundles no other resource.
 *
 * @since 0.1.0
 * @category services
 */
export class CalendarAccountsService extends Effect.Service<CalendarAccountsService>()("@blocks-crm/calendar/CalendarAccountsService", {
  effect: Effect.map(
    ApiClient.group(CalendarAccountsGroup),
    (endpoints): ResourceClient.CrudClient<CalendarAccount, CreateCalendarAccountRequest, UpdateCalendarAccountRequest, UpdatedCalendarAccount> =>
      ResourceClient.crud("calendarAccounts", endpoints, { create: CreateCalendarAccountRequest, update: UpdateCalendarAccountRequest })
  )
}) {}
