/**
 * A user's calendar accounts.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import {
  CalendarAccountListUrlParams,
  CalendarAccountResource,
  CreateCalendarAccountRequest,
  UpdateCalendarAccountRequest,
  UpdatedCalendarAccountResource
} from "../models/CalendarAccount.js"

const userId = HttpApiSchema.param("userId", Fields.ResourceId)
const accountId = HttpApiSchema.param("accountId", Fields.ResourceId)

/**
 * `GET|POST /users/:user_unique_id/calendar_accounts`,
 * `GET|PUT|DELETE /users/:user_unique_id/calendar_accounts/:id`. The list is not paginated (the
 * reference's answer is a plain `data` array). Another user's account is a 404.
 *
 * @since 0.1.0
 */
export class CalendarAccountsGroup extends HttpApiGroup.make("calendarAccounts")
  .add(
    HttpApiEndpoint.get("list")`/users/${userId}/calendar_accounts`
      .setUrlParams(CalendarAccountListUrlParams)
      .addSuccess(JsonApi.collection(CalendarAccountResource))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "A user's calendar accounts")
  )
  .add(
    HttpApiEndpoint.get("get")`/users/${userId}/calendar_accounts/${accountId}`
      .addSuccess(JsonApi.document(CalendarAccountResource))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "One of the user's calendar accounts")
  )
  .add(
    HttpApiEndpoint.post("create")`/users/${userId}/calendar_accounts`
      .setPayload(JsonApi.wrapped("calendar_account", CreateCalendarAccountRequest))
      .addSuccess(JsonApi.document(CalendarAccountResource), { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Connect a Google, Outlook or Apple calendar")
  )
  .add(
    HttpApiEndpoint.put("update")`/users/${userId}/calendar_accounts/${accountId}`
      .setPayload(JsonApi.wrapped("calendar_account", UpdateCalendarAccountRequest))
      .addSuccess(JsonApi.document(UpdatedCalendarAccountResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Turn a calendar account's sync on or off")
  )
  .add(
    HttpApiEndpoint.del("delete")`/users/${userId}/calendar_accounts/${accountId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Disconnect a calendar account")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Calendar accounts (Google, Outlook, Apple) of a user")
  .annotate(Contract.CliGroup, { path: ["calendar-accounts"], noun: "calendar account" })
{}
