/**
 * Syncing calendars: one user's, or every user's of the tenant.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import { CalendarSyncStarted, TenantCalendarSyncStarted } from "../models/CalendarSync.js"

const userId = HttpApiSchema.param("userId", Fields.ResourceId)

/**
 * `POST /users/:user_unique_id/calendar/sync` and `POST /calendar/sync` (no body; the answer is
 * `{ message, data }`, not JSON:API).
 *
 * @since 0.1.0
 */
export class CalendarSyncGroup extends HttpApiGroup.make("calendarSync")
  .add(
    HttpApiEndpoint.post("syncUser")`/users/${userId}/calendar/sync`
      .addSuccess(CalendarSyncStarted)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Sync a user's sync-enabled calendar accounts")
  )
  .add(
    HttpApiEndpoint.post("syncTenant", "/calendar/sync")
      .addSuccess(TenantCalendarSyncStarted)
      .annotate(OpenApi.Summary, "Sync every sync-enabled calendar account of the tenant")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Calendar sync")
  .annotate(Contract.CliGroup, { path: ["calendar-sync"], noun: "sync" })
{}
