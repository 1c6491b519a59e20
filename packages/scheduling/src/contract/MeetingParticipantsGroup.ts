/**
 * The participants of a meeting, nested under the meeting.
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
  AddParticipantRequest,
  MeetingParticipantListUrlParams,
  MeetingParticipantResource
} from "../models/MeetingParticipant.js"

const meetingId = HttpApiSchema.param("meetingId", Fields.ResourceId)
const participantId = HttpApiSchema.param("participantId", Fields.ResourceId)

/**
 * `GET|POST /meetings/:unique_id/participants`, `DELETE /meetings/:unique_id/participants/:participant_unique_id`.
 * The list is not paginated (the official SDK reads a plain `data` array).
 *
 * @since 0.1.0
 */
export class MeetingParticipantsGroup extends HttpApiGroup.make("meetingParticipants")
  .add(
    HttpApiEndpoint.get("list")`/meetings/${meetingId}/participants`
      .setUrlParams(MeetingParticipantListUrlParams)
      .addSuccess(JsonApi.collection(MeetingParticipantResource))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "The participants of a meeting")
  )
  .add(
    HttpApiEndpoint.post("add")`/meetings/${meetingId}/participants`
      .setPayload(JsonApi.wrapped("participant", AddParticipantRequest))
      .addSuccess(JsonApi.document(MeetingParticipantResource), { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Add a participant by contact, user or e-mail (once per meeting)")
  )
  .add(
    HttpApiEndpoint.del("remove")`/meetings/${meetingId}/participants/${participantId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Remove a participant (404 when not a participant of this meeting)")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "The participants of a meeting")
  .annotate(Contract.CliGroup, { path: ["meetings", "participants"], noun: "participant" })
{}
