/**
 * The other scheduling wire documents decode into their models (participants, events with attendance,
 * Zoom hosts, links, availability), a missing required attribute fails with its path, and requests are
 * validated and encoded to the wire. The reference shows no response bodies for these resources: the
 * documents use the official SDK's attribute names and this package's assumed ones.
 */
import {
  AddParticipantRequest,
  ContactAttendanceRequest,
  CreateZoomHostRequest,
  CreateZoomMeetingRequest,
  EventDocument,
  MeetingParticipantResource,
  ZoomHostAvailabilityResource,
  ZoomHostDocument,
  ZoomMeetingDocument,
  ZoomWebhookEvent
} from "@blocks-crm/scheduling"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

const at = "2026-03-15T14:00:00Z"

describe("scheduling models decode", () => {
  it("participants: a plain data array; null optionals left out", () => {
    const decoded = Schema.decodeUnknownSync(JsonApi.collection(MeetingParticipantResource))({
      data: [{
        id: "p-1",
        type: "meeting_participant",
        attributes: {
          unique_id: "p-1",
          meeting_unique_id: "m-1",
          contact_unique_id: "c-1",
          email: "jane@acme.com",
          rsvp_status: null,
          status: "active",
          enabled: true,
          created_at: at
        }
      }]
    })
    expect(decoded).toStrictEqual([{
      uniqueId: "p-1",
      meetingUniqueId: "m-1",
      contactUniqueId: "c-1",
      email: "jane@acme.com",
      status: "active",
      enabled: true,
      createdAt: new Date(at)
    }])
  })

  it("an event with its attendance, notes and counts", () => {
    const event = Schema.decodeUnknownSync(EventDocument)({
      data: {
        id: "e-1",
        type: "contact_event",
        attributes: {
          unique_id: "e-1",
          title: "Customer day",
          attendance: [{
            kind: "contact",
            person_unique_id: "c-1",
            state: "checked_in",
            confirmed_at: at,
            checked_in_at: "2026-03-15T14:05:00Z"
          }],
          admin_notes: [{ note: "Room B", author: "Office", created_at: at }],
          confirmed_count: 1,
          checked_in_count: 1,
          checked_out_count: 0,
          status: "active",
          enabled: true,
          created_at: at
        }
      }
    })
    expect(event.attendance?.[0]).toStrictEqual({
      kind: "contact",
      personUniqueId: "c-1",
      state: "checked_in",
      confirmedAt: new Date(at),
      checkedInAt: new Date("2026-03-15T14:05:00Z")
    })
    expect(event.adminNotes).toStrictEqual([{ note: "Room B", author: "Office", createdAt: new Date(at) }])
    expect([event.confirmedCount, event.checkedInCount, event.checkedOutCount]).toEqual([1, 1, 0])
    const withState = (state: unknown) =>
      Schema.decodeUnknownEither(EventDocument)({
        data: {
          id: "e-1",
          type: "contact_event",
          attributes: {
            unique_id: "e-1",
            attendance: [{ kind: "contact", person_unique_id: "c", state, confirmed_at: at }],
            status: "active",
            enabled: true,
            created_at: at
          }
        }
      })
    // A state this SDK does not know (a newer API's) is kept as sent; one that is not a string fails.
    expect(Either.getOrThrow(withState("arrived")).attendance?.[0]?.state).toBe("arrived")
    const wrongState = withState(["arrived"])
    expect(Either.isLeft(wrongState)).toBe(true)
    if (Either.isLeft(wrongState)) expect(wrongState.left.message).toContain("state")
  })

  it("a Zoom host, a Zoom link and a host's availability", () => {
    const host = Schema.decodeUnknownSync(ZoomHostDocument)({
      data: {
        id: "h-1",
        type: "zoom_host",
        attributes: {
          unique_id: "h-1",
          email: "zoom@acme.com",
          max_meetings: 2,
          current_meetings: 1,
          working_hours_start: "08:00",
          working_hours_end: "18:00",
          status: "active",
          enabled: true,
          created_at: at
        }
      }
    })
    expect(host).toMatchObject({ maxMeetings: 2, currentMeetings: 1, workingHoursStart: "08:00" })
    const zoom = Schema.decodeUnknownSync(ZoomMeetingDocument)({
      data: {
        id: "z-1",
        type: "zoom_meeting",
        attributes: {
          unique_id: "z-1",
          meeting_unique_id: "m-1",
          user_unique_id: "u-1",
          zoom_meeting_id: "81234567890",
          join_url: "https://zoom.us/j/81234567890?pwd=abc",
          password: "abc",
          duration: 60,
          start_time: at,
          status: "active",
          enabled: true,
          created_at: at
        }
      }
    })
    expect(zoom).toMatchObject({ zoomMeetingId: "81234567890", duration: 60, startTime: new Date(at) })
    const missing = Schema.decodeUnknownEither(ZoomMeetingDocument)({
      data: {
        id: "z",
        type: "zoom_meeting",
        attributes: { unique_id: "z", status: "active", enabled: true, created_at: at }
      }
    })
    expect(Either.isLeft(missing) && missing.left.message.includes("meeting_unique_id")).toBe(true)
    const availability = Schema.decodeUnknownSync(JsonApi.document(ZoomHostAvailabilityResource))({
      data: {
        id: "h-1",
        type: "zoom_host_availability",
        attributes: {
          host_unique_id: "h-1",
          available: false,
          current_meetings: 2,
          max_meetings: 2,
          next_available_at: "2026-03-15T15:00:00Z",
          reason: "at_capacity"
        }
      }
    })
    expect(availability.nextAvailableAt).toEqual(new Date("2026-03-15T15:00:00Z"))
  })
})

describe("scheduling requests", () => {
  it("crm-block.md's Zoom body encodes to { duration: 60 } under the zoom wrapper", () => {
    expect(Schema.encodeSync(JsonApi.wrapped("zoom", CreateZoomMeetingRequest))({ duration: 60 })).toStrictEqual({
      zoom: { duration: 60 }
    })
    expect(Either.isLeft(Schema.decodeUnknownEither(CreateZoomMeetingRequest)({ duration: 0 }))).toBe(true)
  })

  it("a participant is exactly one of contact, user or e-mail", () => {
    const decode = Schema.decodeUnknownEither(AddParticipantRequest)
    expect(Either.isRight(decode({ contact_unique_id: "c-1" }))).toBe(true)
    expect(Either.isRight(decode({ email: "a@b.co", name: "A" }))).toBe(true)
    expect(Either.isLeft(decode({}))).toBe(true)
    expect(Either.isLeft(decode({ contact_unique_id: "c-1", user_unique_id: "u-1" }))).toBe(true)
  })

  it("attendance names the person; hosts' working hours are HH:MM in order; Zoom events keep Zoom's names", () => {
    expect(Schema.encodeSync(ContactAttendanceRequest)({ contactUniqueId: "c-1", contactApproved: true }))
      .toStrictEqual({
        contact_unique_id: "c-1",
        contact_approved: true
      })
    const host = Schema.decodeUnknownEither(CreateZoomHostRequest)
    expect(Either.isRight(host({ email: "z@acme.com", working_hours_start: "08:00", working_hours_end: "18:00" })))
      .toBe(true)
    expect(Either.isLeft(host({ email: "z@acme.com", working_hours_start: "18:00", working_hours_end: "08:00" })))
      .toBe(true)
    expect(Either.isLeft(host({ email: "z@acme.com", working_hours_start: "8:00" }))).toBe(true)
    expect(
      Schema.decodeUnknownSync(ZoomWebhookEvent)({
        event: "endpoint.url_validation",
        payload: { plainToken: "t" }
      })
    ).toStrictEqual({ event: "endpoint.url_validation", payload: { plainToken: "t" } })
  })
})
