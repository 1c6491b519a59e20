/**
 * Events: list, stream, get, create, update, delete, and the attendance workflow (confirmation →
 * check-in → checkout) of contacts and employees, with notes.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { EventsGroup } from "../contract/EventsGroup.js"
import type {
  ListEventsParams,
  ContactAttendanceRequest,
  CreateEventRequest,
  EmployeeAttendanceRequest,
  Event,
  EventNoteRequest,
  UpdatedEvent,
  UpdateEventRequest
} from "../models/Event.js"

/**
 * The CRUD methods of events, plus attendance and notes. Each action answers the event with its
 * attendance and counts; a step out of order (checking in before confirming, checking out before
 * checking in, checking in twice) is `ValidationFailed` naming the rule.
 *
 * @since 0.1.0
 */
export interface Events
  extends ResourceClient.CrudClient<Event, CreateEventRequest, UpdateEventRequest, UpdatedEvent, ListEventsParams>
{
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
    /** An attendance or note action: the event's id in the path, the action's body. */
    const action = <A>(
      send: (request: { readonly path: { readonly uniqueId: string }; readonly payload: A }) => Effect.Effect<
        Event,
        CrmError
      >
    ) =>
    (eventId: string, data: A) => send({ path: { uniqueId: eventId }, payload: data })
    return {
      ...ResourceClient.crud("events", endpoints),
      confirmContact: action(endpoints.confirmContact),
      checkInContact: action(endpoints.checkInContact),
      checkOutContact: action(endpoints.checkOutContact),
      addContactNote: action(endpoints.addContactNote),
      confirmEmployee: action(endpoints.confirmEmployee),
      checkInEmployee: action(endpoints.checkInEmployee),
      checkOutEmployee: action(endpoints.checkOutEmployee),
      addAdminNote: action(endpoints.addAdminNote)
    }
  })
}) {}
