/**
 * `GET /calendars/:company_url_id/ics/:token`, public: the token says whose calendar (and so the
 * tenant), and the company must be that tenant's; anything else is the same 404. The calendar is built
 * with ical.js: one VEVENT per meeting of the user (organised or attended, read through the scheduling
 * domain's collections and model) and per busy block, recurring ones with their RRULE, not expanded;
 * not the blocks a calendar sync imported, which are on the calendar they came from.
 * A meeting cancelled through Cal.com stays in the feed as STATUS:CANCELLED, so that a calendar app
 * that already has it removes it.
 */
import { CalendarApi } from "@blocks-crm/calendar"
import type { BusyBlock } from "@blocks-crm/calendar"
import type { Meeting } from "@blocks-crm/scheduling"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import ICAL from "ical.js"
import { group, notFound } from "../Resources.js"
import { isCancelled } from "./CalcomWebhookHandlers.js"
import { isImported } from "./ProviderCalendars.js"
import { asTenant, findIcsToken, openCalendar } from "./Records.js"
import { Directory } from "../../Directory.js"

/** The feed's `PRODID`, as RFC 5545 asks of every calendar. */
export const prodId = "-//23blocks//CRM//EN"

const utc = (date: Date) => ICAL.Time.fromJSDate(date, true)

const vevent = (event: {
  readonly uid: string
  readonly stamp: Date
  readonly start: Date
  readonly end: Date
  readonly summary: string
  readonly rule?: string | undefined
  readonly location?: string | undefined
  readonly description?: string | undefined
  readonly status?: string | undefined
}) => {
  const component = new ICAL.Component("vevent")
  component.updatePropertyWithValue("uid", event.uid)
  component.updatePropertyWithValue("dtstamp", utc(event.stamp))
  component.updatePropertyWithValue("dtstart", utc(event.start))
  component.updatePropertyWithValue("dtend", utc(event.end))
  if (event.rule !== undefined) component.updatePropertyWithValue("rrule", ICAL.Recur.fromString(event.rule))
  component.updatePropertyWithValue("summary", event.summary)
  if (event.location !== undefined) component.updatePropertyWithValue("location", event.location)
  if (event.description !== undefined) component.updatePropertyWithValue("description", event.description)
  if (event.status !== undefined) component.updatePropertyWithValue("status", event.status)
  return component
}

/** The user's calendar as RFC 5545 text. */
export const calendarText = (meetings: ReadonlyArray<Meeting>, blocks: ReadonlyArray<BusyBlock>): string => {
  const calendar = new ICAL.Component(["vcalendar", [], []])
  calendar.updatePropertyWithValue("version", "2.0")
  calendar.updatePropertyWithValue("prodid", prodId)
  calendar.updatePropertyWithValue("calscale", "GREGORIAN")
  for (const meeting of meetings) {
    calendar.addSubcomponent(vevent({
      uid: `meeting-${meeting.uniqueId}@23blocks-crm`,
      stamp: meeting.updatedAt ?? meeting.createdAt,
      start: meeting.startTime,
      end: meeting.endTime,
      summary: meeting.title,
      location: meeting.meetingLocation,
      description: meeting.description,
      status: isCancelled(meeting) ? "CANCELLED" : "CONFIRMED"
    }))
  }
  for (const block of blocks) {
    calendar.addSubcomponent(vevent({
      uid: `busy-block-${block.uniqueId}@23blocks-crm`,
      stamp: block.updatedAt ?? block.createdAt,
      start: block.startTime,
      end: block.endTime,
      summary: block.title ?? "Busy",
      rule: block.recurring ? block.recurrenceRule : undefined
    }))
  }
  // RFC 5545 lines end with CRLF.
  return calendar.toString().replace(/\r?\n/g, "\r\n") + "\r\n"
}

const feedNotFound = notFound("Calendar Feed")

/** The emulator's handlers for the ics feed endpoints. */
export const IcsFeedHandlers = group(CalendarApi, "icsFeed", (handlers) =>
  Effect.gen(function*() {
    const { busyBlocks } = yield* openCalendar
    const directory = yield* Directory
    const { meetings, participants } = directory
    return handlers.handle("get", ({ path }) =>
      Effect.gen(function*() {
        const owner = yield* findIcsToken(path.token)
        if (owner === undefined) return yield* Effect.fail(feedNotFound)
        return yield* asTenant(owner.tenantId)(Effect.gen(function*() {
          const company = yield* directory.company(owner.tenantId, path.companyUrlId)
          if (Option.isNone(company)) return yield* Effect.fail(feedNotFound)
          const all = yield* meetings.all()
          const mine: Array<Meeting> = []
          for (const meeting of all) {
            if (meeting.userUniqueId === owner.userId) mine.push(meeting)
            else if ((yield* participants.all(meeting.uniqueId)).some((p) => p.userUniqueId === owner.userId)) {
              mine.push(meeting)
            }
          }
          // The feed publishes the CRM's own blocks: an imported event is already on the calendar it came
          // from, and a calendar app subscribed to the feed would show it twice.
          const blocks = (yield* busyBlocks.all(owner.userId)).filter((block) => !isImported(block.uniqueId))
          return calendarText(mine, blocks)
        }))
      }))
  }))
