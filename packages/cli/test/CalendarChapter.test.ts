/**
 * The demo's calendar chapter against an emulator: the feed's event count follows from the plan, the
 * sync's imported events are the rep's busy blocks, the next free hour (found with `conflicts`) is
 * checked against the busy intervals the API gives by another route (the rep's busy blocks expanded by
 * `busyBlocks.occurrences`, and their meetings), the same numbers on a second run in
 * the same database, the chapter inside the whole demo, and the report's arithmetic by hand.
 */
import { describe, expect, it, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { CrmClient } from "@blocks-crm/sdk"
import * as Demo from "../src/Demo.js"
import * as CalendarChapter from "../src/demo/CalendarChapter.js"
import * as EmbeddedEmulator from "./support/EmbeddedEmulator.js"

const { calendarPlan } = CalendarChapter
const quiet = { log: () => Effect.void }
const HOUR = 3_600_000

/** The first whole hour from `now` free of the rep's busy blocks and meetings, as the API lists them. */
const freeHourFromTheApi = (repId: string, now: Date) =>
  Effect.gen(function*() {
    const crm = yield* CrmClient
    const to = new Date(now.getTime() + calendarPlan.horizonDays * 24 * HOUR)
    const blocks = yield* crm.busyBlocks.occurrences(repId, now, to)
    const meetings = (yield* crm.meetings.listForUser(repId, { records: 100 })).data
    const busy = [...blocks, ...meetings.map((m) => ({ start: m.startTime, end: m.endTime }))]
    for (let start = Math.ceil(now.getTime() / HOUR) * HOUR; start < to.getTime(); start += HOUR) {
      if (!busy.some((b) => b.start.getTime() < start + HOUR && b.end.getTime() > start)) return new Date(start)
    }
    return undefined
  })

layer(EmbeddedEmulator.client(), { excludeTestServices: true })("the demo's calendar chapter on the emulator", (it) => {
  it.effect("reports the feed's events, the sync and a next free hour the API's busy times agree with", () =>
    Effect.gen(function*() {
      const lines: Array<string> = []
      const outcome = yield* CalendarChapter.runCalendarChapter({
        runId: "cal-1",
        log: (line) => Effect.sync(() => void lines.push(line))
      })
      // The lunch block and the pipeline review: two events, one recurring.
      expect(outcome.report.feedEvents).toBe(2)
      expect(outcome.report.recurringEvents).toBe(1)
      expect(outcome.report.syncedAccounts).toBe(1)
      expect(outcome.feed.events.map((e) => e.summary).sort()).toEqual([
        calendarPlan.lunch.title,
        calendarPlan.review.title
      ])
      expect(outcome.feed.events.find((e) => e.summary === calendarPlan.lunch.title)?.recurrenceRule).toBe(
        calendarPlan.lunch.rule
      )
      const free = outcome.report.nextFreeHour!
      expect(free).toEqual(yield* freeHourFromTheApi(outcome.repId, outcome.now))
      expect(free.getTime()).toBeGreaterThanOrEqual(outcome.now.getTime())
      expect(free.getTime() % HOUR).toBe(0)
      // Never in the weekday lunch hour.
      expect(free.getUTCDay() !== 0 && free.getUTCDay() !== 6 && free.getUTCHours() === calendarPlan.lunch.hourUtc)
        .toBe(false)
      const crm = yield* CrmClient
      expect((yield* crm.calendarAccounts.get(outcome.repId, outcome.account.uniqueId)).lastSyncedAt).toBeInstanceOf(
        Date
      )

      // The sync imported the Google calendar's events (the emulator's made-up one: an hour a day for
      // three days) as busy blocks beside the lunch, and the free hour was found over them.
      expect(outcome.report.importedEvents).toBe(3)
      const blocks = yield* crm.busyBlocks.list(outcome.repId)
      expect(blocks.map((block) => block.title).sort()).toEqual([
        "Busy (google)",
        "Busy (google)",
        "Busy (google)",
        "Lunch"
      ])
      expect(lines).toContain("  - the sync imported 3 events of the Google calendar as busy blocks")
      expect(lines.some((line) => line.startsWith("  - next free hour found with busyBlocks.conflicts: "))).toBe(true)
      expect(lines.findIndex((line) => line.includes("ICS feed shared"))).toBeLessThan(
        lines.findIndex((line) => line.includes("calendar sync "))
      )

      const text = CalendarChapter.formatCalendarReport(outcome.report)
      expect(text).toContain("3 busy blocks from the synced calendars")
      expect(text).toContain("2 events (1 recurring)")
      expect(text).toContain(`${free.toISOString().slice(0, 16).replace("T", " ")} UTC`)
    }))

  it.effect("a second run in the same database reports the same counts", () =>
    Effect.gen(function*() {
      const first = yield* CalendarChapter.runCalendarChapter({ ...quiet, runId: "cal-2" })
      const second = yield* CalendarChapter.runCalendarChapter({ ...quiet, runId: "cal-3" })
      expect({ ...second.report, nextFreeHour: undefined }).toEqual({ ...first.report, nextFreeHour: undefined })
      expect(second.repId).not.toBe(first.repId)
    }))

  it.effect("the whole demo runs the chapter and returns its report", () =>
    Effect.gen(function*() {
      const outcome = yield* Demo.runDemo(quiet)
      expect(outcome.calendar.report).toMatchObject({ feedEvents: 2, recurringEvents: 1, syncedAccounts: 1 })
      expect(outcome.calendar.report.importedEvents).toBe(3)
    }))
})

describe("calendarReport", () => {
  it("counts events and recurring ones, synced accounts, and finds the hour after the busy ones", () => {
    const at = (iso: string) => new Date(iso)
    const event = (start: string, end: string, recurrenceRule?: string) => ({
      uid: start,
      summary: "x",
      start: at(start),
      end: at(end),
      stamp: undefined,
      recurrenceRule,
      location: undefined,
      description: undefined,
      status: undefined
    })
    const feed = {
      version: "2.0",
      prodId: "-//test//EN",
      events: [
        event("2026-03-02T12:00:00Z", "2026-03-02T13:00:00Z", "FREQ=DAILY"),
        event("2026-03-03T13:00:00Z", "2026-03-03T15:00:00Z")
      ]
    }
    const account = (lastSyncedAt: Date | null) => ({
      uniqueId: "a",
      provider: "google" as const,
      email: "a@gmail.com",
      syncEnabled: true,
      lastSyncedAt,
      status: "active" as const,
      createdAt: at("2026-01-01T00:00:00Z")
    })
    const report = CalendarChapter.calendarReport(
      feed,
      [account(at("2026-03-01T00:00:00Z")), account(null)],
      at("2026-03-03T11:59:00Z")
    )
    expect(report).toEqual({
      feedEvents: 2,
      recurringEvents: 1,
      syncedAccounts: 1,
      // 12:00 is the daily block, 13:00 and 14:00 the meeting.
      nextFreeHour: at("2026-03-03T15:00:00Z")
    })
  })
})
