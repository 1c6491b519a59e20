/**
 * `POST /zoom/webhooks` on the emulator, with every HMAC computed here independently with node:crypto:
 * Zoom's URL validation, signatures and timestamps refused with 401 (tenant B has no secret), the
 * meeting.started / meeting.ended events applied to the Zoom meeting, the SDK's signer and verifier,
 * and the secret absent from every answer.
 */
import { ZoomWebhookSignature } from "@blocks-crm/scheduling"
import { describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import { createHmac } from "node:crypto"
import * as TestEmulator from "../support/TestEmulator.js"
import { API_KEY_A, API_KEY_B, expectTag, raw } from "../support/TestEmulator.js"
import type { WireErrors } from "../support/TestEmulator.js"
import { connectScheduling, registerUser, unique } from "./SchedulingClient.js"

const SECRET = "whsec_test_zoom_a_4b1d"
const hmac = (key: string, text: string) => createHmac("sha256", key).update(text).digest("hex")
const nowSeconds = () => Math.floor(Date.now() / 1000)

/** A webhook request signed here, by hand, as Zoom signs it. */
const post = (body: string, options: { ts?: number; signature?: string; apiKey?: string; secret?: string } = {}) => {
  const ts = String(options.ts ?? nowSeconds())
  return raw<any>("POST", "/zoom/webhooks", {
    body,
    token: null,
    apiKey: options.apiKey ?? API_KEY_A,
    headers: {
      "x-zm-request-timestamp": ts,
      "x-zm-signature": options.signature ?? `v0=${hmac(options.secret ?? SECRET, `v0:${ts}:${body}`)}`
    }
  })
}

layer(TestEmulator.layer({ zoomWebhookSecrets: { [API_KEY_A]: Redacted.make(SECRET) } }), {
  excludeTestServices: true
})(
  "scheduling Zoom webhook on the emulator",
  (it) => {
    describe("the endpoint", () => {
      it.effect("answers endpoint.url_validation with the plain token and its HMAC", () =>
        Effect.gen(function*() {
          const body = JSON.stringify({
            event: "endpoint.url_validation",
            payload: { plainToken: "qgg8vlvZRS6UYooatFL8Aw" }
          })
          const response = yield* post(body)
          expect(response.status, response.text).toBe(200)
          expect(response.json).toEqual({
            plainToken: "qgg8vlvZRS6UYooatFL8Aw",
            encryptedToken: hmac(SECRET, "qgg8vlvZRS6UYooatFL8Aw")
          })
        }))

      it.effect("refuses with 401 a wrong signature, a changed body, a stale timestamp, missing headers, no secret", () =>
        Effect.gen(function*() {
          const body = JSON.stringify({ event: "endpoint.url_validation", payload: { plainToken: "abc" } })
          const ts = nowSeconds()
          const cases = [
            yield* post(body, { secret: "another-secret" }),
            yield* post(body, { signature: `v0=${hmac(SECRET, `v0:${ts}:${body} `)}`, ts }),
            yield* post(body, { signature: "v0=deadbeef" }),
            // Well past five minutes either way, so a slow machine cannot bring them back inside.
            yield* post(body, { ts: ts - 400 }),
            yield* post(body, { ts: ts + 400 }),
            yield* raw("POST", "/zoom/webhooks", { body, token: null }),
            // Tenant B has no secret: nothing it sends verifies.
            yield* post(body, { apiKey: API_KEY_B })
          ]
          for (const response of cases) {
            expect(response.status, response.text).toBe(401)
            expect((response.json as WireErrors).errors[0]).toMatchObject({ status: "401" })
            expect(response.text).not.toContain(SECRET)
          }
          // Inside five minutes is accepted.
          expect((yield* post(body, { ts: nowSeconds() - 240 })).status).toBe(200)
        }))

      it.effect("a signed body that is not a Zoom event is a 422", () =>
        Effect.gen(function*() {
          const response = yield* post(JSON.stringify({ payload: {} }))
          expect(response.status).toBe(422)
          const noToken = yield* post(JSON.stringify({ event: "endpoint.url_validation", payload: {} }))
          expect(noToken.status).toBe(422)
        }))

      it.effect("meeting.started and meeting.ended move the Zoom meeting's status; ended frees the host", () =>
        Effect.gen(function*() {
          const { meetings, webhook, zoom, zoomHosts } = yield* connectScheduling()
          const host = yield* zoomHosts.create({ email: `${unique("wh")}@acme.com`, maxMeetings: 50 })
          const user = yield* registerUser("Wanda")
          const start = new Date(Date.UTC(2032, 5, 1, 10))
          const meeting = yield* meetings.create({
            title: "Webhook demo",
            startTime: start,
            endTime: new Date(start.getTime() + 3_600_000)
          })
          const link = yield* zoom.create(user.id, meeting.uniqueId, {})
          expect(link.zoomStatus).toBe("waiting")

          // By hand, with Zoom's numeric id.
          const started = yield* post(JSON.stringify({
            event: "meeting.started",
            event_ts: Date.now(),
            payload: { account_id: "acc", object: { id: Number(link.zoomMeetingId), topic: "Webhook demo" } }
          }))
          expect(started.status, started.text).toBe(200)
          expect((yield* zoom.get(user.id, meeting.uniqueId)).zoomStatus).toBe("started")

          // With the SDK's signer.
          const answer = yield* webhook.send(Redacted.make(SECRET), {
            event: "meeting.ended",
            payload: { object: { id: link.zoomMeetingId! } }
          })
          expect(answer).toEqual({})
          expect((yield* zoom.get(user.id, meeting.uniqueId)).zoomStatus).toBe("ended")
          const rows = yield* zoomHosts.allocations(link.zoomHostId!)
          expect(rows.find((a) => a.zoomMeetingId === link.zoomMeetingId)?.status).toBe("released")
          expect(host.uniqueId).toBeDefined()

          // An unknown meeting is acknowledged and changes nothing.
          expect((yield* post(JSON.stringify({ event: "meeting.started", payload: { object: { id: 1 } } }))).status)
            .toBe(200)
          // The SDK's signer with the wrong secret is refused.
          expectTag(
            yield* Effect.flip(webhook.send(Redacted.make("wrong"), { event: "meeting.started", payload: {} })),
            "Unauthorized"
          )
        }))
    })

    describe("the SDK's signer and verifier", () => {
      const secret = Redacted.make(SECRET)
      const body = "{\"event\":\"meeting.started\",\"payload\":{\"object\":{\"id\":\"123\"}}}"

      it.effect("sign is v0= + hex HMAC-SHA256 of v0:{ts}:{body}; encryptToken is the token's HMAC", () =>
        Effect.gen(function*() {
          expect(yield* ZoomWebhookSignature.sign(secret, 1_700_000_000, body)).toBe(
            `v0=${hmac(SECRET, `v0:1700000000:${body}`)}`
          )
          expect(yield* ZoomWebhookSignature.encryptToken(secret, "tok")).toBe(hmac(SECRET, "tok"))
        }))

      it.effect("verify accepts Zoom's signature and refuses a changed body, a stale time or a bad header", () =>
        Effect.gen(function*() {
          const now = new Date(1_700_000_100_000)
          const signature = `v0=${hmac(SECRET, `v0:1700000000:${body}`)}`
          const ok = { secret, signature, timestamp: "1700000000", rawBody: body, now }
          yield* ZoomWebhookSignature.verify(ok)
          const reasons = []
          for (
            const input of [
              { ...ok, rawBody: body.replace("123", "124") },
              { ...ok, signature: signature.slice(0, -1) },
              { ...ok, signature: `v0=${hmac("other", `v0:1700000000:${body}`)}` },
              { ...ok, now: new Date(1_700_000_301_000) },
              { ...ok, timestamp: "soon" },
              { ...ok, signature: undefined }
            ]
          ) {
            const exit = yield* Effect.exit(ZoomWebhookSignature.verify(input))
            expect(Exit.isFailure(exit)).toBe(true)
            const error = yield* Effect.flip(ZoomWebhookSignature.verify(input))
            expect(error.message).not.toContain(SECRET)
            reasons.push(error.reason)
          }
          expect(reasons).toEqual([
            "bad_signature",
            "bad_signature",
            "bad_signature",
            "stale_timestamp",
            "bad_timestamp",
            "missing_headers"
          ])
        }))
    })
  }
)
