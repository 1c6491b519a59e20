/**
 * Zoom's webhook events as the API receives them at `POST /zoom/webhooks` (Zoom's wire, not the CRM's:
 * `plainToken` is Zoom's spelling), and the answer to Zoom's URL validation.
 *
 * @since 0.1.0
 */
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Schema from "effect/Schema"

/**
 * The meeting an event is about (the fields the API reads; Zoom sends more, which are ignored).
 *
 * @since 0.1.0
 */
export const ZoomWebhookObject = Schema.Struct({
  // Zoom's meeting id: a number in older payloads, a string in newer ones.
  id: Fields.optionalInput(Schema.Union(Schema.String, Schema.Number)),
  uuid: Fields.optionalInput(Schema.String),
  topic: Fields.optionalInput(Schema.String),
  hostId: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("host_id")),
  startTime: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("start_time")),
  endTime: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("end_time"))
}).annotations({ identifier: "ZoomWebhookObject" })

/**
 * One Zoom event: `endpoint.url_validation` (with `payload.plainToken`), `meeting.started`,
 * `meeting.ended` (with `payload.object.id`), or any other Zoom sends.
 *
 * @since 0.1.0
 */
export const ZoomWebhookEvent = Schema.Struct({
  event: Fields.NonBlankString,
  eventTs: Fields.optionalInput(Schema.Number).pipe(Schema.fromKey("event_ts")),
  payload: Schema.Struct({
    plainToken: Fields.optionalInput(Schema.String),
    accountId: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("account_id")),
    object: Fields.optionalInput(ZoomWebhookObject)
  })
}).annotations({ identifier: "ZoomWebhookEvent" })
/**
 * The decoded `ZoomWebhookEvent`, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface ZoomWebhookEvent extends Schema.Schema.Type<typeof ZoomWebhookEvent> {}

/**
 * The answer: `{ plainToken, encryptedToken }` to a URL validation (the hex HMAC-SHA256 of the token
 * with the secret), `{}` to any other event.
 *
 * @since 0.1.0
 */
export const ZoomWebhookAnswer = Schema.Struct({
  plainToken: Fields.optionalInput(Schema.String),
  encryptedToken: Fields.optionalInput(Schema.String)
}).annotations({ identifier: "ZoomWebhookAnswer" })
/**
 * The decoded `ZoomWebhookAnswer`, as the client sees it (camelCase).
 *
 * @since 0.1.0
 */
export interface ZoomWebhookAnswer extends Schema.Schema.Type<typeof ZoomWebhookAnswer> {}

/**
 * The two headers Zoom signs with: `x-zm-signature` (`v0=` + hex HMAC-SHA256) and
 * `x-zm-request-timestamp` (seconds since the epoch). Optional here so that a request without them
 * reaches the check and is a 401, not a 400.
 *
 * @since 0.1.0
 */
export const ZoomWebhookHeaders = Schema.Struct({
  "x-zm-signature": Fields.optionalInput(Schema.String),
  "x-zm-request-timestamp": Fields.optionalInput(Schema.String)
})
