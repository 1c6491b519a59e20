/**
 * ZoomHostsService and ZoomMeetingsService against the emulator over loopback HTTP: every endpoint
 * (success, 404, 422), input refused before sending, a property-based round trip, and the booking
 * rules: a host's capacity and working hours, availability and allocations from the rows, a Zoom link
 * booked on a free host (422 when none is), rescheduling that re-allocates, cancelling that frees, and
 * crm-block.md's "Schedule a Meeting with Zoom" as written. Tests that need an empty pool use tenant B.
 */
import { CreateZoomHostRequest } from "@blocks-crm/scheduling"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as TestEmulator from "../support/TestEmulator.js"
import { API_KEY_B, expectTag, raw, uuid } from "../support/TestEmulator.js"
import type { WireDocument, WireErrors } from "../support/TestEmulator.js"
import { connectScheduling, registerUser, unique } from "./SchedulingClient.js"

/** `hours` hours on day `day` of 2031, from `hour` UTC: tests use distinct days so they do not share hosts' time. */
const at = (day: number, hour: number, hours = 1) => {
  const start = new Date(Date.UTC(2031, 0, day, hour))
  return { startTime: start, endTime: new Date(start.getTime() + hours * 3_600_000) }
}

layer(TestEmulator.layer(), { excludeTestServices: true })("scheduling Zoom on the emulator", (it) => {
  describe("ZoomHostsService", () => {
    it.effect("create, get, list, update and delete round-trip every value", () =>
      Effect.gen(function*() {
        const { zoomHosts } = yield* connectScheduling()
        const owner = yield* registerUser("Zed")
        const created = yield* zoomHosts.create({
          email: "zoom-a@acme.com",
          userUniqueId: owner.id,
          displayName: "Zoom A",
          licenseType: "licensed",
          maxMeetings: 2,
          workingHoursStart: "08:00",
          workingHoursEnd: "18:00"
        })
        expect(created).toStrictEqual({
          uniqueId: created.uniqueId,
          email: "zoom-a@acme.com",
          userUniqueId: owner.id,
          displayName: "Zoom A",
          licenseType: "licensed",
          maxMeetings: 2,
          currentMeetings: 0,
          workingHoursStart: "08:00",
          workingHoursEnd: "18:00",
          status: "active",
          enabled: true,
          createdAt: created.createdAt,
          updatedAt: created.createdAt
        })
        expect(created.uniqueId).toMatch(uuid)
        expect(yield* zoomHosts.get(created.uniqueId)).toStrictEqual(created)
        expect((yield* zoomHosts.list({ records: 1000 })).data.map((h) => h.uniqueId)).toContain(created.uniqueId)
        const updated = yield* zoomHosts.update(created.uniqueId, { maxMeetings: 3, enabled: false })
        expect(updated).toMatchObject({ maxMeetings: 3, enabled: false })
        yield* zoomHosts.delete(created.uniqueId)
        expectTag(yield* Effect.flip(zoomHosts.get(created.uniqueId)), "NotFound")
      }))

    it.effect("404 for an unknown host or owner; 422 for working hours out of order", () =>
      Effect.gen(function*() {
        const { zoomHosts } = yield* connectScheduling()
        expectTag(yield* Effect.flip(zoomHosts.get("no-such-host")), "NotFound")
        expectTag(yield* Effect.flip(zoomHosts.update("no-such-host", { maxMeetings: 2 })), "NotFound")
        expectTag(yield* Effect.flip(zoomHosts.delete("no-such-host")), "NotFound")
        expectTag(yield* Effect.flip(zoomHosts.availability("no-such-host")), "NotFound")
        expectTag(yield* Effect.flip(zoomHosts.allocations("no-such-host")), "NotFound")
        expectTag(yield* Effect.flip(zoomHosts.create({ email: "z@acme.com", userUniqueId: "nobody" })), "NotFound")
        const host = yield* zoomHosts.create({ email: "z@acme.com", workingHoursStart: "09:00", enabled: false })
        const late = expectTag(
          yield* Effect.flip(zoomHosts.update(host.uniqueId, { workingHoursEnd: "08:00" })),
          "ValidationFailed"
        )
        expect(late.errors.map((e) => [e.code, e.source?.pointer])).toEqual([
          ["invalid_range", "/zoom_host/working_hours_end"]
        ])
        const bad = yield* raw<WireErrors>("POST", "/zoom_hosts/", {
          body: { zoom_host: { email: "nope", max_meetings: 0 } }
        })
        expect(bad.status).toBe(422)
        expect(bad.json.errors.map((e) => e.source?.pointer).sort()).toEqual([
          "/zoom_host/email",
          "/zoom_host/max_meetings"
        ])
      }))

    it.effect("invalid input is refused before anything is sent", () =>
      Effect.gen(function*() {
        const { sent, zoom, zoomHosts } = yield* connectScheduling()
        expectTag(yield* Effect.flip(zoomHosts.create({ email: "x", maxMeetings: 0 })), "InvalidInput")
        expectTag(
          yield* Effect.flip(
            zoomHosts.create({ email: "a@b.co", workingHoursStart: "18:00", workingHoursEnd: "09:00" })
          ),
          "InvalidInput"
        )
        expectTag(yield* Effect.flip(zoomHosts.create({ email: "a@b.co", workingHoursStart: "25:00" })), "InvalidInput")
        expectTag(yield* Effect.flip(zoomHosts.update("h", {})), "InvalidInput")
        const range = at(1, 10)
        expectTag(
          yield* Effect.flip(zoomHosts.availability("h", { startTime: range.endTime, endTime: range.startTime })),
          "InvalidInput"
        )
        expectTag(yield* Effect.flip(zoom.create("u", "m", { duration: 0 })), "InvalidInput")
        expectTag(yield* Effect.flip(zoom.update("u", "m", {})), "InvalidInput")
        expectTag(yield* Effect.flip(zoom.get("", "m")), "InvalidInput")
        expect(sent).toEqual([])
      }))

    it.effect("availability follows capacity and working hours; available_users lists the hosts free", () =>
      Effect.gen(function*() {
        const { meetings, zoom, zoomHosts } = yield* connectScheduling(API_KEY_B)
        const user = yield* registerUser("Una", API_KEY_B)
        const host = yield* zoomHosts.create({
          email: "cap@acme.com",
          maxMeetings: 2,
          workingHoursStart: "08:00",
          workingHoursEnd: "18:00"
        })
        const night = at(3, 20)
        const closed = yield* zoomHosts.availability(host.uniqueId, night)
        expect(closed).toStrictEqual({
          hostUniqueId: host.uniqueId,
          available: false,
          reason: "outside_working_hours",
          nextAvailableAt: new Date(Date.UTC(2031, 0, 4, 8)),
          currentMeetings: 0,
          maxMeetings: 2
        })
        const slot = at(3, 10)
        expect((yield* zoomHosts.availability(host.uniqueId, slot)).available).toBe(true)
        for (const title of ["One", "Two"]) {
          const meeting = yield* meetings.create({ title, ...slot })
          const link = yield* zoom.create(user.id, meeting.uniqueId, {})
          expect(link.zoomHostId).toBe(host.uniqueId)
        }
        const full = yield* zoomHosts.availability(host.uniqueId, slot)
        expect(full).toMatchObject({ available: false, reason: "at_capacity", nextAvailableAt: slot.endTime })
        expect((yield* zoomHosts.availableUsers(slot)).map((u) => u.hostUniqueId)).toEqual([])
        expect((yield* zoomHosts.availableUsers(at(3, 12))).map((u) => u.email)).toEqual(["cap@acme.com"])
        const allocations = yield* zoomHosts.allocations(host.uniqueId)
        expect(allocations.map((a) => [a.status, a.startTime, a.endTime])).toEqual([
          ["allocated", slot.startTime, slot.endTime],
          ["allocated", slot.startTime, slot.endTime]
        ])
        // A host with live allocations is kept.
        expectTag(yield* Effect.flip(zoomHosts.delete(host.uniqueId)), "ValidationFailed")
        const userView = yield* zoom.availability(user.id, slot)
        expect(userView).toMatchObject({ userUniqueId: user.id, available: false, reason: "at_capacity" })
        expect((yield* zoom.availability(user.id, at(3, 12))).available).toBe(true)
      }))
  })

  describe("ZoomMeetingsService", () => {
    it.effect("crm-block.md's \"Schedule a Meeting with Zoom\" works as written on a fresh tenant (no host pool)", () =>
      Effect.gen(function*() {
        // Only the user and the meeting the pattern names exist: the user hosts on their own Zoom account.
        const user = yield* registerUser("Ona")
        const created = yield* raw<WireDocument>("POST", "/meetings/", {
          body: {
            meeting: {
              title: "Quarterly Review",
              start_time: "2026-03-15T14:00:00Z",
              end_time: "2026-03-15T15:00:00Z",
              meeting_type: "virtual"
            }
          }
        })
        expect(created.status, created.text).toBe(201)
        const path = `/users/${user.id}/meetings/${created.json.data.id}/zoom`
        const zoom = yield* raw<WireDocument>("POST", path, { body: { zoom: { duration: 60 } } })
        expect(zoom.status, zoom.text).toBe(201)
        const attributes = zoom.json.data.attributes
        expect(attributes).toMatchObject({
          meeting_unique_id: created.json.data.id,
          user_unique_id: user.id,
          start_time: "2026-03-15T14:00:00Z",
          duration: 60,
          topic: "Quarterly Review"
        })
        expect(attributes["join_url"]).toBe(
          `https://zoom.us/j/${attributes["zoom_meeting_id"]}?pwd=${attributes["password"]}`
        )
        expect(attributes).not.toHaveProperty("zoom_host_id")
        const availability = yield* raw<WireDocument>("GET", `/users/${user.id}/zoom/availability`)
        expect(availability.json.data.attributes).toStrictEqual({ user_unique_id: user.id, available: true })
        // Rescheduling and deleting work the same way without a pool.
        const moved = yield* raw<WireDocument>("PUT", path, { body: { zoom: { duration: 30 } } })
        expect(moved.status, moved.text).toBe(200)
        expect(moved.json.data.attributes["duration"]).toBe(30)
        expect((yield* raw("DELETE", path)).status).toBeLessThan(300)
        expect((yield* raw("GET", path)).status).toBe(404)
      }).pipe(Effect.provide(TestEmulator.layer())))

    it.effect("crm-block.md's \"Schedule a Meeting with Zoom\" works as written with a host pool", () =>
      Effect.gen(function*() {
        const { zoomHosts } = yield* connectScheduling()
        yield* zoomHosts.create({ email: `${unique("host")}@acme.com`, maxMeetings: 5 })
        const user = yield* registerUser("Rita")
        const created = yield* raw<WireDocument>("POST", "/meetings/", {
          body: {
            meeting: {
              title: "Quarterly Review",
              start_time: "2026-03-15T14:00:00Z",
              end_time: "2026-03-15T15:00:00Z",
              meeting_type: "virtual"
            }
          }
        })
        expect(created.status).toBe(201)
        const zoom = yield* raw<WireDocument>("POST", `/users/${user.id}/meetings/${created.json.data.id}/zoom`, {
          body: { zoom: { duration: 60 } }
        })
        expect(zoom.status, zoom.text).toBe(201)
        expect(zoom.json.data.type).toBe("zoom_meeting")
        const attributes = zoom.json.data.attributes
        expect(attributes).toMatchObject({
          meeting_unique_id: created.json.data.id,
          user_unique_id: user.id,
          start_time: "2026-03-15T14:00:00Z",
          duration: 60,
          topic: "Quarterly Review"
        })
        expect(attributes["zoom_meeting_id"]).toMatch(/^\d{11}$/)
        expect(attributes["join_url"]).toBe(
          `https://zoom.us/j/${attributes["zoom_meeting_id"]}?pwd=${attributes["password"]}`
        )
        expect(attributes["start_url"]).toMatch(/^https:\/\/zoom\.us\/s\/\d{11}\?zak=/)
        expect(typeof attributes["zoom_host_id"]).toBe("string")
      }))

    it.effect("books a free host, reschedules onto another when needed, and frees it on delete", () =>
      Effect.gen(function*() {
        const { meetings, zoom, zoomHosts } = yield* connectScheduling(API_KEY_B)
        const user = yield* registerUser("Vic", API_KEY_B)
        const morning = yield* zoomHosts.create({
          email: "morning@acme.com",
          workingHoursStart: "06:00",
          workingHoursEnd: "12:00"
        })
        const evening = yield* zoomHosts.create({
          email: "evening@acme.com",
          workingHoursStart: "12:00",
          workingHoursEnd: "23:00"
        })
        const meeting = yield* meetings.create({ title: "Sync", ...at(10, 9) })
        const link = yield* zoom.create(user.id, meeting.uniqueId, { topic: "Weekly sync" })
        expect(link).toMatchObject({
          meetingUniqueId: meeting.uniqueId,
          userUniqueId: user.id,
          zoomHostId: morning.uniqueId,
          topic: "Weekly sync",
          duration: 60,
          startTime: at(10, 9).startTime,
          zoomStatus: "waiting"
        })
        expect(yield* zoom.get(user.id, meeting.uniqueId)).toStrictEqual(link)
        // Twice is refused: one Zoom link per meeting.
        expectTag(yield* Effect.flip(zoom.create(user.id, meeting.uniqueId, {})), "ValidationFailed")

        const moved = yield* zoom.update(user.id, meeting.uniqueId, { startTime: at(10, 15).startTime, duration: 30 })
        expect(moved).toMatchObject({ zoomHostId: evening.uniqueId, duration: 30, zoomMeetingId: link.zoomMeetingId })
        expect((yield* zoomHosts.allocations(morning.uniqueId)).map((a) => a.status)).toEqual(["released"])
        expect((yield* zoomHosts.allocations(evening.uniqueId)).map((a) => a.status)).toEqual(["allocated"])

        // Nothing free at night: 422 naming the range, and the booking stays.
        const night = yield* Effect.flip(zoom.update(user.id, meeting.uniqueId, { startTime: at(10, 23, 0).startTime }))
        const refused = expectTag(night, "ValidationFailed")
        expect(refused.errors.map((e) => [e.code, e.source?.pointer])).toEqual([[
          "no_host_available",
          "/zoom/start_time"
        ]])
        expect(refused.errors[0]?.detail).toContain("2031-01-10T23:00:00.000Z")
        expect((yield* zoom.get(user.id, meeting.uniqueId)).zoomHostId).toBe(evening.uniqueId)

        yield* zoom.delete(user.id, meeting.uniqueId)
        expectTag(yield* Effect.flip(zoom.get(user.id, meeting.uniqueId)), "NotFound")
        const released = yield* zoomHosts.allocations(evening.uniqueId)
        expect(released.map((a) => a.status)).toEqual(["released"])
        expect(released[0]?.releasedAt).toBeInstanceOf(Date)
        yield* zoomHosts.delete(evening.uniqueId)
      }))

    it.effect("422 when no host is free for the meeting's time; 404 for an unknown user, meeting or link", () =>
      Effect.gen(function*() {
        const { meetings, zoom, zoomHosts } = yield* connectScheduling(API_KEY_B)
        const user = yield* registerUser("Wes", API_KEY_B)
        const meeting = yield* meetings.create({ title: "Busy", ...at(20, 3) })
        // Tenant B's hosts all keep working hours after 06:00.
        for (const host of (yield* zoomHosts.list({ records: 1000 })).data) {
          if (host.workingHoursStart === undefined) yield* zoomHosts.update(host.uniqueId, { enabled: false })
        }
        const none = expectTag(yield* Effect.flip(zoom.create(user.id, meeting.uniqueId, {})), "ValidationFailed")
        expect(none.errors.map((e) => e.code)).toEqual(["no_host_available"])
        expectTag(yield* Effect.flip(zoom.get(user.id, meeting.uniqueId)), "NotFound")
        expectTag(yield* Effect.flip(zoom.create("nobody", meeting.uniqueId, {})), "NotFound")
        expectTag(yield* Effect.flip(zoom.create(user.id, "no-such-meeting", {})), "NotFound")
        expectTag(yield* Effect.flip(zoom.update(user.id, meeting.uniqueId, { duration: 5 })), "NotFound")
        expectTag(yield* Effect.flip(zoom.delete(user.id, meeting.uniqueId)), "NotFound")
        expectTag(yield* Effect.flip(zoom.availability("nobody")), "NotFound")
      }))
  })

  describe("property-based", () => {
    it.effect("arbitrary valid host inputs round-trip client → emulator → client unchanged", () =>
      Effect.gen(function*() {
        const { zoomHosts } = yield* connectScheduling()
        const inputs = fc.sample(Arbitrary.make(CreateZoomHostRequest), { seed: 31, numRuns: 30 })
        for (const generated of inputs) {
          const { userUniqueId: _u, ...input } = generated
          const created = yield* zoomHosts.create(input)
          const {
            createdAt: _c,
            currentMeetings,
            enabled,
            maxMeetings,
            status: _s,
            uniqueId: _id,
            updatedAt: _up,
            ...echoed
          } = created
          const { enabled: sentEnabled, maxMeetings: sentMax, ...sent } = input
          expect(echoed).toStrictEqual(sent)
          expect(enabled).toBe(sentEnabled ?? true)
          expect(maxMeetings).toBe(sentMax ?? 1)
          expect(currentMeetings).toBe(0)
        }
      }))

    it.effect("arbitrary invalid host inputs fail with InvalidInput and send nothing", () =>
      Effect.gen(function*() {
        const { sent, zoomHosts } = yield* connectScheduling()
        const isValid = Schema.is(CreateZoomHostRequest)
        const invalid = fc.record({
          email: fc.oneof(fc.constantFrom("", "a@b", "x y@z.io"), fc.string()),
          maxMeetings: fc.oneof(fc.integer({ min: -5, max: 0 }), fc.double(), fc.integer({ min: 101 })),
          workingHoursStart: fc.oneof(fc.constantFrom("24:00", "9:00", "aa:bb"), fc.string())
        }, { requiredKeys: [] }).filter((input) => !isValid(input))
        for (const input of fc.sample(invalid, { seed: 32, numRuns: 60 })) {
          const error = expectTag(
            yield* Effect.flip(zoomHosts.create(input as unknown as CreateZoomHostRequest)),
            "InvalidInput"
          )
          expect(error.issues.length).toBeGreaterThan(0)
        }
        expect(sent).toEqual([])
      }))
  })

  it.effect("the emulator's OpenAPI document lists every Zoom endpoint at its documented path", () =>
    Effect.gen(function*() {
      const response = yield* raw<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json")
      const methods = (path: string) => Object.keys(response.json.paths[path] ?? {}).sort()
      expect(methods("/users/{userId}/meetings/{meetingId}/zoom")).toEqual(["delete", "get", "post", "put"])
      expect(methods("/users/{userId}/zoom/availability")).toEqual(["get"])
      expect(methods("/zoom_hosts/available_users")).toEqual(["get"])
      expect(methods("/zoom_hosts/")).toEqual(["get", "post"])
      expect(methods("/zoom_hosts/{uniqueId}")).toEqual(["delete", "get", "put"])
      expect(methods("/zoom_hosts/{uniqueId}/availability")).toEqual(["get"])
      expect(methods("/zoom_hosts/{uniqueId}/allocations")).toEqual(["get"])
    }))
})
