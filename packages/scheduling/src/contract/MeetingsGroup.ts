/**
 * The meetings endpoints, declared once: the client is derived from this, the emulator implements it,
 * and the OpenAPI document is generated from it.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import {
  CreateMeetingRequest,
  MeetingListUrlParams,
  MeetingResource,
  UpdateMeetingRequest,
  UpdatedMeetingResource
} from "../models/Meeting.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)
const userId = HttpApiSchema.param("userId", Fields.ResourceId)
const accountId = HttpApiSchema.param("accountId", Fields.ResourceId)

/** One page of meetings and the listing's totals. @since 0.1.0 */
export const MeetingList = JsonApi.listDocument(MeetingResource)
/** One meeting. @since 0.1.0 */
export const MeetingDocument = JsonApi.document(MeetingResource)

/**
 * `GET /meetings/`, `GET /meetings/:unique_id/`, `POST /meetings/`, `PUT /meetings/:unique_id`,
 * `DELETE /meetings/:unique_id`, and the meetings of a user (`GET /users/:unique_id/meetings`) and of an
 * account (`GET /accounts/:unique_id/meetings`), paths as crm-block.md writes them.
 *
 * @since 0.1.0
 */
export class MeetingsGroup extends HttpApiGroup.make("meetings")
  .add(
    HttpApiEndpoint.get("list", "/meetings/")
      .setUrlParams(MeetingListUrlParams)
      .addSuccess(MeetingList)
      .annotate(OpenApi.Summary, "List meetings a page at a time")
  )
  .add(
    HttpApiEndpoint.get("get")`/meetings/${uniqueId}/`
      .addSuccess(MeetingDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/meetings/")
      .setPayload(JsonApi.wrapped("meeting", CreateMeetingRequest))
      .addSuccess(MeetingDocument, { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Schedule a meeting (start before end; organiser and account must exist)")
  )
  .add(
    HttpApiEndpoint.put("update")`/meetings/${uniqueId}`
      .setPayload(JsonApi.wrapped("meeting", UpdateMeetingRequest))
      .addSuccess(JsonApi.document(UpdatedMeetingResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/meetings/${uniqueId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.get("listForUser")`/users/${userId}/meetings`
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(MeetingList)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "The meetings a user organises or takes part in")
  )
  .add(
    HttpApiEndpoint.get("listForAccount")`/accounts/${accountId}/meetings`
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(MeetingList)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "The meetings with an account")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Meetings")
{}
