/**
 * The scheduling package on its own: what a team that installed only `@blocks-crm/scheduling` and
 * `@blocks-crm/core-http` writes. The package README's snippets are excerpts of this file.
 *
 *   BLOCKS_API_URL=... BLOCKS_AUTH_TOKEN=... BLOCKS_API_KEY=... tsx examples/scheduling.ts
 */
import { CrmTransport } from "@blocks-crm/core-http"
import {
  EventsService,
  MeetingParticipantsService,
  MeetingsService,
  SchedulingServicesLive,
  ZoomHostsService,
  ZoomMeetingsService,
  ZoomWebhookSignature
} from "@blocks-crm/scheduling"
import { Console, Effect, Layer, Redacted } from "effect"

// Meetings: crm-block.md's "Schedule a Meeting with Zoom", with two participants.
const quarterlyReview = (userId: string, contactId: string) =>
  Effect.gen(function*() {
    const meetings = yield* MeetingsService
    const participants = yield* MeetingParticipantsService
    const zoom = yield* ZoomMeetingsService
    const review = yield* meetings.create({
      title: "Quarterly Review",
      startTime: new Date("2026-03-15T14:00:00Z"),
      endTime: new Date("2026-03-15T15:00:00Z"),
      meetingType: "virtual",
      userUniqueId: userId
    })
    yield* participants.add(review.uniqueId, { contactUniqueId: contactId, role: "attendee" })
    yield* participants.add(review.uniqueId, { email: "cfo@globex.example", name: "Globex CFO" })
    // Booked on a Zoom host free at that time (ValidationFailed, no_host_available, when none is);
    // a tenant without hosts books on the user's own Zoom account, with no host id.
    const link = yield* zoom.create(userId, review.uniqueId, { duration: 60 })
    yield* Console.log(`join ${link.joinUrl} (host ${link.zoomHostId})`)
    return review
  })

// Zoom hosts: capacity and working hours decide when a host is free.
const hosts = Effect.gen(function*() {
  const zoomHosts = yield* ZoomHostsService
  const host = yield* zoomHosts.create({
    email: "zoom1@acme.example",
    maxMeetings: 2,
    workingHoursStart: "08:00",
    workingHoursEnd: "18:00"
  })
  const { available, reason, nextAvailableAt } = yield* zoomHosts.availability(host.uniqueId, {
    startTime: new Date("2026-03-15T20:00:00Z"),
    endTime: new Date("2026-03-15T21:00:00Z")
  })
  yield* Console.log(available ? "free" : `busy (${reason}), free again at ${nextAvailableAt?.toISOString()}`)
})

// Events: confirmation → check-in → checkout; a step out of order is a 422 naming the rule.
const customerDay = (contactId: string) =>
  Effect.gen(function*() {
    const events = yield* EventsService
    const day = yield* events.create({ title: "Customer day", eventType: "customer_event" })
    yield* events.confirmContact(day.uniqueId, { contactUniqueId: contactId })
    yield* events.checkInContact(day.uniqueId, { contactUniqueId: contactId })
    const after = yield* events.addAdminNote(day.uniqueId, { note: "Room B", author: "Office" })
    yield* Console.log(`${after.confirmedCount} confirmed, ${after.checkedInCount} checked in`)
  }).pipe(
    Effect.catchTag("ValidationFailed", (e) => Console.log(e.errors.map((error) => error.detail).join("; ")))
  )

// Zoom webhooks received by your own server: check x-zm-signature before trusting the body.
const receive = (headers: Record<string, string | undefined>, rawBody: string) =>
  ZoomWebhookSignature.verify({
    secret: Redacted.make(process.env["ZOOM_WEBHOOK_SECRET"] ?? ""),
    signature: headers["x-zm-signature"],
    timestamp: headers["x-zm-request-timestamp"],
    rawBody
  })

const program = Effect.gen(function*() {
  yield* hosts
  yield* quarterlyReview("user-123", "contact-456")
  yield* customerDay("contact-456")
  yield* Effect.either(receive({}, "{}"))
})

program.pipe(
  Effect.provide(SchedulingServicesLive.pipe(Layer.provide(CrmTransport.layerFetchFromEnv()))),
  Effect.runPromise
)
