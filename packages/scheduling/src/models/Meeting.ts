/**
 * Meetings: a time range, a type (virtual, in person, ...), an optional account and organiser.
 *
 * crm-block.md's "Schedule a Meeting with Zoom" shows title, start_time, end_time and meeting_type;
 * every other attribute comes from the official SDK (official-fields.md, "Meetings"), said on its field.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"
import { HttpUrl, InputTimestamp, Payload, RecordStatus, startsBeforeEnd } from "./Common.js"

const meetingAttributes = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The meeting's id" }),
  // Assumed from the official SDK (its type requires it; the reference's example sends none).
  code: Fields.optional(Schema.String).annotations({ description: "Your own code for the meeting" }),
  title: Fields.optional(Schema.String).annotations({ description: "Title" }),
  meetingType: Fields.optionalRenamed(Schema.String, "meeting_type").annotations({
    description: "virtual, in_person, phone, ..."
  }),
  // Assumed from the official SDK, down to payload.
  description: Fields.optional(Schema.String).annotations({ description: "What the meeting is about" }),
  token: Fields.optional(Schema.String).annotations({ description: "The meeting's token" }),
  scheduledAt: Fields.optionalRenamed(Fields.Timestamp, "scheduled_at").annotations({
    description: "When it was scheduled"
  }),
  startTime: Fields.optionalRenamed(Fields.Timestamp, "start_time").annotations({ description: "Start" }),
  endTime: Fields.optionalRenamed(Fields.Timestamp, "end_time").annotations({ description: "End" }),
  timeUnit: Fields.optionalRenamed(Schema.String, "time_unit").annotations({ description: "Unit of time_quantity" }),
  timeQuantity: Fields.optionalRenamed(Schema.Number, "time_quantity").annotations({ description: "Length" }),
  allDay: Fields.optionalRenamed(Schema.Boolean, "all_day").annotations({ description: "All day" }),
  timezone: Fields.optional(Schema.String).annotations({ description: "IANA time zone" }),
  userUniqueId: Fields.optionalRenamed(Schema.String, "user_unique_id").annotations({
    description: "The organiser (a user)"
  }),
  userName: Fields.optionalRenamed(Schema.String, "user_name").annotations({ description: "The organiser's name" }),
  userEmail: Fields.optionalRenamed(Schema.String, "user_email").annotations({
    description: "The organiser's e-mail"
  }),
  accountUniqueId: Fields.optionalRenamed(Schema.String, "account_unique_id").annotations({
    description: "The account the meeting is with"
  }),
  meetingLocation: Fields.optionalRenamed(Schema.String, "meeting_location").annotations({ description: "Where" }),
  meetingUrl: Fields.optionalRenamed(Schema.String, "meeting_url").annotations({ description: "Link to join" }),
  meetingScore: Fields.optionalRenamed(Schema.Number, "meeting_score").annotations({ description: "Score" }),
  payload: Fields.optional(Payload).annotations({ description: "Free-form data" }),
  status: Fields.optional(Fields.openEnum(RecordStatus)).annotations({ description: "Record status" }),
  enabled: Fields.optional(Schema.Boolean).annotations({ description: "Whether the record is enabled" }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({ description: "Created" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({ description: "Last changed" })
}

/**
 * A meeting as the API returns it. Optional attributes are absent when the API leaves them out or sends
 * `null`; required ones missing fail decoding with their path.
 *
 * @since 0.1.0
 */
export const Meeting = Schema.Struct({
  ...meetingAttributes,
  title: Schema.propertySignature(Schema.String).annotations({ description: "Title" }),
  // Required: the reference's example creates every meeting with both.
  startTime: Fields.renamed(Fields.Timestamp, "start_time").annotations({ description: "Start" }),
  endTime: Fields.renamed(Fields.Timestamp, "end_time").annotations({ description: "End" }),
  // Required on the full record (the official SDK types them required).
  status: Schema.propertySignature(Fields.openEnum(RecordStatus)).annotations({ description: "Record status" }),
  enabled: Schema.propertySignature(Schema.Boolean).annotations({ description: "Whether the record is enabled" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "Created" })
}).annotations({
  identifier: "Meeting",
  [Contract.TableColumns]: ["uniqueId", "title", "meetingType", "startTime", "endTime", "accountUniqueId"]
})
/** A meeting as the client sees it. @since 0.1.0 */
export interface Meeting extends Schema.Schema.Type<typeof Meeting> {}

/**
 * What the API echoes after an update: the id and the attributes it chose to send back.
 *
 * @since 0.1.0
 */
export const UpdatedMeeting = Schema.Struct(meetingAttributes).annotations({ identifier: "UpdatedMeeting" })
/**
 * What an update returns: the id and the attributes the API echoed.
 *
 * @since 0.1.0
 */
export interface UpdatedMeeting extends Schema.Schema.Type<typeof UpdatedMeeting> {}

/** The JSON:API resource `{ id, type: "meeting", attributes }`. @since 0.1.0 */
export const MeetingResource = JsonApi.resource("meeting", Meeting, { id: (meeting) => meeting.uniqueId })
/**
 * The JSON:API resource of `UpdatedMeeting`, as it travels on the wire.
 *
 * @since 0.1.0
 */
export const UpdatedMeetingResource = JsonApi.resource("meeting", UpdatedMeeting, {
  id: (meeting) => meeting.uniqueId
})

const meetingInput = {
  title: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "Title" }),
  startTime: Schema.propertySignature(InputTimestamp).pipe(Schema.fromKey("start_time")).annotations({
    description: "Start (ISO 8601)"
  }),
  endTime: Schema.propertySignature(InputTimestamp).pipe(Schema.fromKey("end_time")).annotations({
    description: "End (ISO 8601), after the start"
  }),
  meetingType: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("meeting_type")).annotations({
    description: "virtual, in_person, phone, ..."
  }),
  code: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "Your own code for the meeting" }),
  description: Fields.optionalInput(Schema.String).annotations({ description: "What the meeting is about" }),
  allDay: Fields.optionalInput(Schema.Boolean).pipe(Schema.fromKey("all_day")).annotations({
    description: "All day"
  }),
  timezone: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "IANA time zone" }),
  userUniqueId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("user_unique_id")).annotations({
    description: "The organiser (a user's id)"
  }),
  accountUniqueId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("account_unique_id")).annotations({
    description: "The account's id"
  }),
  meetingLocation: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("meeting_location")).annotations({
    description: "Where"
  }),
  meetingUrl: Fields.optionalInput(HttpUrl).pipe(
    Schema.fromKey("meeting_url")
  ).annotations({ description: "Link to join (http or https)" }),
  payload: Fields.optionalInput(Payload).annotations({ description: "Free-form data" })
}

/**
 * `POST /meetings/` body (sent as `{ "meeting": {...} }`), validated before it is sent: a title, and a
 * start before the end.
 *
 * @since 0.1.0
 */
export const CreateMeetingRequest = Schema.Struct(meetingInput).pipe(Schema.filter(startsBeforeEnd)).annotations({
  identifier: "CreateMeetingRequest"
})
/**
 * The body of that request, as the service takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface CreateMeetingRequest extends Schema.Schema.Type<typeof CreateMeetingRequest> {}

/**
 * `PUT /meetings/:unique_id` body: any of the attributes, at least one. The server checks the range
 * against the stored start or end when only one is given.
 *
 * @since 0.1.0
 */
export const UpdateMeetingRequest = Schema.Struct({
  ...meetingInput,
  title: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "Title" }),
  startTime: Fields.optionalInput(InputTimestamp).pipe(Schema.fromKey("start_time")).annotations({
    description: "Start (ISO 8601)"
  }),
  endTime: Fields.optionalInput(InputTimestamp).pipe(Schema.fromKey("end_time")).annotations({
    description: "End (ISO 8601)"
  }),
  // Assumed from the official SDK's update body.
  meetingScore: Fields.optionalInput(Schema.Number.pipe(Schema.finite())).pipe(Schema.fromKey("meeting_score"))
    .annotations({ description: "Score" }),
  status: Fields.optionalInput(RecordStatus).annotations({ description: "Record status" }),
  enabled: Fields.optionalInput(Schema.Boolean).annotations({ description: "Whether the record is enabled" })
}).pipe(Fields.atLeastOneAttribute, Schema.filter(startsBeforeEnd)).annotations({ identifier: "UpdateMeetingRequest" })
/**
 * The body of that request, as the service takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface UpdateMeetingRequest extends Schema.Schema.Type<typeof UpdateMeetingRequest> {}

/**
 * `GET /meetings/`'s URL parameters: a page, `search`, `status`, `sort` and the official SDK's filters on the
 * organiser (`user_unique_id`), the account (`account_unique_id`) and the kind (`meeting_type`).
 *
 * @since 0.3.0
 */
export const MeetingListUrlParams = Pagination.listUrlParams(Meeting, {
  search: true,
  status: RecordStatus,
  sort: ["title", "startTime", "endTime", "scheduledAt", "createdAt", "updatedAt"],
  filters: {
    userUniqueId: Fields.ResourceId.annotations({ description: "Only the meetings this user organises" }),
    accountUniqueId: Fields.ResourceId.annotations({ description: "Only the meetings of this account" }),
    meetingType: Schema.String.annotations({ description: "Only meetings of this kind" })
  }
})

/**
 * What `MeetingsService.list` takes: `page` (from 1), `records` (page size), `status`, `sort`,
 * `userUniqueId`, `accountUniqueId` and `meetingType`.
 *
 * @since 0.1.0
 */
export type ListMeetingsParams = Pagination.ListParamsOf<typeof MeetingListUrlParams>
