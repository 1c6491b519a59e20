/**
 * `POST /zoom/webhooks`: Zoom's events, signed with the tenant's webhook secret.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as OpenApi from "@effect/platform/OpenApi"
import * as Effect from "effect/Effect"
import { ZoomWebhookAnswer, ZoomWebhookEvent, ZoomWebhookHeaders } from "../models/ZoomWebhook.js"
import { sign } from "../services/ZoomWebhookSignature.js"

/**
 * The webhook endpoint. The signature is the permission: no bearer token, only the tenant's `AppId`
 * (which tenant's secret to check against). 401 on a missing or bad signature or a timestamp more than
 * five minutes away.
 *
 * @since 0.1.0
 */
export class ZoomWebhookGroup extends HttpApiGroup.make("zoomWebhook")
  .add(
    HttpApiEndpoint.post("receive", "/zoom/webhooks")
      .setHeaders(ZoomWebhookHeaders)
      .setPayload(ZoomWebhookEvent)
      .addSuccess(ZoomWebhookAnswer)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(
        OpenApi.Summary,
        "Zoom's events (x-zm-signature = v0= + hex HMAC-SHA256 of v0:{timestamp}:{body}); URL validation answered"
      )
      .annotate(Contract.SignedRequest, {
        secretName: "zoom-secret",
        sign: (secret, rawBody) => {
          const timestamp = String(Math.floor(Date.now() / 1000))
          return Effect.map(
            sign(secret, timestamp, rawBody),
            (signature) => ({ "x-zm-signature": signature, "x-zm-request-timestamp": timestamp })
          )
        }
      })
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .annotate(OpenApi.Description, "Zoom webhooks")
  .annotate(Contract.CliGroup, { path: ["zoom-webhook"], noun: "Zoom event" })
{}
