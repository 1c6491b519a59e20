/**
 * A meeting's Zoom link (`/users/:user_unique_id/meetings/:meeting_unique_id/zoom`): booked on a free
 * Zoom host for the meeting's time, with the join URL, start URL, password, Zoom's meeting id and the host.
 *
 * The body is crm-block.md's `{"zoom": {"duration": 60}}`; the attributes come from the official SDK
 * (official-fields.md, "Zoom meetings").
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Schema from "effect/Schema"
import { InputTimestamp, Payload, RecordStatus } from "./Common.js"

/**
 * A Zoom meeting as the API returns it (every attribute from the official SDK).
 *
 * @since 0.1.0
 */
export const ZoomMeeting = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The Zoom link's id" }),
  meetingUniqueId: Fields.renamed(Schema.String, "meeting_unique_id").annotations({ description: "The meeting" }),
  userUniqueId: Fields.renamed(Schema.String, "user_unique_id").annotations({ description: "The user" }),
  zoomMeetingId: Fields.optionalRenamed(Schema.String, "zoom_meeting_id").annotations({
    description: "Zoom's meeting id"
  }),
  zoomHostId: Fields.optionalRenamed(Schema.String, "zoom_host_id").annotations({
    description: "The Zoom host it is booked on"
  }),
  joinUrl: Fields.optionalRenamed(Schema.String, "join_url").annotations({ description: "Link for participants" }),
  startUrl: Fields.optionalRenamed(Schema.String, "start_url").annotations({ description: "Link for the host" }),
  password: Fields.optional(Schema.String).annotations({ description: "Meeting password" }),
  topic: Fields.optional(Schema.String).annotations({ description: "Topic" }),
  agenda: Fields.optional(Schema.String).annotations({ description: "Agenda" }),
  startTime: Fields.optionalRenamed(Fields.Timestamp, "start_time").annotations({ description: "Start" }),
  duration: Fields.optional(Schema.Int).annotations({ description: "Minutes" }),
  timezone: Fields.optional(Schema.String).annotations({ description: "IANA time zone" }),
  // Zoom's state: waiting, then started / ended from Zoom's webhooks.
  zoomStatus: Fields.optionalRenamed(Schema.String, "zoom_status").annotations({ description: "Zoom's state" }),
  status: Schema.propertySignature(Fields.openEnum(RecordStatus)).annotations({ description: "Record status" }),
  enabled: Schema.propertySignature(Schema.Boolean).annotations({ description: "Whether the record is enabled" }),
  payload: Fields.optional(Payload).annotations({ description: "Free-form data" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "Created" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({ description: "Last changed" })
}).annotations({
  identifier: "ZoomMeeting",
  [Contract.TableColumns]: ["uniqueId", "zoomMeetingId", "joinUrl", "startTime", "duration", "zoomStatus"]
})
/**
 * The decoded `ZoomMeeting`, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface ZoomMeeting extends Schema.Schema.Type<typeof ZoomMeeting> {}

/** `{ id, type: "zoom_meeting", attributes }` (the SDK's label). @since 0.1.0 */
export const ZoomMeetingResource = JsonApi.resource("zoom_meeting", ZoomMeeting, { id: (zoom) => zoom.uniqueId })

const zoomInput = {
  duration: Fields.optionalInput(Schema.Int.pipe(Schema.between(1, 1440))).annotations({
    description: "Minutes (default: the meeting's length)"
  }),
  startTime: Fields.optionalInput(InputTimestamp).pipe(Schema.fromKey("start_time")).annotations({
    description: "Start (default: the meeting's start)"
  }),
  topic: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "Topic (default: the title)" }),
  agenda: Fields.optionalInput(Schema.String).annotations({ description: "Agenda" }),
  timezone: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "IANA time zone" })
}

/**
 * `POST .../zoom` body, wrapped as crm-block.md writes it (`{"zoom": {"duration": 60}}`; the official
 * SDK sends it flat). Everything is optional: the meeting gives the rest.
 *
 * @since 0.1.0
 */
export const CreateZoomMeetingRequest = Schema.Struct(zoomInput).annotations({ identifier: "CreateZoomMeetingRequest" })
/**
 * The body of that request, as the service takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface CreateZoomMeetingRequest extends Schema.Schema.Type<typeof CreateZoomMeetingRequest> {}

/** `PUT .../zoom` body: reschedules (and re-allocates a host); at least one attribute. @since 0.1.0 */
export const UpdateZoomMeetingRequest = Schema.Struct(zoomInput).pipe(Fields.atLeastOneAttribute).annotations({
  identifier: "UpdateZoomMeetingRequest"
})
/**
 * The body of that request, as the service takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface UpdateZoomMeetingRequest extends Schema.Schema.Type<typeof UpdateZoomMeetingRequest> {}

/**
 * Whether a user can host for a range (`GET /users/:user_unique_id/zoom/availability`): the SDK's
 * declared shape {available, nextAvailableAt, reason}, snake_case assumed, plus the user and the host.
 *
 * @since 0.1.0
 */
export const ZoomUserAvailability = Schema.Struct({
  userUniqueId: Fields.renamed(Schema.String, "user_unique_id"),
  available: Schema.Boolean,
  hostUniqueId: Fields.optionalRenamed(Schema.String, "host_unique_id"),
  nextAvailableAt: Fields.optionalRenamed(Fields.Timestamp, "next_available_at"),
  reason: Fields.optional(Schema.String)
}).annotations({ identifier: "ZoomUserAvailability" })
/**
 * The decoded `ZoomUserAvailability`, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface ZoomUserAvailability extends Schema.Schema.Type<typeof ZoomUserAvailability> {}
/**
 * The JSON:API resource of `ZoomUserAvailability`, as it travels on the wire.
 *
 * @since 0.1.0
 */
export const ZoomUserAvailabilityResource = JsonApi.resource("zoom_availability", ZoomUserAvailability, {
  id: (availability) => availability.userUniqueId
})
