/**
 * Events (`/events`): a customer event or a session, and the attendance of each contact and employee,
 * which moves confirmation → check-in (`checking`) → checkout.
 *
 * crm-block.md names the endpoints only. The event's own attributes come from the official SDK
 * (official-fields.md, "Contact events"); the attendance list, the notes with their time and author,
 * and the counts are this package's assumption (the reference names the workflow, not its wire), each
 * said on its field.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"
import { InputTimestamp, Payload, RecordStatus, startsBeforeEnd } from "./Common.js"

/**
 * Where a person is in the workflow: confirmed, checked in, checked out.
 *
 * @since 0.1.0
 */
export const AttendanceState = Schema.Literal("confirmed", "checked_in", "checked_out")
/**
 * Where a person is in the attendance workflow: one of the values this SDK knows, as requests take them (a
 * response may carry others, kept as sent: `Fields.Open<AttendanceState>`).
 *
 * @since 0.1.0
 */
export type AttendanceState = typeof AttendanceState.Type

/**
 * Who attends: a `contact` (a customer) or an `employee` (a user).
 *
 * @since 0.1.0
 */
export const AttendeeKind = Schema.Literal("contact", "employee")
/**
 * Who attends: one of the values this SDK knows, as requests take them (a response may carry others, kept
 * as sent: `Fields.Open<AttendeeKind>`).
 *
 * @since 0.1.0
 */
export type AttendeeKind = typeof AttendeeKind.Type

/**
 * One person's attendance (assumed: the reference names the workflow only).
 *
 * @since 0.1.0
 */
export const Attendance = Schema.Struct({
  kind: Fields.openEnum(AttendeeKind),
  personUniqueId: Fields.renamed(Schema.String, "person_unique_id"),
  state: Fields.openEnum(AttendanceState),
  confirmedAt: Fields.renamed(Fields.Timestamp, "confirmed_at"),
  checkedInAt: Fields.optionalRenamed(Fields.Timestamp, "checked_in_at"),
  checkedOutAt: Fields.optionalRenamed(Fields.Timestamp, "checked_out_at"),
  // The official SDK's checkout body: contact_approved, event_final_score.
  contactApproved: Fields.optionalRenamed(Schema.Boolean, "contact_approved"),
  eventFinalScore: Fields.optionalRenamed(Schema.Number, "event_final_score")
}).annotations({ identifier: "Attendance" })
/**
 * The decoded `Attendance`, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface Attendance extends Schema.Schema.Type<typeof Attendance> {}

/**
 * A note appended to an event, with its time and, when given, its author (assumed shape).
 *
 * @since 0.1.0
 */
export const EventNote = Schema.Struct({
  note: Schema.String,
  author: Fields.optional(Schema.String),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at")
}).annotations({ identifier: "EventNote" })
/**
 * The decoded `EventNote`, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface EventNote extends Schema.Schema.Type<typeof EventNote> {}

const eventAttributes = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The event's id" }),
  // From the official SDK, down to payload.
  title: Fields.optional(Schema.String).annotations({ description: "Title" }),
  description: Fields.optional(Schema.String).annotations({ description: "What the event is" }),
  eventType: Fields.optionalRenamed(Schema.String, "event_type").annotations({ description: "Kind of event" }),
  contactUniqueId: Fields.optionalRenamed(Schema.String, "contact_unique_id").annotations({
    description: "The contact the event is for"
  }),
  userUniqueId: Fields.optionalRenamed(Schema.String, "user_unique_id").annotations({
    description: "The user who runs it"
  }),
  scheduledAt: Fields.optionalRenamed(Fields.Timestamp, "scheduled_at").annotations({ description: "Scheduled" }),
  startTime: Fields.optionalRenamed(Fields.Timestamp, "start_time").annotations({ description: "Start" }),
  endTime: Fields.optionalRenamed(Fields.Timestamp, "end_time").annotations({ description: "End" }),
  payload: Fields.optional(Payload).annotations({ description: "Free-form data" }),
  status: Fields.optional(Fields.openEnum(RecordStatus)).annotations({ description: "Record status" }),
  enabled: Fields.optional(Schema.Boolean).annotations({ description: "Whether the record is enabled" }),
  // Assumed, like the attendance below: each person's place in the workflow.
  attendance: Fields.optional(Schema.Array(Attendance)).annotations({ description: "Each person's attendance" }),
  // Assumed: notes appended by PUT .../contacts/notes and .../admin/notes, oldest first.
  contactNotes: Fields.optionalRenamed(Schema.Array(EventNote), "contact_notes").annotations({
    description: "Contact notes, oldest first"
  }),
  adminNotes: Fields.optionalRenamed(Schema.Array(EventNote), "admin_notes").annotations({
    description: "Admin notes, oldest first"
  }),
  // Assumed: people who confirmed / checked in / checked out (each count includes the later states).
  confirmedCount: Fields.optionalRenamed(Schema.Int, "confirmed_count").annotations({ description: "Confirmed" }),
  checkedInCount: Fields.optionalRenamed(Schema.Int, "checked_in_count").annotations({ description: "Checked in" }),
  checkedOutCount: Fields.optionalRenamed(Schema.Int, "checked_out_count").annotations({
    description: "Checked out"
  }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({ description: "Created" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({ description: "Last changed" })
}

/**
 * An event as the API returns it.
 *
 * @since 0.1.0
 */
export const Event = Schema.Struct({
  ...eventAttributes,
  status: Schema.propertySignature(Fields.openEnum(RecordStatus)).annotations({ description: "Record status" }),
  enabled: Schema.propertySignature(Schema.Boolean).annotations({ description: "Whether the record is enabled" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "Created" })
}).annotations({
  identifier: "Event",
  [Contract.TableColumns]: ["uniqueId", "title", "eventType", "startTime", "confirmedCount", "checkedInCount"]
})
/**
 * The decoded `Event`, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface Event extends Schema.Schema.Type<typeof Event> {}

/** What the API echoes after an update. @since 0.1.0 */
export const UpdatedEvent = Schema.Struct(eventAttributes).annotations({ identifier: "UpdatedEvent" })
/**
 * What an update returns: the id and the attributes the API echoed.
 *
 * @since 0.1.0
 */
export interface UpdatedEvent extends Schema.Schema.Type<typeof UpdatedEvent> {}

/** The JSON:API resource `{ id, type: "contact_event", attributes }` (the SDK's label). @since 0.1.0 */
export const EventResource = JsonApi.resource("contact_event", Event, { id: (event) => event.uniqueId })
/**
 * The JSON:API resource of `UpdatedEvent`, as it travels on the wire.
 *
 * @since 0.1.0
 */
export const UpdatedEventResource = JsonApi.resource("contact_event", UpdatedEvent, { id: (event) => event.uniqueId })

const eventInput = {
  title: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "Title" }),
  description: Fields.optionalInput(Schema.String).annotations({ description: "What the event is" }),
  eventType: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("event_type")).annotations({
    description: "Kind of event"
  }),
  contactUniqueId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("contact_unique_id")).annotations({
    description: "The contact the event is for"
  }),
  userUniqueId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("user_unique_id")).annotations({
    description: "The user who runs it"
  }),
  scheduledAt: Fields.optionalInput(InputTimestamp).pipe(Schema.fromKey("scheduled_at")).annotations({
    description: "Scheduled (ISO 8601)"
  }),
  startTime: Fields.optionalInput(InputTimestamp).pipe(Schema.fromKey("start_time")).annotations({
    description: "Start (ISO 8601)"
  }),
  endTime: Fields.optionalInput(InputTimestamp).pipe(Schema.fromKey("end_time")).annotations({
    description: "End (ISO 8601), after the start"
  }),
  payload: Fields.optionalInput(Payload).annotations({ description: "Free-form data" })
}

/**
 * `POST /events/` body (sent as `{ "event": {...} }`; the official SDK's earlier body, which matches
 * what its model reads).
 *
 * @since 0.1.0
 */
export const CreateEventRequest = Schema.Struct(eventInput).pipe(Schema.filter(startsBeforeEnd)).annotations({
  identifier: "CreateEventRequest"
})
/**
 * The body of that request, as the service takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface CreateEventRequest extends Schema.Schema.Type<typeof CreateEventRequest> {}

/** `PUT /events/:unique_id` body: any of the attributes, at least one. @since 0.1.0 */
export const UpdateEventRequest = Schema.Struct({
  ...eventInput,
  title: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "Title" }),
  status: Fields.optionalInput(RecordStatus).annotations({ description: "Record status" }),
  enabled: Fields.optionalInput(Schema.Boolean).annotations({ description: "Whether the record is enabled" })
}).pipe(Fields.atLeastOneAttribute, Schema.filter(startsBeforeEnd)).annotations({ identifier: "UpdateEventRequest" })
/**
 * The body of that request, as the service takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface UpdateEventRequest extends Schema.Schema.Type<typeof UpdateEventRequest> {}

/**
 * A contact's confirmation, check-in or checkout (`{ "event": {...} }`). `contactApproved` and
 * `eventFinalScore` (the SDK's checkout fields) count on checkout only.
 *
 * @since 0.1.0
 */
export const ContactAttendanceRequest = Schema.Struct({
  // Assumed: which contact (the SDK's bodies name none, the event being one contact's session).
  contactUniqueId: Schema.propertySignature(Fields.ResourceId).pipe(Schema.fromKey("contact_unique_id")).annotations({
    description: "The contact"
  }),
  contactApproved: Fields.optionalInput(Schema.Boolean).pipe(Schema.fromKey("contact_approved")).annotations({
    description: "On checkout: the contact approved"
  }),
  eventFinalScore: Fields.optionalInput(Schema.Number.pipe(Schema.finite())).pipe(Schema.fromKey("event_final_score"))
    .annotations({ description: "On checkout: the final score" })
}).annotations({ identifier: "ContactAttendanceRequest" })
/**
 * The body of that request, as the service takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface ContactAttendanceRequest extends Schema.Schema.Type<typeof ContactAttendanceRequest> {}

/**
 * An employee's (a user's) confirmation, check-in or checkout (`{ "event": {...} }`).
 *
 * @since 0.1.0
 */
export const EmployeeAttendanceRequest = Schema.Struct({
  // The official SDK's create body calls the user `employee_unique_id`.
  employeeUniqueId: Schema.propertySignature(Fields.ResourceId).pipe(Schema.fromKey("employee_unique_id"))
    .annotations({ description: "The employee (a user's id)" })
}).annotations({ identifier: "EmployeeAttendanceRequest" })
/**
 * The body of that request, as the service takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface EmployeeAttendanceRequest extends Schema.Schema.Type<typeof EmployeeAttendanceRequest> {}

/**
 * A note to append (`{ "event": { "note": ..., "author": ... } }`); the server stamps its time.
 *
 * @since 0.1.0
 */
export const EventNoteRequest = Schema.Struct({
  note: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "The note" }),
  author: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "Who wrote it" })
}).annotations({ identifier: "EventNoteRequest" })
/**
 * The body of that request, as the service takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface EventNoteRequest extends Schema.Schema.Type<typeof EventNoteRequest> {}

/**
 * `GET /events/`'s URL parameters: a page, `status`, `sort` and the official SDK's `event_type`,
 * `contact_unique_id` and `user_unique_id` filters.
 *
 * @since 0.3.0
 */
export const EventListUrlParams = Pagination.listUrlParams(Event, {
  status: RecordStatus,
  sort: ["title", "scheduledAt", "startTime", "endTime", "createdAt", "updatedAt"],
  filters: {
    eventType: Schema.String.annotations({ description: "Only events of this kind" }),
    contactUniqueId: Fields.ResourceId.annotations({ description: "Only the events of this contact" }),
    userUniqueId: Fields.ResourceId.annotations({ description: "Only the events of this user" })
  }
})

/**
 * What `EventsService.list` takes: `page` (from 1), `records` (page size), `status`, `sort`,
 * `eventType`, `contactUniqueId` and `userUniqueId`.
 *
 * @since 0.3.0
 */
export type ListEventsParams = Pagination.ListParamsOf<typeof EventListUrlParams>
