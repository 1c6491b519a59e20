/**
 * MeetingsService and MeetingParticipantsService against the emulator over loopback HTTP: every endpoint
 * (success, 404, 422), input refused before sending, property-based round trips, and the meeting rules:
 * start before end, an organiser and account that exist, participants by contact, user or e-mail, and
 * the meetings of a user and of an account.
 */
import { AddParticipantRequest, CreateMeetingRequest } from "@blocks-crm/scheduling"
import type { Meeting } from "@blocks-crm/scheduling"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as TestEmulator from "../support/TestEmulator.js"
import { expectTag, raw, uuid } from "../support/TestEmulator.js"
import type { WireDocument, WireErrors } from "../support/TestEmulator.js"
import { connectScheduling, createAccount, createContact, registerUser, slot } from "./SchedulingClient.js"

const quarterly = {
  title: "Quarterly Review",
  startTime: new Date("2026-03-15T14:00:00Z"),
  endTime: new Date("2026-03-15T15:00:00Z"),
  meetingType: "virtual"
}

layer(TestEmulator.layer(), { excludeTestServices: true })("scheduling meetings on the emulator", (it) => {
  describe("MeetingsService", () => {
    it.effect("create, get, list, update and delete round-trip every value", () =>
      Effect.gen(function*() {
        const { meetings } = yield* connectScheduling()
        const organiser = yield* registerUser("Olga Organiser")
        const accountId = yield* createAccount("Acme")
        const created = yield* meetings.create({
          ...quarterly,
          description: "Numbers of Q1",
          userUniqueId: organiser.id,
          accountUniqueId: accountId,
          meetingUrl: "https://meet.example.com/q1",
          payload: { room: "A" }
        })
        expect(created).toStrictEqual({
          ...quarterly,
          uniqueId: created.uniqueId,
          description: "Numbers of Q1",
          userUniqueId: organiser.id,
          userName: "Olga Organiser",
          userEmail: organiser.email,
          accountUniqueId: accountId,
          meetingUrl: "https://meet.example.com/q1",
          payload: { room: "A" },
          status: "active",
          enabled: true,
          createdAt: created.createdAt,
          updatedAt: created.createdAt
        })
        expect(created.uniqueId).toMatch(uuid)
        expect(yield* meetings.get(created.uniqueId)).toStrictEqual(created)

        const page = yield* meetings.list({ records: 1000 })
        expect(page.data.map((meeting) => meeting.uniqueId)).toContain(created.uniqueId)

        const updated = yield* meetings.update(created.uniqueId, { title: "Q1 Review", meetingScore: 4 })
        expect(updated).toMatchObject({ uniqueId: created.uniqueId, title: "Q1 Review", meetingScore: 4 })
        expect(yield* meetings.get(created.uniqueId)).toMatchObject({
          title: "Q1 Review",
          startTime: quarterly.startTime
        })

        yield* meetings.delete(created.uniqueId)
        expectTag(yield* Effect.flip(meetings.get(created.uniqueId)), "NotFound")
      }))

    it.effect("crm-block.md's create body works as written, and its wire answer is a meeting document", () =>
      Effect.gen(function*() {
        const response = yield* raw<WireDocument>("POST", "/meetings/", {
          body: {
            meeting: {
              title: "Quarterly Review",
              start_time: "2026-03-15T14:00:00Z",
              end_time: "2026-03-15T15:00:00Z",
              meeting_type: "virtual"
            }
          }
        })
        expect(response.status).toBe(201)
        expect(response.json.data.type).toBe("meeting")
        expect(response.json.data.attributes).toMatchObject({
          title: "Quarterly Review",
          start_time: "2026-03-15T14:00:00Z",
          end_time: "2026-03-15T15:00:00Z",
          meeting_type: "virtual"
        })
        const get = yield* raw<WireDocument>("GET", `/meetings/${response.json.data.id}/`)
        expect(get.status).toBe(200)
        expect(get.json.data.id).toBe(response.json.data.id)
      }))

    it.effect("search matches title, description and type, and keeps the listing's filters and sort", () =>
      Effect.gen(function*() {
        const { meetings } = yield* connectScheduling()
        const word = `kestrel${Date.now()}`
        const byTitle = yield* meetings.create({ ...quarterly, title: `Review ${word}` })
        const byDescription = yield* meetings.create({ ...quarterly, title: "Sync", description: `about ${word}` })
        yield* meetings.create({ ...quarterly, title: "Unrelated" })
        const found = yield* meetings.search(word, { sort: "title", records: 100 })
        expect(found.data.map((m) => m.uniqueId)).toEqual([byTitle.uniqueId, byDescription.uniqueId])
        const onsite = yield* meetings.search(word, { meetingType: "onsite" })
        expect(onsite.data).toEqual([])
      }))

    it.effect("an unknown id is NotFound for get, update and delete; an unknown organiser or account too", () =>
      Effect.gen(function*() {
        const { meetings } = yield* connectScheduling()
        expectTag(yield* Effect.flip(meetings.get("no-such-meeting")), "NotFound")
        expectTag(yield* Effect.flip(meetings.update("no-such-meeting", { title: "x" })), "NotFound")
        expectTag(yield* Effect.flip(meetings.delete("no-such-meeting")), "NotFound")
        expectTag(yield* Effect.flip(meetings.create({ ...quarterly, userUniqueId: "no-such-user" })), "NotFound")
        expectTag(yield* Effect.flip(meetings.create({ ...quarterly, accountUniqueId: "no-such-account" })), "NotFound")
        expectTag(yield* Effect.flip(meetings.listForUser("no-such-user")), "NotFound")
        expectTag(yield* Effect.flip(meetings.listForAccount("no-such-account")), "NotFound")
      }))

    it.effect("a meeting that ends before it starts is a 422 on end_time, also when an update moves one end", () =>
      Effect.gen(function*() {
        const response = yield* raw<WireErrors>("POST", "/meetings/", {
          body: {
            meeting: { title: "Backwards", start_time: "2026-03-15T15:00:00Z", end_time: "2026-03-15T14:00:00Z" }
          }
        })
        expect(response.status).toBe(422)
        // The contract's own rule (the same one the client checks) names the field in the body.
        expect(response.json.errors).toEqual([
          expect.objectContaining({
            status: "422",
            detail: "endTime must be after startTime",
            source: { pointer: "/meeting/endTime" }
          })
        ])
        const missing = yield* raw<WireErrors>("POST", "/meetings/", { body: { meeting: { title: "No times" } } })
        expect(missing.status).toBe(422)

        const { meetings } = yield* connectScheduling()
        const created = yield* meetings.create(quarterly)
        const moved = expectTag(
          yield* Effect.flip(meetings.update(created.uniqueId, { endTime: new Date("2026-03-15T13:00:00Z") })),
          "ValidationFailed"
        )
        // Only the stored start says the new end is wrong: the handler's rule, named by its code.
        expect(moved.errors.map((error) => [error.code, error.source?.pointer])).toEqual([[
          "invalid_range",
          "/meeting/end_time"
        ]])
        expect((yield* meetings.get(created.uniqueId)).endTime).toEqual(quarterly.endTime)
      }))

    it.effect("invalid input is refused before anything is sent", () =>
      Effect.gen(function*() {
        const { meetings, sent } = yield* connectScheduling()
        const invalid = expectTag(
          yield* Effect.flip(meetings.create({ ...quarterly, title: "  ", meetingUrl: "not a url" })),
          "InvalidInput"
        )
        expect(invalid.operation).toBe("meetings.create")
        expect(invalid.issues.map((issue) => issue.path).sort()).toEqual(["meetingUrl", "title"])
        const backwards = expectTag(
          yield* Effect.flip(meetings.create({ ...quarterly, endTime: quarterly.startTime })),
          "InvalidInput"
        )
        expect(backwards.issues.map((issue) => issue.path)).toEqual(["endTime"])
        expectTag(yield* Effect.flip(meetings.update("some-id", {})), "InvalidInput")
        expectTag(yield* Effect.flip(meetings.get("a/b")), "InvalidInput")
        expectTag(yield* Effect.flip(meetings.listForUser(" ")), "InvalidInput")
        expectTag(yield* Effect.flip(meetings.listForAccount("x", { page: 0 })), "InvalidInput")
        expect(sent).toEqual([])
      }))

    it.effect("a user's meetings are those they organise or take part in; an account's those naming it", () =>
      Effect.gen(function*() {
        const { meetings, participants } = yield* connectScheduling()
        const olga = yield* registerUser("Olga")
        const pete = yield* registerUser("Pete")
        const accountId = yield* createAccount("Globex")
        const organised = yield* meetings.create({ ...slot(1), title: "Organised", userUniqueId: olga.id })
        const joined = yield* meetings.create({ ...slot(2), title: "Joined", accountUniqueId: accountId })
        yield* meetings.create({ ...slot(3), title: "Unrelated" })
        yield* participants.add(joined.uniqueId, { userUniqueId: olga.id })

        const ids = (page: { readonly data: ReadonlyArray<Meeting> }) => page.data.map((m) => m.uniqueId).sort()
        expect(ids(yield* meetings.listForUser(olga.id))).toEqual([organised.uniqueId, joined.uniqueId].sort())
        expect(ids(yield* meetings.listForUser(pete.id))).toEqual([])
        const forAccount = yield* meetings.listForAccount(accountId)
        expect(ids(forAccount)).toEqual([joined.uniqueId])
        expect(forAccount.meta.totalRecords).toBe(1)
        const paged = yield* meetings.listForUser(olga.id, { records: 1, page: 2 })
        expect(paged.data).toHaveLength(1)
        expect(paged.meta).toMatchObject({ totalRecords: 2, totalPages: 2 })
      }))
  })

  describe("MeetingParticipantsService", () => {
    it.effect("adds a contact, a user and an e-mail guest, lists and removes them", () =>
      Effect.gen(function*() {
        const { meetings, participants } = yield* connectScheduling()
        const meeting = yield* meetings.create(quarterly)
        const jane = yield* createContact("Jane", "Smith")
        const olga = yield* registerUser("Olga")
        const contact = yield* participants.add(meeting.uniqueId, { contactUniqueId: jane.id, role: "attendee" })
        expect(contact).toStrictEqual({
          uniqueId: contact.uniqueId,
          meetingUniqueId: meeting.uniqueId,
          contactUniqueId: jane.id,
          name: "Jane Smith",
          email: jane.email,
          role: "attendee",
          status: "active",
          enabled: true,
          createdAt: contact.createdAt,
          updatedAt: contact.createdAt
        })
        const user = yield* participants.add(meeting.uniqueId, { userUniqueId: olga.id, role: "host" })
        expect(user).toMatchObject({ userUniqueId: olga.id, name: "Olga", email: olga.email })
        const guest = yield* participants.add(meeting.uniqueId, { email: "guest@example.org", name: "Gus" })
        expect(guest).toMatchObject({ email: "guest@example.org", name: "Gus" })
        expect(guest.contactUniqueId).toBeUndefined()

        const listed = yield* participants.list(meeting.uniqueId)
        expect(listed.map((p) => p.uniqueId).sort()).toEqual([contact.uniqueId, user.uniqueId, guest.uniqueId].sort())

        yield* participants.remove(meeting.uniqueId, user.uniqueId)
        expect((yield* participants.list(meeting.uniqueId)).map((p) => p.uniqueId)).not.toContain(user.uniqueId)
        // Removed already: no longer a participant.
        expectTag(yield* Effect.flip(participants.remove(meeting.uniqueId, user.uniqueId)), "NotFound")
      }))

    it.effect("removing a participant of another meeting is NotFound, and it stays where it is", () =>
      Effect.gen(function*() {
        const { meetings, participants } = yield* connectScheduling()
        const first = yield* meetings.create(quarterly)
        const second = yield* meetings.create(quarterly)
        const guest = yield* participants.add(first.uniqueId, { email: "one@example.org" })
        expectTag(yield* Effect.flip(participants.remove(second.uniqueId, guest.uniqueId)), "NotFound")
        expect((yield* participants.list(first.uniqueId)).map((p) => p.uniqueId)).toEqual([guest.uniqueId])
      }))

    it.effect("404 for an unknown meeting, contact or user; 422 for the same person twice", () =>
      Effect.gen(function*() {
        const { meetings, participants } = yield* connectScheduling()
        expectTag(yield* Effect.flip(participants.list("no-such-meeting")), "NotFound")
        expectTag(yield* Effect.flip(participants.add("no-such-meeting", { email: "a@b.co" })), "NotFound")
        const meeting = yield* meetings.create(quarterly)
        expectTag(yield* Effect.flip(participants.add(meeting.uniqueId, { contactUniqueId: "nobody" })), "NotFound")
        expectTag(yield* Effect.flip(participants.add(meeting.uniqueId, { userUniqueId: "nobody" })), "NotFound")
        yield* participants.add(meeting.uniqueId, { email: "twice@example.org" })
        const twice = expectTag(
          yield* Effect.flip(participants.add(meeting.uniqueId, { email: "TWICE@example.org" })),
          "ValidationFailed"
        )
        expect(twice.errors.map((error) => error.source?.pointer)).toEqual(["/participant/email"])
        const none = yield* raw<WireErrors>("POST", `/meetings/${meeting.uniqueId}/participants`, {
          body: { participant: { role: "attendee" } }
        })
        expect(none.status).toBe(422)
      }))

    it.effect("invalid participants are refused before anything is sent", () =>
      Effect.gen(function*() {
        const { participants, sent } = yield* connectScheduling()
        const both = expectTag(
          yield* Effect.flip(participants.add("m-1", { email: "a@b.co", contactUniqueId: "c-1" })),
          "InvalidInput"
        )
        expect(both.issues.map((issue) => issue.path)).toEqual(["contactUniqueId"])
        expectTag(yield* Effect.flip(participants.add("m-1", {})), "InvalidInput")
        expectTag(yield* Effect.flip(participants.add("m-1", { email: "not-an-address" })), "InvalidInput")
        expectTag(yield* Effect.flip(participants.remove("m-1", "")), "InvalidInput")
        expect(sent).toEqual([])
      }))
  })

  describe("property-based", () => {
    it.effect("arbitrary valid create inputs round-trip client → emulator → client unchanged", () =>
      Effect.gen(function*() {
        const { meetings } = yield* connectScheduling()
        // Organisers and accounts must exist: generated ids are dropped, existence is tested above.
        const inputs = fc.sample(Arbitrary.make(CreateMeetingRequest), { seed: 12, numRuns: 30 })
        for (const generated of inputs) {
          const { accountUniqueId: _a, userUniqueId: _u, ...input } = generated
          const created = yield* meetings.create(input)
          const { createdAt: _c, enabled: _e, status: _s, uniqueId: _id, updatedAt: _up, ...echoed } = created
          expect(echoed).toStrictEqual(input)
          expect(yield* meetings.get(created.uniqueId)).toStrictEqual(created)
        }
      }))

    it.effect("arbitrary valid participants round-trip as e-mail guests", () =>
      Effect.gen(function*() {
        const { meetings, participants } = yield* connectScheduling()
        const meeting = yield* meetings.create(quarterly)
        const guests = Arbitrary.make(AddParticipantRequest).filter((input) => input.email !== undefined)
        const inputs = fc.sample(guests, { seed: 13, numRuns: 20 })
        for (const [index, generated] of inputs.entries()) {
          const input = { ...generated, email: `g${index}.${generated.email}` }
          const added = yield* participants.add(meeting.uniqueId, input)
          const { createdAt: _c, enabled: _e, meetingUniqueId, status: _s, uniqueId: _id, updatedAt: _u, ...echoed } =
            added
          expect(meetingUniqueId).toBe(meeting.uniqueId)
          expect(echoed).toStrictEqual(input)
        }
      }))

    it.effect("arbitrary invalid create inputs fail with InvalidInput and send nothing", () =>
      Effect.gen(function*() {
        const { meetings, sent } = yield* connectScheduling()
        const isValid = Schema.is(CreateMeetingRequest)
        const invalid = fc.record({
          title: fc.oneof(fc.constantFrom("", "  "), fc.string(), fc.integer()),
          startTime: fc.oneof(fc.date(), fc.string(), fc.constant(new Date(Number.NaN))),
          endTime: fc.oneof(fc.date(), fc.integer()),
          meetingUrl: fc.oneof(fc.constantFrom("ftp://x", "not a url", ""), fc.webUrl())
        }, { requiredKeys: [] }).filter((input) => !isValid(input))
        const inputs = fc.sample(invalid, { seed: 14, numRuns: 60 })
        for (const input of inputs) {
          const error = expectTag(
            yield* Effect.flip(meetings.create(input as unknown as CreateMeetingRequest)),
            "InvalidInput"
          )
          expect(error.issues.length).toBeGreaterThan(0)
        }
        expect(sent).toEqual([])
      }))
  })

  it.effect("the emulator's OpenAPI document lists every meeting endpoint at its documented path", () =>
    Effect.gen(function*() {
      const response = yield* raw<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json")
      expect(response.status).toBe(200)
      const methods = (path: string) => Object.keys(response.json.paths[path] ?? {}).sort()
      expect(methods("/meetings/")).toEqual(["get", "post"])
      expect(methods("/meetings/{uniqueId}/")).toEqual(["get"])
      expect(methods("/meetings/{uniqueId}")).toEqual(["delete", "put"])
      expect(methods("/meetings/{meetingId}/participants")).toEqual(["get", "post"])
      expect(methods("/meetings/{meetingId}/participants/{participantId}")).toEqual(["delete"])
      expect(methods("/users/{userId}/meetings")).toEqual(["get"])
      expect(methods("/accounts/{accountId}/meetings")).toEqual(["get"])
    }))
})
