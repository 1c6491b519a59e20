/**
 * `POST /zoom/webhooks`: the signature over the raw body is checked in constant time with the caller
 * tenant's secret (401 when it is missing or wrong, or the timestamp is more than five minutes away);
 * `endpoint.url_validation` is answered with the plain token and its HMAC; `meeting.started` and
 * `meeting.ended` set the Zoom meeting's `zoom_status` (ended also releases its host). Other events
 * and unknown meetings are acknowledged and ignored, as Zoom retries anything but a 2xx.
 */
import { Contract } from "@blocks-crm/core-http"
import { SchedulingApi, ZoomWebhookEvent } from "@blocks-crm/scheduling"
import type { ZoomWebhookAnswer } from "@blocks-crm/scheduling"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { createHmac, timingSafeEqual } from "node:crypto"
import { group, invalid, tenant, updated } from "../Resources.js"
import { openScheduling } from "./Records.js"
import { ZoomWebhookSecrets } from "./ZoomWebhookSecrets.js"

const refused = (detail: string) =>
  new Contract.UnauthorizedResponse({
    errors: [Contract.errorObject(401, "invalid_signature", "Unauthorized", detail)]
  })

const hmacHex = (secret: Redacted.Redacted<string>, text: string) =>
  createHmac("sha256", Redacted.value(secret)).update(text, "utf8").digest("hex")

/** Why the request's signature is refused, or undefined when it holds (compared in constant time). */
const signatureProblem = (
  secret: Redacted.Redacted<string>,
  signature: string | undefined,
  timestamp: string | undefined,
  rawBody: string
): string | undefined => {
  if (signature === undefined || timestamp === undefined) {
    return "x-zm-signature and x-zm-request-timestamp are required"
  }
  if (!/^\d{1,12}$/.test(timestamp)) return "x-zm-request-timestamp is not a time in seconds"
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) {
    return "x-zm-request-timestamp is more than five minutes away"
  }
  const expected = Buffer.from(`v0=${hmacHex(secret, `v0:${timestamp}:${rawBody}`)}`, "utf8")
  const given = Buffer.from(signature, "utf8")
  const same = given.length === expected.length && timingSafeEqual(given, expected)
  return same ? undefined : "x-zm-signature does not match"
}

const decodeEvent = Schema.decodeUnknownEither(Schema.parseJson(ZoomWebhookEvent))

/** The emulator's handlers for the zoom webhook endpoints. */
export const ZoomWebhookHandlers = group(
  SchedulingApi,
  "zoomWebhook",
  (handlers) =>
    Effect.gen(function*() {
      const { allocations, zoomMeetings } = yield* openScheduling
      const secrets = yield* ZoomWebhookSecrets

      const setStatus = (zoomMeetingId: string, zoomStatus: "started" | "ended") =>
        Effect.gen(function*() {
          const link = (yield* zoomMeetings.all()).find((zoom) => zoom.zoomMeetingId === zoomMeetingId)
          if (link === undefined) return
          yield* Effect.orDie(
            zoomMeetings.update(link.uniqueId, (zoom) => ({ ...zoom, zoomStatus, ...updated() }))
          )
          if (zoomStatus === "ended" && link.zoomHostId !== undefined) {
            const rows = yield* allocations.all(link.zoomHostId)
            yield* Effect.forEach(
              rows.filter((a) => a.status === "allocated" && a.zoomMeetingId === zoomMeetingId),
              (a) =>
                Effect.orDie(
                  allocations.update(
                    a.uniqueId,
                    (row) => ({ ...row, status: "released" as const, releasedAt: new Date() })
                  )
                ),
              { discard: true }
            )
          }
        })

      return handlers.handleRaw("receive", ({ headers, request }) =>
        Effect.gen(function*() {
          const secret = secrets.secretOf(yield* tenant)
          if (Option.isNone(secret)) {
            return yield* Effect.fail(refused("no Zoom webhook secret is configured for this app"))
          }
          const rawBody = yield* Effect.orDie(request.text)
          const problem = signatureProblem(
            secret.value,
            headers["x-zm-signature"],
            headers["x-zm-request-timestamp"],
            rawBody
          )
          if (problem !== undefined) return yield* Effect.fail(refused(problem))
          const decoded = decodeEvent(rawBody)
          if (decoded._tag === "Left") {
            const issue = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)[0]
            return yield* Effect.fail(
              invalid(`/${issue?.path.join("/") ?? ""}`, "invalid", issue?.message ?? "not a Zoom event")
            )
          }
          const event = decoded.right
          if (event.event === "endpoint.url_validation") {
            const plainToken = event.payload.plainToken
            if (plainToken === undefined) {
              return yield* Effect.fail(invalid("/payload/plainToken", "blank", "plainToken is required"))
            }
            const answer: ZoomWebhookAnswer = {
              plainToken,
              encryptedToken: hmacHex(secret.value, plainToken)
            }
            return answer
          }
          const id = event.payload.object?.id
          if (id !== undefined && (event.event === "meeting.started" || event.event === "meeting.ended")) {
            yield* setStatus(String(id), event.event === "meeting.started" ? "started" : "ended")
          }
          const answer: ZoomWebhookAnswer = {}
          return answer
        }))
    })
)
