/**
 * Sends a Cal.com booking event to the API (`POST /calcom/:url_id/webhook`), signed when given the
 * company's secret: for tests and for the emulator, where no Cal.com account calls in.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { CalcomWebhookGroup } from "../contract/CalcomWebhookGroup.js"
import { CalcomWebhookEvent } from "../models/CalcomWebhook.js"
import type { CalcomWebhookAnswer } from "../models/CalcomWebhook.js"
import { sign } from "./CalcomWebhookSignature.js"

/**
 * The Cal.com webhook sender: one method, `send`.
 *
 * @since 0.1.0
 */
export interface CalcomWebhook {
  /**
   * Sends `event` to the company's webhook; with `secret` (an `Option`), signed. The body signed is the
   * one sent: the event encoded by its schema, as JSON.
   */
  readonly send: (
    companyUrlId: string,
    event: CalcomWebhookEvent,
    secret: Option.Option<Redacted.Redacted<string>>
  ) => Effect.Effect<CalcomWebhookAnswer, CrmError>
}

/**
 * The Cal.com webhook sender as an Effect service (`CalcomWebhook`).
 *
 * @example
 * ```ts
 * import { CalcomWebhookService } from "@blocks-crm/calendar"
 * import { Effect, Option, Redacted } from "effect"
 *
 * const booked = Effect.flatMap(CalcomWebhookService, (calcom) =>
 *   calcom.send("my-company", {
 *     triggerEvent: "BOOKING_CREATED",
 *     payload: {
 *       uid: "booking-1",
 *       title: "Consultation Call",
 *       startTime: new Date("2026-03-20T10:00:00Z"),
 *       endTime: new Date("2026-03-20T10:30:00Z"),
 *       attendees: [{ email: "client@example.com", name: "Client Name" }]
 *     }
 *   }, Option.some(Redacted.make("calcom-secret"))))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class CalcomWebhookService extends Effect.Service<CalcomWebhookService>()(
  "@blocks-crm/calendar/CalcomWebhookService",
  {
    effect: Effect.map(ApiClient.group(CalcomWebhookGroup), (api): CalcomWebhook => {
      const check = ApiClient.checkRequest(CalcomWebhookGroup.endpoints["receive"]!, "calcomWebhook.send")
      const encode = Schema.encodeSync(CalcomWebhookEvent)
      return {
        send: (companyUrlId: string, event: CalcomWebhookEvent, secret: Option.Option<Redacted.Redacted<string>>) => {
          const path = { urlId: companyUrlId }
          // The request is checked before the event is encoded for its signature.
          return Effect.flatMap(check({ path, payload: event }), () =>
            Effect.flatMap(
              Option.match(secret, {
                onNone: () => Effect.succeed(undefined),
                onSome: (key) => sign(key, JSON.stringify(encode(event)))
              }),
              (signature) =>
                api.receive(
                  {
                    path,
                    headers: signature === undefined ? {} : { "x-cal-signature-256": signature },
                    payload: event
                  },
                  "send"
                )
            ))
        }
      }
    })
  }
) {}
