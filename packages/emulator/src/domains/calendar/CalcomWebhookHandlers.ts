/**
 * `POST /calcom/:url_id/webhook`, with no bearer token. The tenant is the one whose company has this url
 * id. Every tenant of the emulator has the seeded `my-company`, so when several do, the caller's API key
 * (if it sends one) or the company whose secret verifies the signature says which; without either the
 * answer is 409. When the company has a Cal.com secret, `X-Cal-Signature-256` (hex HMAC-SHA256 of the
 * raw body) must match, compared in constant time (401 otherwise).
 *
 * BOOKING_CREATED makes a meeting (through the scheduling domain's collections and `Meeting` model)
 * with the attendees as participants; BOOKING_RESCHEDULED moves it; BOOKING_CANCELLED cancels it. A
 * booking is known by its `uid` (or `bookingId`, or else its title, times and attendees), so the same
 * booking delivered twice makes one meeting. Other events are acknowledged and ignored.
 */
import { CalcomWebhookEvent, CalendarApi } from "@blocks-crm/calendar"
import type { Meeting, MeetingParticipant } from "@blocks-crm/scheduling"
import { Contract } from "@blocks-crm/core-http"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { createHash, createHmac, timingSafeEqual } from "node:crypto"
import * as Credentials from "../../Credentials.js"
import { conflict, created, group, invalid, updated } from "../Resources.js"
import { CalcomSecrets } from "./CalcomSecrets.js"
import { asTenant, tenantsWithCompany } from "./Records.js"
import { Directory } from "../../Directory.js"

const answer = { message: "Webhook processed successfully" }

/** Whether a meeting was cancelled through Cal.com (it stays, marked, for the feed and the history). */
export const isCancelled = (meeting: Meeting) => meeting.payload?.["calcom_status"] === "cancelled"

const refused = (detail: string) =>
  new Contract.UnauthorizedResponse({
    errors: [Contract.errorObject(401, "invalid_signature", "Unauthorized", detail)]
  })

const companyNotFound = new Contract.NotFoundResponse({
  errors: [Contract.errorObject(404, "not_found", "Company Not Found", "The requested company could not be found.")]
})

/** Whether `signature` is the hex HMAC-SHA256 of the body with `secret` (constant time). */
const signatureHolds = (secret: Redacted.Redacted<string>, signature: string | undefined, rawBody: string) => {
  if (signature === undefined || !/^[0-9a-fA-F]{64}$/.test(signature.trim())) return false
  const expected = createHmac("sha256", Redacted.value(secret)).update(rawBody, "utf8").digest()
  return timingSafeEqual(Buffer.from(signature.trim(), "hex"), expected)
}

const decodeEvent = Schema.decodeUnknownEither(Schema.parseJson(CalcomWebhookEvent))

type Booking = CalcomWebhookEvent["payload"]

/** The keys a booking is known by: its uid, else its booking id, else what it is. */
const bookingKey = (booking: Booking): string =>
  booking.uid ??
    (booking.bookingId !== undefined
      ? `booking:${booking.bookingId}`
      : `fingerprint:${
        createHash("sha256").update(JSON.stringify([
          booking.title ?? "",
          booking.startTime?.toISOString() ?? "",
          booking.endTime?.toISOString() ?? "",
          (booking.attendees ?? []).map((a) => a.email.toLowerCase()).sort()
        ])).digest("hex").slice(0, 32)
      }`)

const keysOf = (meeting: Meeting): ReadonlyArray<string> => {
  const keys = meeting.payload?.["calcom_bookings"]
  return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === "string") : []
}

/** The booking's times, both required and in order (422 on the attribute otherwise). */
const timesOf = (booking: Booking) => {
  if (booking.startTime === undefined) {
    return Effect.fail(invalid("/payload/startTime", "required", "startTime is required"))
  }
  if (booking.endTime === undefined) return Effect.fail(invalid("/payload/endTime", "required", "endTime is required"))
  if (booking.startTime.getTime() >= booking.endTime.getTime()) {
    return Effect.fail(invalid("/payload/endTime", "invalid_range", "endTime must be after startTime"))
  }
  return Effect.succeed({ startTime: booking.startTime, endTime: booking.endTime })
}

/** The emulator's handlers for the calcom webhook endpoints. */
export const CalcomWebhookHandlers = group(
  CalendarApi,
  "calcomWebhook",
  (handlers) =>
    Effect.gen(function*() {
      const directory = yield* Directory
      const { meetings, participants, users } = directory
      const secrets = yield* CalcomSecrets

      const findMeeting = (keys: ReadonlyArray<string>) =>
        Effect.map(meetings.all(), (all) => all.find((meeting) => keysOf(meeting).some((k) => keys.includes(k))))

      const create = (booking: Booking, key: string) =>
        Effect.gen(function*() {
          if (booking.title === undefined) {
            return yield* Effect.fail(invalid("/payload/title", "required", "title is required"))
          }
          const times = yield* timesOf(booking)
          const organizerEmail = booking.organizer?.email.toLowerCase()
          const organiser = organizerEmail === undefined
            ? undefined
            : (yield* users.all()).find((user) => user.email.toLowerCase() === organizerEmail)
          const now = new Date()
          const meeting: Meeting = {
            ...created(now),
            title: booking.title,
            ...times,
            meetingType: "calcom",
            ...(booking.description === undefined ? {} : { description: booking.description }),
            ...(booking.location === undefined ? {} : { meetingLocation: booking.location }),
            ...(organiser === undefined
              ? {}
              : {
                userUniqueId: organiser.uniqueId,
                userEmail: organiser.email,
                ...(organiser.name === undefined ? {} : { userName: organiser.name })
              }),
            payload: { source: "calcom", calcom_bookings: [key] },
            status: "active",
            enabled: true
          }
          yield* meetings.insert(meeting)
          const seen = new Set<string>()
          for (const attendee of booking.attendees ?? []) {
            const email = attendee.email.toLowerCase()
            if (seen.has(email)) continue
            seen.add(email)
            const participant: MeetingParticipant = {
              ...created(now),
              meetingUniqueId: meeting.uniqueId,
              email: attendee.email,
              ...(attendee.name === undefined ? {} : { name: attendee.name }),
              role: "attendee",
              status: "active",
              enabled: true
            }
            yield* participants.insert(participant, { parentId: meeting.uniqueId })
          }
        })

      const apply = (event: CalcomWebhookEvent) =>
        Effect.gen(function*() {
          const booking = event.payload
          const key = bookingKey(booking)
          switch (event.triggerEvent) {
            case "BOOKING_CREATED": {
              if ((yield* findMeeting([key])) === undefined) yield* create(booking, key)
              return
            }
            case "BOOKING_RESCHEDULED": {
              const times = yield* timesOf(booking)
              const found = yield* findMeeting([
                key,
                ...(booking.rescheduleUid === undefined ? [] : [booking.rescheduleUid])
              ])
              if (found === undefined) return yield* create(booking, key)
              yield* meetings.update(found.uniqueId, (meeting) => ({
                ...meeting,
                ...times,
                ...(booking.title === undefined ? {} : { title: booking.title }),
                payload: {
                  ...meeting.payload,
                  calcom_status: "rescheduled",
                  calcom_bookings: [...new Set([...keysOf(meeting), key])]
                },
                status: "active",
                ...updated()
              }))
              return
            }
            case "BOOKING_CANCELLED": {
              const found = yield* findMeeting([key])
              if (found === undefined) return
              yield* meetings.update(found.uniqueId, (meeting) => ({
                ...meeting,
                payload: { ...meeting.payload, calcom_status: "cancelled" },
                status: "inactive",
                ...updated()
              }))
              return
            }
            default:
              return
          }
        })

      return handlers.handleRaw("receive", ({ headers, path, request }) =>
        Effect.gen(function*() {
          const caller = yield* Credentials.caller
          const candidates = (yield* tenantsWithCompany(path.urlId)).filter((tenantId) =>
            caller.tenantId === undefined || tenantId === caller.tenantId
          )
          if (candidates.length === 0) return yield* Effect.fail(companyNotFound)
          const rawBody = yield* Effect.orDie(request.text)
          const signature = headers["x-cal-signature-256"]
          const signed = candidates.filter((tenantId) =>
            Option.match(secrets.secretOf(tenantId, path.urlId), {
              onNone: () => false,
              onSome: (secret) => signatureHolds(secret, signature, rawBody)
            })
          )
          const open = candidates.filter((tenantId) => Option.isNone(secrets.secretOf(tenantId, path.urlId)))
          if (signed.length === 0 && open.length === 0) {
            return yield* Effect.fail(
              refused(
                signature === undefined ? "X-Cal-Signature-256 is required" : "X-Cal-Signature-256 does not match"
              )
            )
          }
          if (signed.length === 0 && open.length > 1) {
            return yield* Effect.fail(
              conflict(
                "ambiguous_company",
                "Ambiguous Company",
                `${open.length} tenants of this emulator have company ${path.urlId}: send the AppId header, or configure a Cal.com secret and sign the body`
              )
            )
          }
          const tenantId = signed[0] ?? open[0]!
          const decoded = decodeEvent(rawBody)
          if (decoded._tag === "Left") {
            const issue = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)[0]
            return yield* Effect.fail(
              invalid(`/${issue?.path.join("/") ?? ""}`, "invalid", issue?.message ?? "not a Cal.com event")
            )
          }
          yield* directory.seededCompany(tenantId)
          yield* asTenant(tenantId)(apply(decoded.right))
          return answer
        }))
    })
)
