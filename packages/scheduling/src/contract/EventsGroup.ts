/**
 * The events endpoints: CRUD and the attendance workflow of contacts and employees.
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
import * as Schema from "effect/Schema"
import {
  ContactAttendanceRequest,
  CreateEventRequest,
  EmployeeAttendanceRequest,
  EventListUrlParams,
  EventNoteRequest,
  EventResource,
  UpdateEventRequest,
  UpdatedEventResource
} from "../models/Event.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/** One page of events. @since 0.1.0 */
export const EventList = JsonApi.listDocument(EventResource)
/** One event. @since 0.1.0 */
export const EventDocument = JsonApi.document(EventResource)

const IdPath = Schema.Struct({ uniqueId: Fields.ResourceId })

/** `PUT /events/:unique_id/<path>`: an attendance action or a note, answering the event. */
const action = <const Name extends string, A, I>(
  name: Name,
  path: string,
  payload: Schema.Schema<A, I>,
  summary: string
) =>
  HttpApiEndpoint.put(name, `/events/:uniqueId/${path}`)
    .setPath(IdPath)
    .setPayload(JsonApi.wrapped("event", payload))
    .addSuccess(EventDocument)
    .addError(Contract.NotFoundResponse.wire)
    .addError(Contract.ValidationFailedResponse.wire)
    .annotate(OpenApi.Summary, summary)

/**
 * `GET /events/`, `POST /events/`, `PUT /events/:unique_id`, `DELETE /events/:unique_id`, the attendance
 * actions `PUT /events/:unique_id/{contacts,employees}/{confirmation,checking,checkout}` and the notes
 * `PUT /events/:unique_id/contacts/notes`, `PUT /events/:unique_id/admin/notes` (crm-block.md). `GET
 * /events/:unique_id` is the official SDK's extra (crm-block.md lists none).
 *
 * @since 0.1.0
 */
export class EventsGroup extends HttpApiGroup.make("events")
  .add(
    HttpApiEndpoint.get("list", "/events/")
      .setUrlParams(EventListUrlParams)
      .addSuccess(EventList)
      .annotate(OpenApi.Summary, "List events a page at a time")
  )
  .add(
    HttpApiEndpoint.get("get")`/events/${uniqueId}`
      .addSuccess(EventDocument)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "One event (the official SDK's extra)")
  )
  .add(
    HttpApiEndpoint.post("create", "/events/")
      .setPayload(JsonApi.wrapped("event", CreateEventRequest))
      .addSuccess(EventDocument, { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/events/${uniqueId}`
      .setPayload(JsonApi.wrapped("event", UpdateEventRequest))
      .addSuccess(JsonApi.document(UpdatedEventResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/events/${uniqueId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(action("confirmContact", "contacts/confirmation", ContactAttendanceRequest, "A contact confirms"))
  .add(action("checkInContact", "contacts/checking", ContactAttendanceRequest, "A confirmed contact checks in (once)"))
  .add(action("checkOutContact", "contacts/checkout", ContactAttendanceRequest, "A checked-in contact checks out"))
  .add(action("addContactNote", "contacts/notes", EventNoteRequest, "Append a contact note (time stamped)"))
  .add(action("confirmEmployee", "employees/confirmation", EmployeeAttendanceRequest, "An employee confirms"))
  .add(action("checkInEmployee", "employees/checking", EmployeeAttendanceRequest, "A confirmed employee checks in"))
  .add(action("checkOutEmployee", "employees/checkout", EmployeeAttendanceRequest, "An employee checks out"))
  .add(action("addAdminNote", "admin/notes", EventNoteRequest, "Append an admin note (time stamped)"))
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Events and attendance (confirmation → check-in → checkout)")
{}
