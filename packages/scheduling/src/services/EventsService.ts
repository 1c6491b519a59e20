/**
 * Events: list, stream, get, create, update, delete, and the attendance workflow (confirmation →
 * check-in → checkout) of contacts and employees, with notes.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import { ResourceId } from "@blocks-crm/core-http/Fields"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import { EventsGroup } from "../contract/EventsGroup.js"
import {
  ContactAttendanceRequest,
  CreateEventRequest,
  EmployeeAttendanceRequest,
  EventNoteRequest,
  UpdateEventRequest
} from "../models/Event.js"
import type { Event, UpdatedEvent } from "../models/Event.js"

/**
 * The CRUD methods of events, plus attendance and notes. Each action answers the event with its
 * attendance and counts; a step out of order (checking in before confirming, checking out before
 * checking in, checking in twice) is `ValidationFailed` naming the rule.
 *
 * @since 0.1.0
 */
export interface Events extends ResourceClient.CrudClient<Event, CreateEventRequest, UpdateEventRequest, UpdatedEvent> {
  readonly confirmContact: (eventId: string, data: ContactAttendanceRequest) => Effect.Effect<Event, CrmError>
  readonly checkInContact: (eventId: string, data: ContactAttendanceRequest) => Effect.Effect<Event, CrmError>
  readonly checkOutContact: (eventId: string, data: ContactAttendanceRequest) => Effect.Effect<Event, CrmError>
  /** Appends a contact note, stamped with the time. */
  readonly addContactNote: (eventId: string, data: EventNoteRequest) => Effect.Effect<Event, CrmError>
  readonly confirmEmployee: (eventId: string, data: EmployeeAttendanceRequest) => Effect.Effect<Event, CrmError>
  readonly checkInEmployee: (eventId: string, data: EmployeeAttendanceRequest) => Effect.Effect<Event, CrmError>
  readonly checkOutEmployee: (eventId: string, data: EmployeeAttendanceRequest) => Effect.Effect<Event, CrmError>
  /** Appends an admin note, stamped with the time. */
  readonly addAdminNote: (eventId: string, data: EventNoteRequest) => Effect.Effect<Event, CrmError>
}

/**
 * The CRM's events as an Effect service (`Events`). Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { EventsService } from "@blocks-crm/scheduling"
 * import { Effect } from "effect"
 *
 * const arrive = (eventId: string, contactId: string) =>
 *   Effect.flatMap(EventsService, (events) =>
 *     Effect.zipRight(
 *       events.confirmContact(eventId, { contactUniqueId: contactId }),
 *       events.checkInContact(eventId, { contactUniqueId: contactId })
 *     ))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class EventsService extends Effect.Service<EventsService>()("@blocks-crm/scheduling/EventsService", {
  effect: Effect.map(ApiClient.group(EventsGroup), (endpoints): Events => {
    const action = <A, I>(
      operation: keyof Events & string,
      schema: Schema.Schema<A, I>,
      send: (request: { readonly path: { readonly uniqueId: string }; readonly payload: A }) => Effect.Effect<
        Event,
        CrmError
      >
    ) => {
      const checkId = ApiClient.validate(ResourceId, `events.${operation}`)
      const checkData = ApiClient.validate(schema, `events.${operation}`)
      return (eventId: string, data: A) =>
        Effect.flatMap(
          Effect.all([checkId(eventId), checkData(data)]),
          ([uniqueId, payload]) => send({ path: { uniqueId }, payload })
        )
    }
    return {
      ...ResourceClient.crud("events", endpoints, { create: CreateEventRequest, update: UpdateEventRequest }),
      confirmContact: action("confirmContact", ContactAttendanceRequest, endpoints.confirmContact),
      checkInContact: action("checkInContact", ContactAttendanceRequest, endpoints.checkInContact),
      checkOutContact: action("checkOutContact", ContactAttendanceRequest, endpoints.checkOutContact),
      addContactNote: action("addContactNote", EventNoteRequest, endpoints.addContactNote),
      confirmEmployee: action("confirmEmployee", EmployeeAttendanceRequest, endpoints.confirmEmployee),
      checkInEmployee: action("checkInEmployee", EmployeeAttendanceRequest, endpoints.checkInEmployee),
      checkOutEmployee: action("checkOutEmployee", EmployeeAttendanceRequest, endpoints.checkOutEmployee),
      addAdminNote: action("addAdminNote", EventNoteRequest, endpoints.addAdminNote)
    }
  })
}) {}
