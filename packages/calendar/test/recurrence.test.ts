/**
 * Recurrence rules as ical.js reads them, with what it is lenient about refused, and their expansion
 * into intervals; the next free hour over a feed's busy intervals.
 */
import { Ics, Recurrence } from "@blocks-crm/calendar"
import { describe, expect, it } from "@effect/vitest"

describe("Recurrence.problemOf", () => {
  it("accepts RFC 5545 rules and names what is wrong with others", () => {
    for (
      const rule of [
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        "FREQ=DAILY;COUNT=5",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=YEARLY;UNTIL=20301231T000000Z"
      ]
    ) {
      expect(Recurrence.problemOf(rule), rule).toBeUndefined()
    }
    const problems: ReadonlyArray<readonly [string, string]> = [
      ["", "NAME=VALUE"],
      ["garbage", "NAME=VALUE"],
      ["BYDAY=MO", "FREQ is required"],
      ["FREQ=SOMETIMES", "invalid frequency"],
      ["FREQ=WEEKLY;BYDAY=XX", "BYDAY"],
      ["FREQ=DAILY;FOO=1", "FOO"],
      ["FREQ=DAILY;UNTIL=2026-01-01", "UNTIL"],
      ["FREQ=DAILY;COUNT=2;UNTIL=20260101", "COUNT and UNTIL"],
      ["FREQ=DAILY;INTERVAL=0", "INTERVAL"],
      ["FREQ=DAILY;FREQ=WEEKLY", "twice"]
    ]
    for (const [rule, words] of problems) expect(Recurrence.problemOf(rule), rule).toContain(words)
  })

  it("expands a rule into the intervals overlapping a half-open range", () => {
    const block = {
      start: new Date("2026-02-27T12:00:00Z"), // a Friday
      end: new Date("2026-02-27T13:00:00Z"),
      rule: "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=3"
    }
    // The first occurrence is the block itself; then Monday and Wednesday.
    expect(
      Recurrence.expand(block, new Date("2026-02-01T00:00:00Z"), new Date("2026-04-01T00:00:00Z")).map((i) =>
        i.start.toISOString()
      )
    ).toEqual(["2026-02-27T12:00:00.000Z", "2026-03-02T12:00:00.000Z", "2026-03-04T12:00:00.000Z"])
    expect(
      Recurrence.expand(
        { ...block, rule: undefined },
        new Date("2026-02-27T13:00:00Z"),
        new Date("2026-03-01T00:00:00Z")
      )
    )
      .toEqual([])
  })
})

describe("Ics.nextFreeHour", () => {
  it("is the first whole hour at or after the time that no interval overlaps", () => {
    const at = (iso: string) => new Date(iso)
    const busy = [
      { start: at("2026-03-02T12:00:00Z"), end: at("2026-03-02T13:00:00Z") },
      { start: at("2026-03-02T13:30:00Z"), end: at("2026-03-02T14:00:00Z") }
    ]
    expect(Ics.nextFreeHour(busy, at("2026-03-02T11:10:00Z"))).toEqual(at("2026-03-02T14:00:00Z"))
    expect(Ics.nextFreeHour(busy, at("2026-03-02T10:00:00Z"))).toEqual(at("2026-03-02T10:00:00Z"))
    expect(
      Ics.nextFreeHour(
        [{ start: at("2026-03-02T00:00:00Z"), end: at("2026-04-02T00:00:00Z") }],
        at("2026-03-02T10:00:00Z")
      )
    )
      .toBeUndefined()
  })
})
