/**
 * The people in a meeting: each one a contact, a user, or just an e-mail address.
 *
 * crm-block.md names the endpoints only; the attributes come from the official SDK (official-fields.md,
 * "Meeting participants"). The request follows the SDK's earlier body (contact_unique_id,
 * user_unique_id, email, name, role), which matches what the model reads.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"
import { Payload, RecordStatus } from "./Common.js"

/**
 * A meeting participant as the API returns it (every attribute assumed from the official SDK).
 *
 * @since 0.1.0
 */
export const MeetingParticipant = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The participant's id" }),
  meetingUniqueId: Fields.renamed(Schema.String, "meeting_unique_id").annotations({ description: "The meeting" }),
  contactUniqueId: Fields.optionalRenamed(Schema.String, "contact_unique_id").annotations({
    description: "The contact, when the participant is one"
  }),
  userUniqueId: Fields.optionalRenamed(Schema.String, "user_unique_id").annotations({
    description: "The user, when the participant is one"
  }),
  email: Fields.optional(Schema.String).annotations({ description: "E-mail" }),
  name: Fields.optional(Schema.String).annotations({ description: "Name" }),
  role: Fields.optional(Schema.String).annotations({ description: "Role in the meeting (host, attendee, ...)" }),
  rsvpStatus: Fields.optionalRenamed(Schema.String, "rsvp_status").annotations({ description: "RSVP" }),
  joinedAt: Fields.optionalRenamed(Fields.Timestamp, "joined_at").annotations({ description: "Joined" }),
  leftAt: Fields.optionalRenamed(Fields.Timestamp, "left_at").annotations({ description: "Left" }),
  status: Schema.propertySignature(Fields.openEnum(RecordStatus)).annotations({ description: "Record status" }),
  enabled: Schema.propertySignature(Schema.Boolean).annotations({ description: "Whether the record is enabled" }),
  payload: Fields.optional(Payload).annotations({ description: "Free-form data" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "Added" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({ description: "Last changed" })
}).annotations({
  identifier: "MeetingParticipant",
  [Contract.TableColumns]: ["uniqueId", "name", "email", "contactUniqueId", "userUniqueId", "role"]
})
/**
 * The decoded `MeetingParticipant`, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface MeetingParticipant extends Schema.Schema.Type<typeof MeetingParticipant> {}

/** The JSON:API resource `{ id, type: "meeting_participant", attributes }` (the SDK's label). @since 0.1.0 */
export const MeetingParticipantResource = JsonApi.resource("meeting_participant", MeetingParticipant, {
  id: (participant) => participant.uniqueId
})

/**
 * `POST /meetings/:unique_id/participants` body (sent as `{ "participant": {...} }`): exactly one of
 * `contactUniqueId`, `userUniqueId` or `email` says who; name and e-mail of a contact or user are
 * filled in by the server.
 *
 * @since 0.1.0
 */
export const AddParticipantRequest = Schema.Struct({
  contactUniqueId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("contact_unique_id")).annotations({
    description: "Add a contact by id"
  }),
  userUniqueId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("user_unique_id")).annotations({
    description: "Add a user by id"
  }),
  email: Fields.optionalInput(Fields.EmailAddress).annotations({ description: "Add someone by e-mail" }),
  name: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "Name (for an e-mail guest)" }),
  role: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "host, attendee, ..." }),
  rsvpStatus: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("rsvp_status")).annotations({
    description: "RSVP"
  })
}).pipe(
  Schema.filter((input) => {
    const given = [input.contactUniqueId, input.userUniqueId, input.email].filter((who) => who !== undefined)
    return given.length === 1 || {
      path: ["contactUniqueId"],
      message: "give exactly one of contactUniqueId, userUniqueId or email"
    }
  })
).annotations({ identifier: "AddParticipantRequest" })
/**
 * The body of that request, as the service takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface AddParticipantRequest extends Schema.Schema.Type<typeof AddParticipantRequest> {}

/**
 * `GET /meetings/:unique_id/participants`'s URL parameters (the listing is answered whole): `status`,
 * `sort` and the official SDK's `role` and `rsvp_status` filters.
 *
 * @since 0.3.0
 */
export const MeetingParticipantListUrlParams = Pagination.listUrlParams(MeetingParticipant, {
  paged: false,
  status: RecordStatus,
  sort: ["name", "email", "createdAt"],
  filters: {
    role: Schema.String.annotations({ description: "Only participants with this role (host, attendee, ...)" }),
    rsvpStatus: Schema.String.annotations({ description: "Only participants with this RSVP" })
  }
})

/**
 * What `MeetingParticipantsService.list` takes: `status`, `sort`, `role` and `rsvpStatus`.
 *
 * @since 0.3.0
 */
export type ListMeetingParticipantsParams = Pagination.ListParamsOf<typeof MeetingParticipantListUrlParams>
