/**
 * The calendar accounts wire documents (test/fixtures; replace them with the reference's examples)
 * decode into the camelCase model, and request bodies are validated and encoded to the snake_case wire.
 * The full stack against the emulator is tested in apps/emulator/test/calendar.
 */
import { CalendarAccountDocument, CalendarAccountList, CreateCalendarAccountRequest, UpdateCalendarAccountRequest } from "@blocks-crm/calendar"
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"

const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"))

describe("calendar accounts: wire documents decode", () => {
  it("a document decodes to the model; null and absent optionals are left out", () => {
    const decoded = Schema.decodeUnknownSync(CalendarAccountDocument)(fixture("calendar-account-get"))
    expect(decoded).toStrictEqual({
      uniqueId: "calendar-account-uuid-123",
      name: "Quarterly review",
      ownerEmail: "owner@example.com",
      createdAt: new Date("2026-01-10T10:30:00Z"),
      updatedAt: new Date("2026-01-11T08:00:00Z")
    })
  })

  it("a list decodes to a page with its meta", () => {
    const page = Schema.decodeUnknownSync(CalendarAccountList)(fixture("calendar-accounts-list"))
    expect(page.meta).toStrictEqual({ totalPages: 1, totalRecords: 2 })
    expect(page.data.map((calendarAccount) => calendarAccount.uniqueId)).toEqual(["calendar-account-uuid-123", "calendar-account-uuid-456"])
    expect(page.data[1]).toStrictEqual({ uniqueId: "calendar-account-uuid-456", name: "Kick-off", createdAt: new Date("2026-02-01T09:00:00Z") })
  })

  it("a document without a required attribute fails with its path", () => {
    const broken = fixture("calendar-account-get") as { data: { attributes: Record<string, unknown> } }
    delete broken.data.attributes["created_at"]
    const result = Schema.decodeUnknownEither(CalendarAccountDocument)(broken)
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) expect(result.left.message).toContain("created_at")
  })
})

describe("calendar accounts: requests", () => {
  it("a create request encodes to snake_case", () => {
    const wire = Schema.encodeSync(CreateCalendarAccountRequest)({ name: "Kick-off", ownerEmail: "owner@example.com" })
    expect(wire).toStrictEqual({ name: "Kick-off", owner_email: "owner@example.com" })
  })

  it("a blank name, a bad email and an empty update are refused", () => {
    expect(Either.isLeft(Schema.decodeUnknownEither(CreateCalendarAccountRequest)({ name: "  " }))).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(CreateCalendarAccountRequest)({ name: "Ok", owner_email: "nope" }))).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(UpdateCalendarAccountRequest)({}))).toBe(true)
    expect(Either.isRight(Schema.decodeUnknownEither(UpdateCalendarAccountRequest)({ notes: "fine" }))).toBe(true)
  })
})
