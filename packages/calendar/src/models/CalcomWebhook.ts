/**
 * Cal.com's booking webhooks as the API receives them at `POST /calcom/:url_id/webhook` (Cal.com's
 * camelCase wire, not the CRM's). Cal.com sends more than these fields; the rest is ignored.
 *
 * @since 0.1.0
 */
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Schema from "effect/Schema"
import { InputTimestamp } from "./BusyBlock.js"

/**
 * Someone in a booking.
 *
 * @since 0.1.0
 */
export const CalcomPerson = Schema.Struct({
  email: Fields.EmailAddress,
  name: Fields.optionalInput(Schema.String),
  timeZone: Fields.optionalInput(Schema.String)
}).annotations({ identifier: "CalcomPerson" })

/**
 * The booking an event is about. `uid` identifies it (the reference's example has none: the API then
 * recognises a booking by its title, times and attendees); a rescheduled booking names the original in
 * `rescheduleUid`.
 *
 * @since 0.1.0
 */
export const CalcomBooking = Schema.Struct({
  uid: Fields.optionalInput(Fields.NonBlankString),
  bookingId: Fields.optionalInput(Schema.Union(Schema.Number, Schema.String)),
  rescheduleUid: Fields.optionalInput(Fields.NonBlankString),
  title: Fields.optionalInput(Fields.NonBlankString),
  description: Fields.optionalInput(Schema.String),
  startTime: Fields.optionalInput(InputTimestamp),
  endTime: Fields.optionalInput(InputTimestamp),
  location: Fields.optionalInput(Schema.String),
  organizer: Fields.optionalInput(CalcomPerson),
  attendees: Fields.optionalInput(Schema.Array(CalcomPerson))
}).annotations({ identifier: "CalcomBooking" })

/**
 * One Cal.com event: `BOOKING_CREATED`, `BOOKING_RESCHEDULED`, `BOOKING_CANCELLED` (others are
 * acknowledged and ignored).
 *
 * @since 0.1.0
 */
export const CalcomWebhookEvent = Schema.Struct({
  triggerEvent: Fields.NonBlankString,
  createdAt: Fields.optionalInput(Schema.String),
  payload: CalcomBooking
}).annotations({ identifier: "CalcomWebhookEvent" })
/**
 * A decoded Cal.com event, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface CalcomWebhookEvent extends Schema.Schema.Type<typeof CalcomWebhookEvent> {}

/**
 * The answer: `{ "message": "Webhook processed successfully" }`.
 *
 * @since 0.1.0
 */
export const CalcomWebhookAnswer = Schema.Struct({ message: Schema.String }).annotations({
  identifier: "CalcomWebhookAnswer"
})
/**
 * The webhook's answer, as the client sees it.
 *
 * @since 0.1.0
 */
export interface CalcomWebhookAnswer extends Schema.Schema.Type<typeof CalcomWebhookAnswer> {}

/**
 * `X-Cal-Signature-256`: hex HMAC-SHA256 of the raw body with the company's Cal.com secret. Optional
 * here, so that a request without it reaches the check (401 when the company has a secret).
 *
 * @since 0.1.0
 */
export const CalcomWebhookHeaders = Schema.Struct({
  "x-cal-signature-256": Fields.optionalInput(Schema.String)
})
