/**
 * Cal.com's booking webhook.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import * as Effect from "effect/Effect"
import { CalcomWebhookAnswer, CalcomWebhookEvent, CalcomWebhookHeaders } from "../models/CalcomWebhook.js"
import { sign } from "../services/CalcomWebhookSignature.js"

const urlId = HttpApiSchema.param("urlId", Fields.ResourceId)

/**
 * `POST /calcom/:url_id/webhook`, no bearer token: the company's url id says whose bookings these are.
 * When the company has a Cal.com secret, `X-Cal-Signature-256` (hex HMAC-SHA256 of the raw body) is
 * required (401 otherwise).
 *
 * @since 0.1.0
 */
export class CalcomWebhookGroup extends HttpApiGroup.make("calcomWebhook")
  .add(
    HttpApiEndpoint.post("receive")`/calcom/${urlId}/webhook`
      .setHeaders(CalcomWebhookHeaders)
      .setPayload(CalcomWebhookEvent)
      .addSuccess(CalcomWebhookAnswer)
      .addError(Contract.UnauthorizedResponse.wire)
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ConflictResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(
        OpenApi.Summary,
        "Cal.com bookings become meetings (created, rescheduled, cancelled); signed when the company has a secret"
      )
      .annotate(Contract.SignedRequest, {
        secretName: "calcom-secret",
        sign: (secret, rawBody) =>
          Effect.map(sign(secret, rawBody), (signature) => ({ "x-cal-signature-256": signature }))
      })
  )
  .annotate(OpenApi.Description, "Cal.com webhook")
  .annotate(Contract.CliGroup, { path: ["calcom-webhook"], noun: "Cal.com event" })
  .annotate(Contract.Public, true)
{}
