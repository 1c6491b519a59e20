/**
 * The emulator's stand-in for the calendar providers (Google, Outlook, Apple) a sync imports from: no
 * network, the same events for the same account every time.
 *
 * A provider calendar is found by the account's e-mail. Fixtures may give one (collection
 * `provider_calendars` of the calendar domain), with its events and, to see a sync fail, the provider's
 * refusal:
 *
 *   "calendar": { "provider_calendars": [{
 *     "email": "ada@gmail.com",
 *     "events": [{ "title": "Dentist", "start_time": "2026-03-02T09:00:00Z", "end_time": "2026-03-02T10:00:00Z" },
 *                { "title": "Standup", "start_time": "2026-03-02T08:30:00Z", "end_time": "2026-03-02T08:45:00Z",
 *                  "recurrence_rule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" }]
 *   }, { "email": "revoked@outlook.com", "events": [], "failure": "invalid_grant" }] }
 *
 * An account without one has a calendar of its own making: on each of the three UTC days from the day
 * the sync starts, one hour-long "Busy (<provider>)" event at an hour from 09:00 to 16:00 chosen by the
 * e-mail and the date, so two accounts differ and a sync repeated the same day imports the same events.
 */
import { Recurrence } from "@blocks-crm/calendar"
import type { CalendarAccount } from "@blocks-crm/calendar"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Schema from "effect/Schema"
import { createHash } from "node:crypto"

/** One event of a provider calendar, as a fixture writes it (the busy block's wire names). */
export const ProviderEvent = Schema.Struct({
  title: Fields.optional(Schema.String),
  startTime: Fields.renamed(Fields.Timestamp, "start_time"),
  endTime: Fields.renamed(Fields.Timestamp, "end_time"),
  recurrenceRule: Fields.optionalRenamed(Recurrence.RecurrenceRule, "recurrence_rule")
}).pipe(
  Schema.filter((event) =>
    event.startTime < event.endTime || { path: ["endTime"], message: "must be after start_time" }
  )
)

/** A provider calendar: whose it is (the account's e-mail), its events, and the refusal that fails its sync. */
export const ProviderCalendar = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  email: Schema.String,
  events: Schema.Array(ProviderEvent),
  /** Given: the provider refuses the sync with this reason (the account's status becomes `error`). */
  failure: Fields.optional(Schema.String)
}).annotations({ identifier: "ProviderCalendar" })
/** A provider calendar as the emulator keeps it. */
export interface ProviderCalendar extends Schema.Schema.Type<typeof ProviderCalendar> {}
/** One event of a provider calendar. */
export interface ProviderEvent extends Schema.Schema.Type<typeof ProviderEvent> {}

const HOUR = 3_600_000
const DAY = 24 * HOUR

const digest = (text: string) => createHash("sha256").update(text).digest()

/** The calendar of an account that fixtures do not describe, for a sync started at `now`. */
export const madeUpCalendar = (account: CalendarAccount, now: Date): ProviderCalendar => {
  const today = Math.floor(now.getTime() / DAY) * DAY
  const events = [0, 1, 2].map((day): ProviderEvent => {
    const date = new Date(today + day * DAY)
    const hour = 9 + (digest(`${account.email}/${date.toISOString().slice(0, 10)}`)[0]! % 8)
    const startTime = new Date(date.getTime() + hour * HOUR)
    return { title: `Busy (${account.provider})`, startTime, endTime: new Date(startTime.getTime() + HOUR) }
  })
  return { uniqueId: account.email, email: account.email, events }
}

/**
 * The id of the busy block an event is imported as: the same for the same account and event, so a
 * repeated sync refreshes the block instead of adding another. A name-based UUID (version 5 form), where
 * the blocks a user creates get random ones (version 4): `isImported` tells them apart.
 */
export const importedBlockId = (accountId: string, event: ProviderEvent): string => {
  const hex = digest(
    `${accountId}/${event.startTime.toISOString()}/${event.endTime.toISOString()}/${event.title ?? ""}/${
      event.recurrenceRule ?? ""
    }`
  ).toString("hex")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** Whether a busy block was imported by a sync (its id is `importedBlockId`'s), not created by its user. */
export const isImported = (blockId: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a/.test(blockId)
