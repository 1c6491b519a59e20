/**
 * `POST /calcom/:url_id/webhook` on the emulator, every HMAC computed here independently with
 * node:crypto: bookings created (attendees as participants), rescheduled and cancelled through the
 * scheduling domain's meetings, the same booking twice making one meeting, signatures required only
 * where the company has a secret (401 otherwise), the tenant found from the company, and the SDK's
 * signer and verifier.
 */
import { CalcomWebhookSignature } from "@blocks-crm/calendar"
import type { CalcomWebhookEvent } from "@blocks-crm/calendar"
import { describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { createHmac } from "node:crypto"
import * as TestEmulator from "../support/TestEmulator.js"
import { API_KEY_A, API_KEY_B, raw } from "../support/TestEmulator.js"
import type { WireErrors } from "../support/TestEmulator.js"
import { connectCalendar, registerUser, unique } from "./CalendarClient.js"

const SECRET_B = "calcom_secret_tenant_b_3c9e"
const hmac = (key: string, text: string) => createHmac("sha256", key).update(text).digest("hex")

/** A webhook request as Cal.com sends it: no bearer token, no API key unless told. */
const post = (body: string, options: { signature?: string; apiKey?: string; company?: string } = {}) =>
  raw<any>("POST", `/calcom/${options.company ?? "my-company"}/webhook`, {
    body,
    token: null,
    apiKey: options.apiKey ?? null,
    headers: options.signature === undefined ? {} : { "X-Cal-Signature-256": options.signature }
  })

interface WireMeeting {
  readonly id: string
  readonly attributes: Record<string, any>
}

/** The tenant's meetings with this title (raw, through the scheduling endpoints). */
const meetingsTitled = (title: string, apiKey = API_KEY_A) =>
  Effect.map(
    raw<{ data: ReadonlyArray<WireMeeting> }>("GET", `/meetings/?records=100&search=${encodeURIComponent(title)}`, {
      apiKey
    }),
    (response) => response.json.data.filter((m) => m.attributes["title"] === title)
  )

const booking = (triggerEvent: string, payload: Record<string, unknown>) => JSON.stringify({ triggerEvent, payload })

// Tenant B's company has a Cal.com secret; tenant A's has none. Both have the seeded `my-company`.
layer(
  TestEmulator.layer({ calcomWebhookSecrets: [{ apiKey: API_KEY_B, secret: Redacted.make(SECRET_B) }] }),
  { excludeTestServices: true }
)("calendar Cal.com webhook on the emulator", (it) => {
  describe("bookings become meetings", () => {
    it.effect("created with attendees as participants, twice is one meeting, rescheduled moves it, cancelled cancels it", () =>
      Effect.gen(function*() {
        const title = unique("Consultation Call")
        const organiser = yield* registerUser("Cal Organiser")
        const uid = unique("booking")
        const created = booking("BOOKING_CREATED", {
          uid,
          title,
          startTime: "2026-03-20T10:00:00Z",
          endTime: "2026-03-20T10:30:00Z",
          organizer: { email: organiser.email, name: organiser.name },
          attendees: [
            { email: "client@example.com", name: "Client Name" },
            { email: "second@example.com", name: "Second Client" }
          ]
        })
        // Tenant A has no secret: unsigned is accepted once the API key says which tenant.
        const first = yield* post(created, { apiKey: API_KEY_A })
        expect(first.status, first.text).toBe(200)
        expect(first.json).toEqual({ message: "Webhook processed successfully" })
        expect((yield* post(created, { apiKey: API_KEY_A })).status).toBe(200)
        const [meeting, ...more] = yield* meetingsTitled(title)
        expect(more).toEqual([])
        expect(meeting!.attributes).toMatchObject({
          start_time: "2026-03-20T10:00:00Z",
          end_time: "2026-03-20T10:30:00Z",
          user_unique_id: organiser.id,
          status: "active"
        })
        const people = yield* raw<{ data: ReadonlyArray<WireMeeting> }>("GET", `/meetings/${meeting!.id}/participants`)
        expect(people.json.data.map((p) => [p.attributes["email"], p.attributes["name"], p.attributes["role"]]))
          .toEqual([
            ["client@example.com", "Client Name", "attendee"],
            ["second@example.com", "Second Client", "attendee"]
          ])

        const newUid = unique("booking")
        const moved = booking("BOOKING_RESCHEDULED", {
          uid: newUid,
          rescheduleUid: uid,
          title,
          startTime: "2026-03-21T15:00:00Z",
          endTime: "2026-03-21T15:45:00Z"
        })
        expect((yield* post(moved, { apiKey: API_KEY_A })).status).toBe(200)
        expect((yield* post(moved, { apiKey: API_KEY_A })).status).toBe(200)
        const [rescheduled, ...again] = yield* meetingsTitled(title)
        expect(again).toEqual([])
        expect(rescheduled!.id).toBe(meeting!.id)
        expect(rescheduled!.attributes).toMatchObject({
          start_time: "2026-03-21T15:00:00Z",
          end_time: "2026-03-21T15:45:00Z"
        })

        // Cancelled by the new uid (Cal.com names the booking as it now is).
        expect((yield* post(booking("BOOKING_CANCELLED", { uid: newUid }), { apiKey: API_KEY_A })).status).toBe(200)
        const [cancelled] = yield* meetingsTitled(title)
        expect(cancelled!.attributes).toMatchObject({ status: "inactive", payload: { calcom_status: "cancelled" } })
        // Other events are acknowledged and change nothing.
        expect((yield* post(booking("MEETING_ENDED", { uid: newUid }), { apiKey: API_KEY_A })).json).toEqual({
          message: "Webhook processed successfully"
        })
        expect((yield* meetingsTitled(title)).length).toBe(1)
      }))

    it.effect("a booking without a uid is recognised by what it is; a broken booking is a 422", () =>
      Effect.gen(function*() {
        const title = unique("No uid")
        const body = booking("BOOKING_CREATED", {
          title,
          startTime: "2026-04-01T09:00:00Z",
          endTime: "2026-04-01T09:30:00Z",
          attendees: [{ email: "x@example.com" }]
        })
        expect((yield* post(body, { apiKey: API_KEY_A })).status).toBe(200)
        expect((yield* post(body, { apiKey: API_KEY_A })).status).toBe(200)
        expect((yield* meetingsTitled(title)).length).toBe(1)
        const cases: ReadonlyArray<readonly [string, string]> = [
          [booking("BOOKING_CREATED", { title, startTime: "2026-04-01T10:00:00Z" }), "/payload/endTime"],
          [
            booking("BOOKING_CREATED", { title, startTime: "2026-04-01T10:00:00Z", endTime: "2026-04-01T09:00:00Z" }),
            "/payload/endTime"
          ],
          [
            booking("BOOKING_CREATED", { startTime: "2026-04-01T10:00:00Z", endTime: "2026-04-01T11:00:00Z" }),
            "/payload/title"
          ],
          [
            booking("BOOKING_CREATED", { title, attendees: [{ email: "not-an-address" }] }),
            "/payload/attendees/0/email"
          ],
          [JSON.stringify({ payload: {} }), "/triggerEvent"]
        ]
        for (const [body, pointer] of cases) {
          const response = yield* post(body, { apiKey: API_KEY_A })
          expect(response.status, body).toBe(422)
          expect((response.json as WireErrors).errors[0]?.source?.pointer, body).toBe(pointer)
        }
      }))
  })

  describe("signatures and tenants", () => {
    it.effect("the company with a secret needs X-Cal-Signature-256 of the raw body (401 otherwise)", () =>
      Effect.gen(function*() {
        const title = unique("Signed booking")
        const body = booking("BOOKING_CREATED", {
          uid: unique("signed"),
          title,
          startTime: "2026-05-01T10:00:00Z",
          endTime: "2026-05-01T11:00:00Z"
        })
        const refused = [
          yield* post(body, { apiKey: API_KEY_B }),
          yield* post(body, { apiKey: API_KEY_B, signature: hmac("another-secret", body) }),
          yield* post(body, { apiKey: API_KEY_B, signature: hmac(SECRET_B, `${body} `) }),
          yield* post(body, { apiKey: API_KEY_B, signature: "deadbeef" })
        ]
        for (const response of refused) {
          expect(response.status, response.text).toBe(401)
          expect((response.json as WireErrors).errors[0]).toMatchObject({ status: "401" })
          expect(response.text).not.toContain(SECRET_B)
        }
        expect(yield* meetingsTitled(title, API_KEY_B)).toEqual([])
        const accepted = yield* post(body, { apiKey: API_KEY_B, signature: hmac(SECRET_B, body) })
        expect(accepted.status, accepted.text).toBe(200)
        expect((yield* meetingsTitled(title, API_KEY_B)).length).toBe(1)
        expect(yield* meetingsTitled(title, API_KEY_A)).toEqual([])
      }))

    it.effect("without credentials the tenant comes from the company: the signature picks it, or 409 when several are open", () =>
      Effect.gen(function*() {
        const title = unique("Found by signature")
        const body = booking("BOOKING_CREATED", {
          uid: unique("by-signature"),
          title,
          startTime: "2026-05-02T10:00:00Z",
          endTime: "2026-05-02T11:00:00Z"
        })
        // Signed with B's secret: B's company, though A's `my-company` is open too.
        expect((yield* post(body, { signature: hmac(SECRET_B, body) })).status).toBe(200)
        expect((yield* meetingsTitled(title, API_KEY_B)).length).toBe(1)
        expect(yield* meetingsTitled(title, API_KEY_A)).toEqual([])
        // Unsigned: only A's company is open, so it is A's.
        const open = booking("BOOKING_CREATED", {
          uid: unique("open"),
          title: `${title} open`,
          startTime: "2026-05-02T10:00:00Z",
          endTime: "2026-05-02T11:00:00Z"
        })
        expect((yield* post(open)).status).toBe(200)
        expect((yield* meetingsTitled(`${title} open`, API_KEY_A)).length).toBe(1)
        // A company no tenant has is a 404.
        const missing = yield* post(open, { company: "no-such-company" })
        expect(missing.status).toBe(404)
        expect((missing.json as WireErrors).errors[0]?.code).toBe("not_found")
      }))

    it.effect("the SDK signs what it sends, and its verifier agrees with node:crypto", () =>
      Effect.gen(function*() {
        const { calcom } = yield* connectCalendar(API_KEY_B)
        const title = unique("Sent by the SDK")
        const event: CalcomWebhookEvent = {
          triggerEvent: "BOOKING_CREATED",
          payload: {
            uid: unique("sdk"),
            title,
            startTime: new Date("2026-06-01T08:00:00Z"),
            endTime: new Date("2026-06-01T08:30:00Z"),
            attendees: [{ email: "client@example.com", name: "Client Name" }]
          }
        }
        expect(yield* calcom.send("my-company", event, Option.some(Redacted.make(SECRET_B)))).toEqual({
          message: "Webhook processed successfully"
        })
        expect((yield* meetingsTitled(title, API_KEY_B)).length).toBe(1)
        // The SDK sends a webhook as Cal.com does, with no credentials (the contract marks it Contract.Public): the
        // secret's signature is what named tenant B. Unsigned, only the open tenant A takes the booking
        // (tenant B's 401 for an unsigned call naming it is tested above, over raw HTTP).
        const openTitle = unique("Unsigned")
        const unsigned = { ...event, payload: { ...event.payload, uid: unique("open"), title: openTitle } }
        expect(yield* calcom.send("my-company", unsigned, Option.none())).toEqual({
          message: "Webhook processed successfully"
        })
        expect((yield* meetingsTitled(openTitle, API_KEY_A)).length).toBe(1)
        expect((yield* meetingsTitled(openTitle, API_KEY_B)).length).toBe(0)

        const rawBody = "{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":{}}"
        const secret = Redacted.make(SECRET_B)
        expect(yield* CalcomWebhookSignature.sign(secret, rawBody)).toBe(hmac(SECRET_B, rawBody))
        yield* CalcomWebhookSignature.verify({ secret, signature: hmac(SECRET_B, rawBody), rawBody })
        for (const signature of [undefined, "", "zz", hmac("other", rawBody), hmac(SECRET_B, `${rawBody}x`)]) {
          const exit = yield* Effect.exit(CalcomWebhookSignature.verify({ secret, signature, rawBody }))
          expect(Exit.isFailure(exit), String(signature)).toBe(true)
          if (Exit.isFailure(exit)) expect(String(exit.cause)).not.toContain(SECRET_B)
        }
      }))
  })
})

// Two tenants, neither with a secret, and no credentials: the company does not say whose it is.
layer(TestEmulator.layer({ calcomWebhookSecrets: [] }), { excludeTestServices: true })(
  "calendar Cal.com webhook with two open tenants",
  (it) => {
    it.effect("an unsigned call without an API key is a 409 naming the way out; with the AppId it goes through", () =>
      Effect.gen(function*() {
        const body = booking("BOOKING_CREATED", {
          uid: unique("ambiguous"),
          title: "Ambiguous",
          startTime: "2026-05-03T10:00:00Z",
          endTime: "2026-05-03T11:00:00Z"
        })
        const response = yield* post(body)
        expect(response.status, response.text).toBe(409)
        expect((response.json as WireErrors).errors[0]?.detail).toContain("AppId")
        expect((yield* post(body, { apiKey: API_KEY_A })).status).toBe(200)
        expect((yield* meetingsTitled("Ambiguous", API_KEY_A)).length).toBe(1)
        expect(yield* meetingsTitled("Ambiguous", API_KEY_B)).toEqual([])
      }))
  }
)
