/**
 * A meeting's Zoom link, and a user's Zoom availability.
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
import { TimeRangeUrlParams } from "../models/ZoomHost.js"
import {
  CreateZoomMeetingRequest,
  UpdateZoomMeetingRequest,
  ZoomMeetingResource,
  ZoomUserAvailabilityResource
} from "../models/ZoomMeeting.js"

const userId = HttpApiSchema.param("userId", Fields.ResourceId)
const meetingId = HttpApiSchema.param("meetingId", Fields.ResourceId)

/** One Zoom meeting. @since 0.1.0 */
export const ZoomMeetingDocument = JsonApi.document(ZoomMeetingResource)

/**
 * `GET|POST|PUT|DELETE /users/:user_unique_id/meetings/:meeting_unique_id/zoom` and
 * `GET /users/:user_unique_id/zoom/availability` (crm-block.md).
 *
 * @since 0.1.0
 */
export class ZoomMeetingsGroup extends HttpApiGroup.make("zoomMeetings")
  .add(
    HttpApiEndpoint.get("get")`/users/${userId}/meetings/${meetingId}/zoom`
      .addSuccess(ZoomMeetingDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create")`/users/${userId}/meetings/${meetingId}/zoom`
      .setPayload(JsonApi.wrapped("zoom", CreateZoomMeetingRequest))
      .addSuccess(ZoomMeetingDocument, { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Book the meeting on a free Zoom host (422 when none is free)")
  )
  .add(
    HttpApiEndpoint.put("update")`/users/${userId}/meetings/${meetingId}/zoom`
      .setPayload(JsonApi.wrapped("zoom", UpdateZoomMeetingRequest))
      .addSuccess(ZoomMeetingDocument)
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Reschedule and re-allocate a host (422 when none is free; the old booking stays)")
  )
  .add(
    HttpApiEndpoint.del("delete")`/users/${userId}/meetings/${meetingId}/zoom`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Cancel the Zoom meeting and free its host")
  )
  .add(
    HttpApiEndpoint.get("availability")`/users/${userId}/zoom/availability`
      .setUrlParams(TimeRangeUrlParams)
      .addSuccess(JsonApi.document(ZoomUserAvailabilityResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Whether the user can host now, or for start_time..end_time, and when next")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "A meeting's Zoom link, booked on a free Zoom host")
  .annotate(Contract.CliGroup, { noun: "Zoom meeting" })
{}
