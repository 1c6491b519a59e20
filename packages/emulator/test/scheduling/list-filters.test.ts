/**
 * Scheduling's lists that filter and sort (issue 31): meetings by organiser, account and kind, a
 * meeting's participants by role and RSVP, Zoom hosts by license and by whether they have a free slot
 * now (`available`, worked out from their allocations after the SQL filters), each in `sort` order.
 */
import { expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestEmulator from "../support/TestEmulator.js"
import { expectTag } from "../support/TestEmulator.js"
import { connectScheduling, createAccount, registerUser, unique } from "./SchedulingClient.js"

const slot = (day: number, hour: number) => ({
  startTime: new Date(Date.UTC(2026, 3, day, hour)),
  endTime: new Date(Date.UTC(2026, 3, day, hour + 1))
})

layer(TestEmulator.layer(), { excludeTestServices: true })("scheduling lists that filter and sort", (it) => {
  it.effect("meetings by organiser, account and kind, latest first", () =>
    Effect.gen(function*() {
      const { meetings, sent } = yield* connectScheduling()
      const olga = yield* registerUser("Olga")
      const accountId = yield* createAccount("Filters")
      const kind = unique("kind")
      yield* meetings.create({ title: "First", ...slot(1, 9), meetingType: kind, userUniqueId: olga.id })
      yield* meetings.create({
        title: "Third",
        ...slot(3, 9),
        meetingType: kind,
        userUniqueId: olga.id,
        accountUniqueId: accountId
      })
      yield* meetings.create({ title: "Second", ...slot(2, 9), meetingType: kind })
      yield* meetings.create({ title: "Other kind", ...slot(2, 10), userUniqueId: olga.id })

      const ofKind = yield* meetings.list({ meetingType: kind, sort: "-startTime" })
      expect(ofKind.data.map((m) => m.title)).toEqual(["Third", "Second", "First"])
      const olgas = yield* meetings.list({ meetingType: kind, userUniqueId: olga.id, sort: "startTime" })
      expect(olgas.data.map((m) => m.title)).toEqual(["First", "Third"])
      const ofAccount = yield* meetings.list({ accountUniqueId: accountId })
      expect(ofAccount.data.map((m) => m.title)).toEqual(["Third"])
      expect(sent.at(-1)?.query).toEqual({ account_unique_id: accountId })
    }))

  it.effect("a meeting's participants by role and RSVP, by name", () =>
    Effect.gen(function*() {
      const { meetings, participants } = yield* connectScheduling()
      const meeting = yield* meetings.create({ title: "Panel", ...slot(5, 14) })
      yield* participants.add(meeting.uniqueId, { email: "zoe@example.com", name: "Zoe", role: "host" })
      yield* participants.add(meeting.uniqueId, {
        email: "adam@example.com",
        name: "Adam",
        role: "attendee",
        rsvpStatus: "accepted"
      })
      yield* participants.add(meeting.uniqueId, { email: "bea@example.com", name: "Bea", role: "attendee" })

      const attendees = yield* participants.list(meeting.uniqueId, { role: "attendee", sort: "name" })
      expect(attendees.map((p) => p.name)).toEqual(["Adam", "Bea"])
      const accepted = yield* participants.list(meeting.uniqueId, { rsvpStatus: "accepted" })
      expect(accepted.map((p) => p.name)).toEqual(["Adam"])
      const everyone = yield* participants.list(meeting.uniqueId, { sort: "-name" })
      expect(everyone.map((p) => p.name)).toEqual(["Zoe", "Bea", "Adam"])
    }))

  it.effect("Zoom hosts by license and by a free slot now; an unknown sort field is InvalidInput", () =>
    Effect.gen(function*() {
      const { sent, zoomHosts } = yield* connectScheduling()
      const license = unique("license")
      yield* zoomHosts.create({ email: "b-free@acme.com", licenseType: license })
      yield* zoomHosts.create({ email: "a-off@acme.com", licenseType: license, enabled: false })
      yield* zoomHosts.create({ email: "c-free@acme.com", licenseType: license, maxMeetings: 3 })

      const ofLicense = yield* zoomHosts.list({ licenseType: license, sort: "email" })
      expect(ofLicense.data.map((h) => h.email)).toEqual(["a-off@acme.com", "b-free@acme.com", "c-free@acme.com"])
      const free = yield* zoomHosts.list({ licenseType: license, available: true, sort: "-email", records: 1 })
      expect(free.data.map((h) => h.email)).toEqual(["c-free@acme.com"])
      expect(free.meta).toMatchObject({ totalRecords: 2, totalPages: 2 })
      expect(sent.at(-1)?.query).toMatchObject({ license_type: license, available: "true", sort: "-email" })
      const busy = yield* zoomHosts.list({ licenseType: license, available: false })
      expect(busy.data.map((h) => h.email)).toEqual(["a-off@acme.com"])

      const before = sent.length
      expectTag(yield* Effect.flip(zoomHosts.list({ sort: "-hostKey" as "email" })), "InvalidInput")
      expect(sent).toHaveLength(before)
    }))
})
