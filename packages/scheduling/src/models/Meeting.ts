/**
 * Meeting: the example resource the domain generator wrote. Replace its attributes with the ones
 * the reference documents for the real resource, and note each assumption on its field.
 *
 * @since 0.1.0
 */
import { Fields, JsonApi } from "@blocks-crm/core-http"
import type { Pagination } from "@blocks-crm/core-http"
import * as Schema from "effect/Schema"

/**
 * A meeting as the API returns it. The encoded side is the snake_case wire, the type side the
 * camelCase model; optional attributes are absent when the API leaves them out or sends `null`.
 *
 * @since 0.1.0
 */
export const Meeting = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Schema.String,
  ownerEmail: Fields.optionalRenamed(Schema.String, "owner_email"),
  notes: Fields.optional(Schema.String),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at")
}).annotations({ identifier: "Meeting" })
/** @since 0.1.0 */
export interface Meeting extends Schema.Schema.Type<typeof Meeting> {}

/**
 * What the API echoes after an update: the id and the attributes it chose to send back. Nothing
 * absent is filled in.
 *
 * @since 0.1.0
 */
export const UpdatedMeeting = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Fields.optional(Schema.String),
  ownerEmail: Fields.optionalRenamed(Schema.String, "owner_email"),
  notes: Fields.optional(Schema.String),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at")
}).annotations({ identifier: "UpdatedMeeting" })
/** @since 0.1.0 */
export interface UpdatedMeeting extends Schema.Schema.Type<typeof UpdatedMeeting> {}

/** The JSON:API resource `{ id, type: "meeting", attributes }`. @since 0.1.0 */
export const MeetingResource = JsonApi.resource("meeting", Meeting, { id: (meeting) => meeting.uniqueId })
/** @since 0.1.0 */
export const UpdatedMeetingResource = JsonApi.resource("meeting", UpdatedMeeting, {
  id: (meeting) => meeting.uniqueId
})

/**
 * `POST /meetings/` body (sent as `{ "meeting": {...} }`), validated before it is sent.
 *
 * @since 0.1.0
 */
export const CreateMeetingRequest = Schema.Struct({
  name: Fields.NonBlankString,
  ownerEmail: Fields.optionalInput(Fields.EmailAddress).pipe(Schema.fromKey("owner_email")),
  notes: Fields.optionalInput(Schema.String)
}).annotations({ identifier: "CreateMeetingRequest" })
/** @since 0.1.0 */
export interface CreateMeetingRequest extends Schema.Schema.Type<typeof CreateMeetingRequest> {}

/**
 * `PUT /meetings/:unique_id/` body: any of the attributes, at least one.
 *
 * @since 0.1.0
 */
export const UpdateMeetingRequest = Schema.Struct({
  ...CreateMeetingRequest.fields,
  name: Fields.optionalInput(Fields.NonBlankString)
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateMeetingRequest" })
/** @since 0.1.0 */
export interface UpdateMeetingRequest extends Schema.Schema.Type<typeof UpdateMeetingRequest> {}

/**
 * `page` (from 1) and `records` (page size).
 *
 * @since 0.1.0
 */
export type ListMeetingsParams = Pagination.PageParams
