/**
 * The scheduling wire documents decode into the camelCase models, and request bodies are validated and
 * encoded to the snake_case wire. The reference shows request bodies only (crm-block.md's "Schedule a
 * Meeting with Zoom"), so the response fixtures use its attribute names plus the official SDK's. The
 * full stack against the emulator is tested in packages/emulator/test/scheduling.
 */
import { CreateMeetingRequest, MeetingDocument, MeetingList, UpdateMeetingRequest } from "@blocks-crm/scheduling"
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"

const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"))

describe("meetings: wire documents decode", () => {
  it("a document decodes to the model; null and absent optionals are left out", () => {
    const decoded = Schema.decodeUnknownSync(MeetingDocument)(fixture("meeting-get"))
    expect(decoded).toStrictEqual({
      uniqueId: "meeting-uuid-123",
      title: "Quarterly Review",
      startTime: new Date("2026-03-15T14:00:00Z"),
      endTime: new Date("2026-03-15T15:00:00Z"),
      meetingType: "virtual",
      userUniqueId: "user-uuid-1",
      userName: "Olga",
      accountUniqueId: "account-uuid-9",
      status: "active",
      enabled: true,
      createdAt: new Date("2026-01-10T10:30:00Z"),
      updatedAt: new Date("2026-01-11T08:00:00Z")
    })
  })

  it("a list decodes to a page with its meta", () => {
    const page = Schema.decodeUnknownSync(MeetingList)(fixture("meetings-list"))
    expect(page.meta).toStrictEqual({ totalPages: 1, totalRecords: 2 })
    expect(page.data.map((meeting) => meeting.uniqueId)).toEqual(["meeting-uuid-123", "meeting-uuid-456"])
    expect(page.data[1]?.title).toBe("Kick-off")
  })

  it("a document without a required attribute fails with its path", () => {
    for (const attribute of ["start_time", "title", "created_at"]) {
      const broken = fixture("meeting-get") as { data: { attributes: Record<string, unknown> } }
      delete broken.data.attributes[attribute]
      const result = Schema.decodeUnknownEither(MeetingDocument)(broken)
      expect(Either.isLeft(result)).toBe(true)
      if (Either.isLeft(result)) expect(result.left.message).toContain(attribute)
    }
  })
})

describe("meetings: requests", () => {
  it("crm-block.md's create body is what a create request encodes to", () => {
    const wire = Schema.encodeSync(CreateMeetingRequest)({
      title: "Quarterly Review",
      startTime: new Date("2026-03-15T14:00:00Z"),
      endTime: new Date("2026-03-15T15:00:00Z"),
      meetingType: "virtual"
    })
    expect(wire).toStrictEqual({
      title: "Quarterly Review",
      start_time: "2026-03-15T14:00:00Z",
      end_time: "2026-03-15T15:00:00Z",
      meeting_type: "virtual"
    })
  })

  it("a blank title, an end before the start, a bad URL and an empty update are refused", () => {
    const base = { title: "Ok", start_time: "2026-03-15T14:00:00Z", end_time: "2026-03-15T15:00:00Z" }
    const create = Schema.decodeUnknownEither(CreateMeetingRequest)
    expect(Either.isRight(create(base))).toBe(true)
    expect(Either.isLeft(create({ ...base, title: "  " }))).toBe(true)
    expect(Either.isLeft(create({ ...base, end_time: "2026-03-15T13:00:00Z" }))).toBe(true)
    expect(Either.isLeft(create({ ...base, meeting_url: "ftp://x" }))).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(UpdateMeetingRequest)({}))).toBe(true)
    expect(Either.isRight(Schema.decodeUnknownEither(UpdateMeetingRequest)({ end_time: "2026-03-15T13:00:00Z" })))
      .toBe(true)
  })
})
