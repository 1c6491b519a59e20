/**
 * Sends a signed Zoom event to the API (`POST /zoom/webhooks`): for tests and for the emulator, where
 * no Zoom account calls in.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { ZoomWebhookGroup } from "../contract/ZoomWebhookGroup.js"
import { ZoomWebhookEvent } from "../models/ZoomWebhook.js"
import type { ZoomWebhookAnswer } from "../models/ZoomWebhook.js"
import { sign } from "./ZoomWebhookSignature.js"

/**
 * The Zoom webhook sender: one method, `send`.
 *
 * @since 0.1.0
 */
export interface ZoomWebhook {
  /**
   * Signs `event` with `secret` at `timestamp` (seconds; default now) and sends it. The body signed is
   * the one sent: the event encoded by its schema, as JSON.
   */
  readonly send: (
    secret: Redacted.Redacted<string>,
    event: ZoomWebhookEvent,
    timestamp?: number
  ) => Effect.Effect<ZoomWebhookAnswer, CrmError>
}

/**
 * The Zoom webhook sender as an Effect service (`ZoomWebhook`).
 *
 * @example
 * ```ts
 * import { ZoomWebhookService } from "@blocks-crm/scheduling"
 * import { Effect, Redacted } from "effect"
 *
 * const started = (zoomMeetingId: string) =>
 *   Effect.flatMap(ZoomWebhookService, (zoom) =>
 *     zoom.send(Redacted.make("whsec"), { event: "meeting.started", payload: { object: { id: zoomMeetingId } } }))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class ZoomWebhookService extends Effect.Service<ZoomWebhookService>()(
  "@blocks-crm/scheduling/ZoomWebhookService",
  {
    effect: Effect.map(ApiClient.group(ZoomWebhookGroup), (api): ZoomWebhook => {
      const check = ApiClient.checkRequest(ZoomWebhookGroup.endpoints["receive"]!, "zoomWebhook.send")
      const encode = Schema.encodeSync(ZoomWebhookEvent)
      return {
        send: (secret: Redacted.Redacted<string>, event: ZoomWebhookEvent, timestamp?: number) =>
          // The event is checked before it is encoded for its signature.
          Effect.flatMap(check({ payload: event }), () => {
            const at = String(timestamp ?? Math.floor(Date.now() / 1000))
            return Effect.flatMap(
              sign(secret, at, JSON.stringify(encode(event))),
              (signature) =>
                api.receive(
                  { headers: { "x-zm-signature": signature, "x-zm-request-timestamp": at }, payload: event },
                  "send"
                )
            )
          })
      }
    })
  }
) {}
