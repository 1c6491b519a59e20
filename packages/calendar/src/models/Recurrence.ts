/**
 * RFC 5545 recurrence rules (`FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR`), parsed and expanded with ical.js
 * (Mozilla's iCalendar library, which also writes and reads the ICS feed): one library for the rule a
 * busy block carries, the feed that lists it and the free/busy intervals the SDK computes from it.
 *
 * @since 0.1.0
 */
import ICAL from "ical.js"
import * as Schema from "effect/Schema"

// ical.js reads a rule leniently: an unknown part is dropped, a missing FREQ is accepted and an
// extended-format UNTIL is misread. Those are refused here before the library parses the values.
const knownParts = new Set([
  "FREQ",
  "UNTIL",
  "COUNT",
  "INTERVAL",
  "BYSECOND",
  "BYMINUTE",
  "BYHOUR",
  "BYDAY",
  "BYMONTHDAY",
  "BYYEARDAY",
  "BYWEEKNO",
  "BYMONTH",
  "BYSETPOS",
  "WKST"
])

/**
 * Why `rule` is not a valid RFC 5545 RRULE value, or undefined when it is one.
 *
 * @since 0.1.0
 */
export const problemOf = (rule: string): string | undefined => {
  const parts = rule.split(";")
  const names = new Set<string>()
  for (const part of parts) {
    const match = /^([A-Za-z]+)=(.+)$/.exec(part)
    if (match === null) return `"${part}" is not NAME=VALUE`
    const name = match[1]!.toUpperCase()
    if (!knownParts.has(name)) return `${name} is not a recurrence rule part`
    if (names.has(name)) return `${name} is given twice`
    names.add(name)
    if (name === "UNTIL" && !/^\d{8}(T\d{6}Z?)?$/.test(match[2]!)) {
      return "UNTIL must be a date (20260301) or date-time (20260301T120000Z)"
    }
    if (name === "INTERVAL" && !/^[1-9]\d*$/.test(match[2]!)) return "INTERVAL must be a positive integer"
    if (name === "COUNT" && !/^[1-9]\d*$/.test(match[2]!)) return "COUNT must be a positive integer"
  }
  if (!names.has("FREQ")) return "FREQ is required"
  if (names.has("COUNT") && names.has("UNTIL")) return "COUNT and UNTIL cannot both be given"
  try {
    ICAL.Recur.fromString(rule)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : "not a recurrence rule"
  }
}

/**
 * An RFC 5545 recurrence rule as the API carries it (the RRULE value, without `RRULE:`), validated by
 * ical.js.
 *
 * @since 0.1.0
 */
export const RecurrenceRule = Schema.String.pipe(
  Schema.filter((rule) => {
    const problem = problemOf(rule)
    return problem === undefined || `Expected an RFC 5545 recurrence rule: ${problem}`
  })
).annotations({
  identifier: "RecurrenceRule",
  description: "RFC 5545 recurrence rule, e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
  arbitrary: () => (fc) =>
    fc.tuple(
      fc.constantFrom("DAILY", "WEEKLY", "MONTHLY"),
      fc.subarray(["MO", "TU", "WE", "TH", "FR", "SA", "SU"], { minLength: 1 }),
      fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined })
    ).map(([freq, days, interval, count]) =>
      [
        `FREQ=${freq}`,
        `BYDAY=${days.join(",")}`,
        ...(interval === undefined ? [] : [`INTERVAL=${interval}`]),
        ...(count === undefined ? [] : [`COUNT=${count}`])
      ].join(";")
    )
})

/**
 * One concrete interval of a (possibly recurring) time block.
 *
 * @since 0.1.0
 */
export interface Interval {
  readonly start: Date
  readonly end: Date
}

/** The most occurrences one expansion yields, so that an unbounded rule over a long range ends. */
export const maxOccurrences = 10_000

/**
 * The intervals of a block that starts at `start` and ends at `end` (its first occurrence), repeated by
 * `rule` when given, that overlap `[from, to)`. Times are expanded in UTC, as the API's instants are.
 *
 * @since 0.1.0
 */
export const expand = (
  block: { readonly start: Date; readonly end: Date; readonly rule?: string | undefined },
  from: Date,
  to: Date
): ReadonlyArray<Interval> => {
  const length = block.end.getTime() - block.start.getTime()
  const overlaps = (start: number) => start < to.getTime() && start + length > from.getTime()
  if (block.rule === undefined) return overlaps(block.start.getTime()) ? [{ start: block.start, end: block.end }] : []
  const recur = ICAL.Recur.fromString(block.rule)
  const iterator = recur.iterator(ICAL.Time.fromJSDate(block.start, true))
  const nextStart = (): number | undefined => {
    const next = iterator.next()
    return next === undefined || next === null ? undefined : next.toJSDate().getTime()
  }
  // RFC 5545: DTSTART is always the first occurrence, and COUNT counts it. ical.js skips a DTSTART the
  // rule does not match (a Friday start of a Monday rule): it is put back first, and the count kept.
  const first = nextStart()
  const queued: Array<number> = first === block.start.getTime() || first === undefined ? [] : [first]
  let remaining = recur.count ?? Infinity
  const out: Array<Interval> = []
  let start: number | undefined = block.start.getTime()
  for (let n = 0; n < maxOccurrences && start !== undefined && remaining > 0 && start < to.getTime(); n++) {
    remaining--
    if (overlaps(start)) out.push({ start: new Date(start), end: new Date(start + length) })
    start = queued.shift() ?? nextStart()
  }
  return out
}
