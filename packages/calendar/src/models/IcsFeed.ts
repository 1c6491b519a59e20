/**
 * The public ICS feed (`GET /calendars/:company_url_id/ics/:token`), read with ical.js into typed
 * events. Recurring events keep their rule (the feed does not expand them); `BusyBlocks.occurrences`
 * and `IcsFeed.occurrences` expand them with the same library.
 *
 * @since 0.1.0
 */
import ICAL from "ical.js"
import { expand } from "./Recurrence.js"
import type { Interval } from "./Recurrence.js"

/**
 * One VEVENT of the feed.
 *
 * @since 0.1.0
 */
export interface IcsEvent {
  readonly uid: string
  readonly summary: string | undefined
  readonly start: Date
  readonly end: Date
  readonly stamp: Date
  /** The RRULE value, when the event repeats. */
  readonly recurrenceRule: string | undefined
  readonly location: string | undefined
  readonly description: string | undefined
  /** `CONFIRMED`, `CANCELLED`, ... when the feed says. */
  readonly status: string | undefined
}

/**
 * A whole feed: its VERSION, PRODID and events.
 *
 * @since 0.1.0
 */
export interface IcsCalendar {
  readonly version: string
  readonly prodId: string
  readonly events: ReadonlyArray<IcsEvent>
}

const text = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value)

const instant = (component: ICAL.Component, name: string): Date | undefined => {
  const value = component.getFirstPropertyValue(name)
  return value instanceof ICAL.Time ? value.toJSDate() : undefined
}

/**
 * Parses an iCalendar text. Throws (an `Error` naming what is missing) when it is not a VCALENDAR with
 * VERSION and PRODID, or a VEVENT lacks UID, DTSTAMP, DTSTART or DTEND; the service turns that into
 * `UnexpectedResponse`.
 *
 * @since 0.1.0
 */
export const parse = (ics: string): IcsCalendar => {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  if (calendar.name !== "vcalendar") throw new Error(`expected a VCALENDAR, got ${calendar.name.toUpperCase()}`)
  const version = text(calendar.getFirstPropertyValue("version"))
  const prodId = text(calendar.getFirstPropertyValue("prodid"))
  if (version === undefined) throw new Error("the calendar has no VERSION")
  if (prodId === undefined) throw new Error("the calendar has no PRODID")
  const events = calendar.getAllSubcomponents("vevent").map((vevent, index): IcsEvent => {
    const uid = text(vevent.getFirstPropertyValue("uid"))
    const start = instant(vevent, "dtstart")
    const end = instant(vevent, "dtend")
    const stamp = instant(vevent, "dtstamp")
    const missing = [uid === undefined && "UID", stamp === undefined && "DTSTAMP", start === undefined && "DTSTART",
      end === undefined && "DTEND"].filter((name) => name !== false)
    if (missing.length > 0) throw new Error(`VEVENT ${index + 1} has no ${missing.join(", ")}`)
    const rule = vevent.getFirstPropertyValue("rrule")
    return {
      uid: uid!,
      summary: text(vevent.getFirstPropertyValue("summary")),
      start: start!,
      end: end!,
      stamp: stamp!,
      recurrenceRule: rule === null ? undefined : String(rule),
      location: text(vevent.getFirstPropertyValue("location")),
      description: text(vevent.getFirstPropertyValue("description")),
      status: text(vevent.getFirstPropertyValue("status"))
    }
  })
  return { version, prodId, events }
}

/**
 * The busy intervals of a feed's events in `[from, to)`, recurring ones expanded, cancelled ones left
 * out, sorted by start.
 *
 * @since 0.1.0
 */
export const occurrences = (
  calendar: IcsCalendar,
  from: Date,
  to: Date
): ReadonlyArray<Interval & { readonly uid: string; readonly summary: string | undefined }> =>
  calendar.events
    .filter((event) => event.status?.toUpperCase() !== "CANCELLED")
    .flatMap((event) =>
      expand({ start: event.start, end: event.end, rule: event.recurrenceRule }, from, to).map((interval) => ({
        ...interval,
        uid: event.uid,
        summary: event.summary
      }))
    )
    .sort((a, b) => a.start.getTime() - b.start.getTime())

/**
 * The first whole hour at or after `from` that overlaps none of `busy` (searched up to `within`
 * milliseconds ahead), or undefined.
 *
 * @since 0.1.0
 */
export const nextFreeHour = (
  busy: ReadonlyArray<Interval>,
  from: Date,
  within = 14 * 86_400_000
): Date | undefined => {
  const hour = 3_600_000
  const first = Math.ceil(from.getTime() / hour) * hour
  for (let start = first; start < from.getTime() + within; start += hour) {
    if (!busy.some((b) => b.start.getTime() < start + hour && b.end.getTime() > start)) return new Date(start)
  }
  return undefined
}
