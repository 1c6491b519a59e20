/**
 * The calendar accounts endpoints, declared once: the client is derived from this, the emulator
 * implements it, and the OpenAPI document is generated from it.
 *
 * @since 0.1.0
 */
import { Contract, Fields, JsonApi, Pagination } from "@blocks-crm/core-http"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import {
  CalendarAccountResource,
  CreateCalendarAccountRequest,
  UpdatedCalendarAccountResource,
  UpdateCalendarAccountRequest
} from "../models/CalendarAccount.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/** @since 0.1.0 */
export const CalendarAccountList = JsonApi.listDocument(CalendarAccountResource)
/** @since 0.1.0 */
export const CalendarAccountDocument = JsonApi.document(CalendarAccountResource)

/**
 * `GET /calendar-accounts/`, `GET /calendar-accounts/:unique_id`, `POST /calendar-accounts/`,
 * `PUT /calendar-accounts/:unique_id/`, `DELETE /calendar-accounts/:unique_id/` (paths as the reference
 * writes them, trailing slashes included).
 *
 * @since 0.1.0
 */
export class CalendarAccountsGroup extends HttpApiGroup.make("calendarAccounts")
  .add(
    HttpApiEndpoint.get("list", "/calendar-accounts/")
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(CalendarAccountList)
      .annotate(OpenApi.Summary, "List calendar accounts a page at a time")
  )
  .add(
    HttpApiEndpoint.get("get")`/calendar-accounts/${uniqueId}`
      .addSuccess(CalendarAccountDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/calendar-accounts/")
      .setPayload(JsonApi.wrapped("calendar_account", CreateCalendarAccountRequest))
      .addSuccess(CalendarAccountDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/calendar-accounts/${uniqueId}/`
      .setPayload(JsonApi.wrapped("calendar_account", UpdateCalendarAccountRequest))
      .addSuccess(JsonApi.document(UpdatedCalendarAccountResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/calendar-accounts/${uniqueId}/`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
{}
