/**
 * The demo's scheduling chapter against an emulator: the report's numbers derived from the chapter's
 * plan, the same numbers on a second run in the same database, the chapter inside the whole demo, and
 * the report's arithmetic over hand-made records.
 */
import { describe, expect, it, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Demo from "../src/Demo.js"
import * as SchedulingChapter from "../src/demo/SchedulingChapter.js"
import * as EmbeddedEmulator from "./support/EmbeddedEmulator.js"

const { schedulingPlan } = SchedulingChapter
const quiet = { log: () => Effect.void }

const expected = {
  meetingsThisWeek: schedulingPlan.meetings.filter((m) => m.inDays < 7).length,
  meetings: schedulingPlan.meetings.length,
  attendance: {
    // Every guest and the rep confirm; the checked-in guests and the rep check in.
    confirmed: schedulingPlan.guests.length + 1,
    checkedIn: schedulingPlan.checkIn.length + 1,
    checkedOut: schedulingPlan.checkOut.length
  },
  hostUtilisation: { allocated: 1, capacity: schedulingPlan.host.capacity }
}

layer(EmbeddedEmulator.client(), { excludeTestServices: true })(
  "the demo's scheduling chapter on the emulator",
  (it) => {
    it.effect("reports meetings this week, attendance and host utilisation that follow from the plan", () =>
      Effect.gen(function*() {
        expect(expected).toEqual({
          meetingsThisWeek: 2,
          meetings: 3,
          attendance: { confirmed: 5, checkedIn: 4, checkedOut: 1 },
          hostUtilisation: { allocated: 1, capacity: 2 }
        })
        const outcome = yield* SchedulingChapter.runSchedulingChapter({ ...quiet, runId: "sched-1" })
        expect(outcome.report).toEqual(expected)
        expect(outcome.meetings.map((m) => m.title).sort()).toEqual(schedulingPlan.meetings.map((m) => m.title).sort())
        expect(outcome.joinUrl).toMatch(/^https:\/\/zoom\.us\/j\/\d{11}\?pwd=/)
        expect(outcome.event.adminNotes?.map((n) => n.author)).toEqual([schedulingPlan.rep.name])
        const text = SchedulingChapter.formatSchedulingReport(outcome.report)
        expect(text).toContain("2 of 3 with the account")
        expect(text).toContain("5 confirmed, 4 checked in, 1 checked out")
        expect(text).toContain("1 of 2 meetings allocated (50%)")
      }))

    it.effect("a second run in the same database reports the same numbers", () =>
      Effect.gen(function*() {
        const first = yield* SchedulingChapter.runSchedulingChapter({ ...quiet, runId: "sched-2" })
        const second = yield* SchedulingChapter.runSchedulingChapter({ ...quiet, runId: "sched-3" })
        expect(second.report).toEqual(first.report)
        expect(second.host.uniqueId).not.toBe(first.host.uniqueId)
      }))

    it.effect("the whole demo runs the chapter and returns its report", () =>
      Effect.gen(function*() {
        const outcome = yield* Demo.runDemo(quiet)
        expect(outcome.scheduling.report).toEqual(expected)
      }))
  }
)

describe("schedulingReport", () => {
  const now = new Date("2026-03-10T12:00:00Z")
  const at = (iso: string) => new Date(iso)
  const meeting = (start: string) => ({
    uniqueId: start,
    title: "m",
    startTime: at(start),
    endTime: at(start),
    status: "active" as const,
    enabled: true,
    createdAt: now
  })
  const allocation = (status: "allocated" | "released") => ({
    uniqueId: status,
    hostUniqueId: "h",
    meetingUniqueId: "m",
    startTime: now,
    endTime: now,
    allocatedAt: now,
    status
  })
  it("counts meetings from now for seven days, the event's counts and live allocations only", () => {
    const report = SchedulingChapter.schedulingReport(
      [
        meeting("2026-03-09T12:00:00Z"),
        meeting("2026-03-10T12:00:00Z"),
        meeting("2026-03-17T11:59:59Z"),
        meeting("2026-03-17T12:00:00Z")
      ],
      { uniqueId: "e", status: "active", enabled: true, createdAt: now, confirmedCount: 3, checkedInCount: 2 },
      { uniqueId: "h", status: "active", enabled: true, createdAt: now, maxMeetings: 4 },
      [allocation("allocated"), allocation("released"), allocation("allocated")],
      now
    )
    expect(report).toEqual({
      meetingsThisWeek: 2,
      meetings: 4,
      attendance: { confirmed: 3, checkedIn: 2, checkedOut: 0 },
      hostUtilisation: { allocated: 2, capacity: 4 }
    })
    expect(SchedulingChapter.formatSchedulingReport(report)).toContain("2 of 4 meetings allocated (50%)")
  })
})
