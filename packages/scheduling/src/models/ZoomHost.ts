/**
 * Zoom hosts: the Zoom users meetings are booked on. A host has a capacity (meetings at once) and
 * working hours; it is free for a time range when it is enabled, the range lies inside its working hours
 * and fewer meetings than its capacity are allocated to it in that range.
 *
 * crm-block.md names the endpoints only. The host's attributes come from the official SDK
 * (official-fields.md, "Zoom hosts"); working hours and the result shapes' wire names are assumed,
 * each said on its field.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"
import { InputTimestamp, Payload, RecordStatus } from "./Common.js"

/**
 * A time of day as `HH:MM` (24 h, UTC).
 *
 * @since 0.1.0
 */
export const TimeOfDay = Schema.String.pipe(
  Schema.filter((s) =>
    /^([01]\d|2[0-3]):[0-5]\d$/.test(s) || `Expected a time of day as HH:MM, got ${JSON.stringify(s)}`
  )
).annotations({
  identifier: "TimeOfDay",
  arbitrary: () => (fc) =>
    fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) =>
      `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`
    )
})

const hostAttributes = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The host's id" }),
  // From the official SDK, down to payload.
  userUniqueId: Fields.optionalRenamed(Schema.String, "user_unique_id").annotations({
    description: "The CRM user this Zoom account belongs to"
  }),
  zoomUserId: Fields.optionalRenamed(Schema.String, "zoom_user_id").annotations({ description: "Zoom's user id" }),
  email: Fields.optional(Schema.String).annotations({ description: "The Zoom account's e-mail" }),
  firstName: Fields.optionalRenamed(Schema.String, "first_name").annotations({ description: "First name" }),
  lastName: Fields.optionalRenamed(Schema.String, "last_name").annotations({ description: "Last name" }),
  displayName: Fields.optionalRenamed(Schema.String, "display_name").annotations({ description: "Display name" }),
  licenseType: Fields.optionalRenamed(Schema.String, "license_type").annotations({ description: "Zoom license" }),
  maxMeetings: Fields.optionalRenamed(Schema.Int, "max_meetings").annotations({
    description: "Capacity: meetings at once"
  }),
  currentMeetings: Fields.optionalRenamed(Schema.Int, "current_meetings").annotations({
    description: "Meetings allocated to it now"
  }),
  // Assumed (the working hours; the SDK has none): HH:MM in UTC, absent = any time.
  workingHoursStart: Fields.optionalRenamed(TimeOfDay, "working_hours_start").annotations({
    description: "Start of working hours (HH:MM, UTC)"
  }),
  workingHoursEnd: Fields.optionalRenamed(TimeOfDay, "working_hours_end").annotations({
    description: "End of working hours (HH:MM, UTC)"
  }),
  payload: Fields.optional(Payload).annotations({ description: "Free-form data" }),
  status: Fields.optional(Fields.openEnum(RecordStatus)).annotations({ description: "Record status" }),
  enabled: Fields.optional(Schema.Boolean).annotations({ description: "Whether meetings may be booked on it" }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({ description: "Created" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({ description: "Last changed" })
}

/**
 * A Zoom host as the API returns it.
 *
 * @since 0.1.0
 */
export const ZoomHost = Schema.Struct({
  ...hostAttributes,
  status: Schema.propertySignature(Fields.openEnum(RecordStatus)).annotations({ description: "Record status" }),
  enabled: Schema.propertySignature(Schema.Boolean).annotations({
    description: "Whether meetings may be booked on it"
  }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "Created" })
}).annotations({
  identifier: "ZoomHost",
  [Contract.TableColumns]: ["uniqueId", "email", "displayName", "maxMeetings", "currentMeetings", "enabled"]
})
/**
 * The decoded `ZoomHost`, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface ZoomHost extends Schema.Schema.Type<typeof ZoomHost> {}

/** What the API echoes after an update. @since 0.1.0 */
export const UpdatedZoomHost = Schema.Struct(hostAttributes).annotations({ identifier: "UpdatedZoomHost" })
/**
 * What an update returns: the id and the attributes the API echoed.
 *
 * @since 0.1.0
 */
export interface UpdatedZoomHost extends Schema.Schema.Type<typeof UpdatedZoomHost> {}

/** `{ id, type: "zoom_host", attributes }` (the SDK's label). @since 0.1.0 */
export const ZoomHostResource = JsonApi.resource("zoom_host", ZoomHost, { id: (host) => host.uniqueId })
/**
 * The JSON:API resource of `UpdatedZoomHost`, as it travels on the wire.
 *
 * @since 0.1.0
 */
export const UpdatedZoomHostResource = JsonApi.resource("zoom_host", UpdatedZoomHost, { id: (host) => host.uniqueId })

const workingHoursInOrder = (input: { readonly workingHoursStart?: string; readonly workingHoursEnd?: string }) =>
  input.workingHoursStart === undefined || input.workingHoursEnd === undefined ||
  input.workingHoursStart < input.workingHoursEnd ||
  { path: ["workingHoursEnd"], message: "must be after workingHoursStart" }

const hostInput = {
  email: Schema.propertySignature(Fields.EmailAddress).annotations({ description: "The Zoom account's e-mail" }),
  userUniqueId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("user_unique_id")).annotations({
    description: "The CRM user this Zoom account belongs to"
  }),
  zoomUserId: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("zoom_user_id")).annotations({
    description: "Zoom's user id"
  }),
  firstName: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("first_name")).annotations({
    description: "First name"
  }),
  lastName: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("last_name")).annotations({
    description: "Last name"
  }),
  displayName: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("display_name")).annotations({
    description: "Display name"
  }),
  licenseType: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("license_type")).annotations({
    description: "Zoom license (basic, licensed, ...)"
  }),
  // Sent as max_meetings, the name the SDK's model reads (its 5.0.6 request says max_concurrent).
  maxMeetings: Fields.optionalInput(Schema.Int.pipe(Schema.between(1, 100))).pipe(Schema.fromKey("max_meetings"))
    .annotations({ description: "Capacity: meetings at once (1-100; the server's default is 1)" }),
  workingHoursStart: Fields.optionalInput(TimeOfDay).pipe(Schema.fromKey("working_hours_start")).annotations({
    description: "Start of working hours (HH:MM, UTC)"
  }),
  workingHoursEnd: Fields.optionalInput(TimeOfDay).pipe(Schema.fromKey("working_hours_end")).annotations({
    description: "End of working hours (HH:MM, UTC)"
  }),
  enabled: Fields.optionalInput(Schema.Boolean).annotations({ description: "Whether meetings may be booked on it" }),
  payload: Fields.optionalInput(Payload).annotations({ description: "Free-form data" })
}

/** `POST /zoom_hosts/` body (`{ "zoom_host": {...} }`). @since 0.1.0 */
export const CreateZoomHostRequest = Schema.Struct(hostInput).pipe(Schema.filter(workingHoursInOrder)).annotations({
  identifier: "CreateZoomHostRequest"
})
/**
 * The body of that request, as the service takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface CreateZoomHostRequest extends Schema.Schema.Type<typeof CreateZoomHostRequest> {}

/** `PUT /zoom_hosts/:unique_id` body: any of the attributes, at least one. @since 0.1.0 */
export const UpdateZoomHostRequest = Schema.Struct({
  ...hostInput,
  email: Fields.optionalInput(Fields.EmailAddress).annotations({ description: "The Zoom account's e-mail" }),
  status: Fields.optionalInput(RecordStatus).annotations({ description: "Record status" })
}).pipe(Fields.atLeastOneAttribute, Schema.filter(workingHoursInOrder)).annotations({
  identifier: "UpdateZoomHostRequest"
})
/**
 * The body of that request, as the service takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface UpdateZoomHostRequest extends Schema.Schema.Type<typeof UpdateZoomHostRequest> {}

/**
 * `?start_time=&end_time=`: the range to check (ISO 8601). Without a start, now; without an end, one
 * minute after the start.
 *
 * @since 0.1.0
 */
export const TimeRangeUrlParams = Schema.Struct({
  startTime: Fields.optionalInput(InputTimestamp).pipe(Schema.fromKey("start_time")),
  endTime: Fields.optionalInput(InputTimestamp).pipe(Schema.fromKey("end_time"))
}).pipe(
  Schema.filter((range) =>
    range.startTime === undefined || range.endTime === undefined || range.startTime < range.endTime ||
    { path: ["endTime"], message: "must be after startTime" }
  )
)
/**
 * A time range to check, as the services take it (both ends optional).
 *
 * @since 0.1.0
 */
export interface TimeRange extends Schema.Schema.Type<typeof TimeRangeUrlParams> {}

/**
 * Whether a host is free for a range (the SDK's declared shape; the snake_case wire is assumed).
 *
 * @since 0.1.0
 */
export const ZoomHostAvailability = Schema.Struct({
  hostUniqueId: Fields.renamed(Schema.String, "host_unique_id"),
  available: Schema.Boolean,
  currentMeetings: Fields.renamed(Schema.Int, "current_meetings"),
  maxMeetings: Fields.renamed(Schema.Int, "max_meetings"),
  nextAvailableAt: Fields.optionalRenamed(Fields.Timestamp, "next_available_at"),
  // Assumed: why not (disabled, outside_working_hours, at_capacity).
  reason: Fields.optional(Schema.String)
}).annotations({ identifier: "ZoomHostAvailability" })
/**
 * The decoded `ZoomHostAvailability`, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface ZoomHostAvailability extends Schema.Schema.Type<typeof ZoomHostAvailability> {}
/**
 * The JSON:API resource of `ZoomHostAvailability`, as it travels on the wire.
 *
 * @since 0.1.0
 */
export const ZoomHostAvailabilityResource = JsonApi.resource("zoom_host_availability", ZoomHostAvailability, {
  id: (availability) => availability.hostUniqueId
})

/**
 * Whether a host's allocation holds (`allocated`) or was given back (`released`).
 *
 * @since 0.1.0
 */
export const ZoomAllocationStatus = Schema.Literal("allocated", "released")
/**
 * An allocation's status: one of the values this SDK knows, as requests take them (a response may carry
 * others, kept as sent: `Fields.Open<ZoomAllocationStatus>`).
 *
 * @since 0.1.0
 */
export type ZoomAllocationStatus = typeof ZoomAllocationStatus.Type

/**
 * A Zoom meeting allocated to a host (the SDK's declared shape, snake_case assumed; the time range is
 * assumed too).
 *
 * @since 0.1.0
 */
export const ZoomAllocation = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  hostUniqueId: Fields.renamed(Schema.String, "host_unique_id"),
  meetingUniqueId: Fields.renamed(Schema.String, "meeting_unique_id"),
  zoomMeetingId: Fields.optionalRenamed(Schema.String, "zoom_meeting_id"),
  startTime: Fields.renamed(Fields.Timestamp, "start_time"),
  endTime: Fields.renamed(Fields.Timestamp, "end_time"),
  allocatedAt: Fields.renamed(Fields.Timestamp, "allocated_at"),
  releasedAt: Fields.optionalRenamed(Fields.Timestamp, "released_at"),
  status: Fields.openEnum(ZoomAllocationStatus)
}).annotations({
  identifier: "ZoomAllocation",
  [Contract.TableColumns]: ["uniqueId", "meetingUniqueId", "startTime", "endTime", "status"]
})
/**
 * The decoded `ZoomAllocation`, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface ZoomAllocation extends Schema.Schema.Type<typeof ZoomAllocation> {}
/**
 * The JSON:API resource of `ZoomAllocation`, as it travels on the wire.
 *
 * @since 0.1.0
 */
export const ZoomAllocationResource = JsonApi.resource("zoom_allocation", ZoomAllocation, {
  id: (allocation) => allocation.uniqueId
})

/**
 * A host free for the range asked (`GET /zoom_hosts/available_users`; the SDK's shape, snake_case
 * assumed, plus the host's id).
 *
 * @since 0.1.0
 */
export const ZoomAvailableUser = Schema.Struct({
  hostUniqueId: Fields.renamed(Schema.String, "host_unique_id"),
  userUniqueId: Fields.optionalRenamed(Schema.String, "user_unique_id"),
  email: Schema.String,
  firstName: Fields.optionalRenamed(Schema.String, "first_name"),
  lastName: Fields.optionalRenamed(Schema.String, "last_name"),
  displayName: Fields.optionalRenamed(Schema.String, "display_name")
}).annotations({ identifier: "ZoomAvailableUser", [Contract.TableColumns]: ["hostUniqueId", "email", "displayName"] })
/**
 * The decoded `ZoomAvailableUser`, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface ZoomAvailableUser extends Schema.Schema.Type<typeof ZoomAvailableUser> {}
/**
 * The JSON:API resource of `ZoomAvailableUser`, as it travels on the wire.
 *
 * @since 0.1.0
 */
export const ZoomAvailableUserResource = JsonApi.resource("zoom_available_user", ZoomAvailableUser, {
  id: (user) => user.hostUniqueId
})

/**
 * `GET /zoom_hosts/`'s URL parameters: a page, `status`, `sort` and the official SDK's `license_type`
 * and `available` (`true`: hosts with a free slot now) filters.
 *
 * @since 0.3.0
 */
export const ZoomHostListUrlParams = Pagination.listUrlParams(ZoomHost, {
  status: RecordStatus,
  sort: ["email", "displayName", "maxMeetings", "createdAt", "updatedAt"],
  filters: {
    licenseType: Schema.String.annotations({ description: "Only hosts with this Zoom license" }),
    available: Schema.BooleanFromString.annotations({
      description: "Only hosts with (true) or without (false) a free slot now"
    })
  }
})

/**
 * What `ZoomHostsService.list` takes: `page` (from 1), `records` (page size), `status`, `sort`,
 * `licenseType` and `available`.
 *
 * @since 0.3.0
 */
export type ListZoomHostsParams = Pagination.ListParamsOf<typeof ZoomHostListUrlParams>
