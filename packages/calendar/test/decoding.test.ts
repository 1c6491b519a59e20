/**
 * Every response crm-calendar-sync.md documents (copied into test/fixtures) decodes through the
 * client's schemas into the camelCase models, the ICS feed example reads through the SDK's parser, and
 * request bodies are validated and encoded to the documented wire. The full stack against the emulator
 * is tested in packages/emulator/test/calendar.
 */
import {
  BusyBlockResource,
  CalcomWebhookAnswer,
  CalcomWebhookEvent,
  CalendarAccountResource,
  CalendarSyncStarted,
  CreateBusyBlockRequest,
  CreateCalendarAccountRequest,
  CreateIcsTokenRequest,
  IcsTokenResource,
  TenantCalendarSyncStarted,
  UpdateCalendarAccountRequest,
  UpdatedCalendarAccountResource
} from "@blocks-crm/calendar"
import { JsonApi } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"
import { parse } from "../src/models/IcsFeed.js"

const text = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")
const fixture = (name: string): unknown => JSON.parse(text(`${name}.json`))

const account = {
  uniqueId: "cal-account-uuid-123",
  provider: "google",
  email: "user@gmail.com",
  syncEnabled: true,
  lastSyncedAt: new Date("2026-02-15T10:00:00Z"),
  status: "active",
  createdAt: new Date("2026-01-10T10:30:00Z")
}

describe("the reference's responses decode", () => {
  it("calendar accounts: list, get, create (never synced: null) and the update's echo", () => {
    expect(Schema.decodeUnknownSync(JsonApi.collection(CalendarAccountResource))(fixture("calendar-accounts-list")))
      .toStrictEqual([account])
    expect(Schema.decodeUnknownSync(JsonApi.document(CalendarAccountResource))(fixture("calendar-account-get")))
      .toStrictEqual(account)
    expect(Schema.decodeUnknownSync(JsonApi.document(CalendarAccountResource))(fixture("calendar-account-create")))
      .toStrictEqual({
        ...account,
        uniqueId: "cal-account-uuid-456",
        lastSyncedAt: null,
        createdAt: new Date("2026-02-15T10:30:00Z")
      })
    expect(
      Schema.decodeUnknownSync(JsonApi.document(UpdatedCalendarAccountResource))(fixture("calendar-account-update"))
    )
      .toStrictEqual({
        uniqueId: "cal-account-uuid-123",
        syncEnabled: false,
        updatedAt: new Date("2026-02-15T14:00:00Z")
      })
  })

  it("a provider or status outside the reference's sets is kept as sent (a newer API's)", () => {
    const newer = fixture("calendar-account-get") as { data: { attributes: Record<string, unknown> } }
    newer.data.attributes["provider"] = "yahoo"
    newer.data.attributes["status"] = "pending"
    expect(Schema.decodeUnknownSync(JsonApi.document(CalendarAccountResource))(newer)).toMatchObject({
      provider: "yahoo",
      status: "pending"
    })
  })

  it("a provider or status that is not a string, or a missing last_synced_at, fails with its path", () => {
    const broken = fixture("calendar-account-get") as { data: { attributes: Record<string, unknown> } }
    for (const [key, value] of [["provider", 1], ["status", null], ["last_synced_at", undefined]] as const) {
      const copy = structuredClone(broken)
      if (value === undefined) delete copy.data.attributes[key]
      else copy.data.attributes[key] = value
      const result = Schema.decodeUnknownEither(JsonApi.document(CalendarAccountResource))(copy)
      expect(Either.isLeft(result), key).toBe(true)
      if (Either.isLeft(result)) expect(result.left.message).toContain(key)
    }
  })

  it("the sync answers: message and data, not JSON:API", () => {
    expect(Schema.decodeUnknownSync(CalendarSyncStarted)(fixture("calendar-sync-user"))).toStrictEqual({
      message: "Calendar sync initiated",
      data: { syncId: "sync-uuid-123", status: "in_progress", startedAt: new Date("2026-02-15T10:30:00Z") }
    })
    expect(Schema.decodeUnknownSync(TenantCalendarSyncStarted)(fixture("calendar-sync-all"))).toStrictEqual({
      message: "Global calendar sync initiated",
      data: {
        syncId: "sync-uuid-456",
        accountsCount: 25,
        status: "in_progress",
        startedAt: new Date("2026-02-15T10:30:00Z")
      }
    })
  })

  it("busy blocks: the recurring lunch break and a one-off block", () => {
    expect(Schema.decodeUnknownSync(JsonApi.collection(BusyBlockResource))(fixture("busy-blocks-list"))).toStrictEqual([
      {
        uniqueId: "busy-block-uuid-123",
        title: "Lunch Break",
        startTime: new Date("2026-02-20T12:00:00Z"),
        endTime: new Date("2026-02-20T13:00:00Z"),
        recurring: true,
        recurrenceRule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        createdAt: new Date("2026-01-10T10:30:00Z")
      }
    ])
    expect(Schema.decodeUnknownSync(JsonApi.document(BusyBlockResource))(fixture("busy-block-create"))).toStrictEqual({
      uniqueId: "busy-block-uuid-456",
      title: "Personal Time",
      startTime: new Date("2026-03-01T17:00:00Z"),
      endTime: new Date("2026-03-01T18:00:00Z"),
      recurring: false,
      createdAt: new Date("2026-02-15T10:30:00Z")
    })
  })

  it("ICS tokens: the token is held Redacted", () => {
    const [listed] = Schema.decodeUnknownSync(JsonApi.collection(IcsTokenResource))(fixture("ics-tokens-list"))
    expect(Redacted.value(listed!.token)).toBe("abc123def456ghi789")
    expect(String(listed!.token)).not.toContain("abc123")
    expect(JSON.stringify(listed)).not.toContain("abc123")
    const created = Schema.decodeUnknownSync(JsonApi.document(IcsTokenResource))(fixture("ics-token-create"))
    expect({ ...created, token: Redacted.value(created.token) }).toStrictEqual({
      uniqueId: "ics-token-uuid-456",
      token: "xyz789abc012def345",
      label: "Shared Team Calendar",
      active: true,
      createdAt: new Date("2026-02-15T10:30:00Z")
    })
  })

  it("the Cal.com answer and request", () => {
    expect(Schema.decodeUnknownSync(CalcomWebhookAnswer)(fixture("calcom-webhook"))).toEqual({
      message: "Webhook processed successfully"
    })
    const event = Schema.decodeUnknownSync(CalcomWebhookEvent)(fixture("calcom-webhook.request"))
    expect(event.payload.startTime).toEqual(new Date("2026-03-20T10:00:00Z"))
    expect(Schema.encodeSync(CalcomWebhookEvent)(event)).toEqual(fixture("calcom-webhook.request"))
  })

  it("the ICS feed example reads into one typed event", () => {
    const calendar = parse(text("ics-feed.ics"))
    expect(calendar).toStrictEqual({
      version: "2.0",
      prodId: "-//23blocks//CRM//EN",
      events: [{
        uid: undefined,
        summary: "Quarterly Review",
        start: new Date("2026-03-15T14:00:00Z"),
        end: new Date("2026-03-15T15:00:00Z"),
        stamp: undefined,
        recurrenceRule: undefined,
        location: "Conference Room A",
        description: undefined,
        status: undefined
      }]
    })
    expect(() => parse("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n")).toThrow("PRODID")
    expect(() => parse("not a calendar")).toThrow()
    expect(() => parse("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n"))
      .toThrow("DTSTART")
  })
})

describe("requests", () => {
  it("encode to the reference's bodies", () => {
    expect(
      Schema.encodeSync(CreateCalendarAccountRequest)({
        provider: "google",
        email: "user@gmail.com",
        syncEnabled: true
      })
    )
      .toStrictEqual({ provider: "google", email: "user@gmail.com", sync_enabled: true })
    expect(Schema.encodeSync(UpdateCalendarAccountRequest)({ syncEnabled: false })).toStrictEqual({
      sync_enabled: false
    })
    expect(
      Schema.encodeSync(CreateBusyBlockRequest)({
        title: "Personal Time",
        startTime: new Date("2026-03-01T17:00:00Z"),
        endTime: new Date("2026-03-01T18:00:00Z"),
        recurring: false
      })
    ).toStrictEqual({
      title: "Personal Time",
      start_time: "2026-03-01T17:00:00Z",
      end_time: "2026-03-01T18:00:00Z",
      recurring: false
    })
    expect(Schema.encodeSync(CreateIcsTokenRequest)({ label: "Shared Team Calendar" })).toStrictEqual({
      label: "Shared Team Calendar"
    })
  })

  it("refuse what the reference rules out", () => {
    const refused = (schema: Schema.Schema<any, any>, input: unknown) =>
      Either.isLeft(Schema.decodeUnknownEither(schema)(input))
    expect(refused(CreateCalendarAccountRequest, { provider: "yahoo", email: "a@b.co" })).toBe(true)
    expect(refused(CreateCalendarAccountRequest, { provider: "apple", email: "nope" })).toBe(true)
    expect(refused(CreateCalendarAccountRequest, { provider: "apple", email: "a@b.co" })).toBe(false)
    expect(refused(UpdateCalendarAccountRequest, {})).toBe(true)
    const times = { start_time: "2026-03-01T17:00:00Z", end_time: "2026-03-01T18:00:00Z" }
    expect(refused(CreateBusyBlockRequest, { ...times, recurring: true })).toBe(true)
    expect(refused(CreateBusyBlockRequest, { ...times, recurring: true, recurrence_rule: "FREQ=YEARLY;BYMONTH=13" }))
      .toBe(true)
    expect(refused(CreateBusyBlockRequest, { start_time: times.end_time, end_time: times.start_time })).toBe(true)
    expect(refused(CreateBusyBlockRequest, { ...times, recurring: true, recurrence_rule: "FREQ=MONTHLY;BYMONTHDAY=1" }))
      .toBe(false)
    expect(refused(CreateIcsTokenRequest, { label: "  " })).toBe(true)
  })
})
