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
  /** Required by RFC 5545; the reference's own example feed has none, so it may be absent. */
  readonly uid: string | undefined
  readonly summary: string | undefined
  readonly start: Date
  /** DTEND, or DTSTART plus DURATION (ical.js works it out). */
  readonly end: Date
  /** DTSTAMP, absent from the reference's example like UID. */
  readonly stamp: Date | undefined
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

const text = (value: unknown): string | undefined => value === null || value === undefined ? undefined : String(value)

const instant = (component: ICAL.Component, name: string): Date | undefined => {
  const value = component.getFirstPropertyValue(name)
  return value instanceof ICAL.Time ? value.toJSDate() : undefined
}

/**
 * Parses an iCalendar text. Throws (an `Error` naming what is missing) when it is not a VCALENDAR with
 * VERSION and PRODID, or a VEVENT has no DTSTART; the service turns that into `UnexpectedResponse`.
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
    if (instant(vevent, "dtstart") === undefined) throw new Error(`VEVENT ${index + 1} has no DTSTART`)
    const event = new ICAL.Event(vevent)
    const rule = vevent.getFirstPropertyValue("rrule")
    return {
      uid: text(vevent.getFirstPropertyValue("uid")),
      summary: text(vevent.getFirstPropertyValue("summary")),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      stamp: instant(vevent, "dtstamp"),
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
): ReadonlyArray<Interval & { readonly uid: string | undefined; readonly summary: string | undefined }> =>
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
