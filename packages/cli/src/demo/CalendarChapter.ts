/**
 * The demo's calendar chapter: a sales rep connects a Google calendar, blocks a weekday lunch
 * (`FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR`), has a pipeline review booked, shares an ICS feed, then syncs: the
 * sync imports the Google calendar's events as busy blocks. Its report: the feed's event count (read
 * from the feed itself), the events the sync imported, and the rep's next free hour, found with
 * `busyBlocks.conflicts` (every busy block, imported and recurring ones included, expanded over the
 * horizon) and the rep's meetings.
 *
 * @since 0.1.0
 */
import { Ics } from "@blocks-crm/calendar"
import type { CalendarAccount, CalendarSyncStarted, IcsCalendar } from "@blocks-crm/calendar"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { CrmClient } from "@blocks-crm/sdk"

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * What the chapter creates. Exported so that tests derive the expected report from it.
 *
 * @since 0.1.0
 */
export const calendarPlan = {
  rep: { name: "Cal Ramirez" },
  /** The company whose feed it is: the emulator's seeded company, as the reference's examples use. */
  company: "my-company",
  lunch: { title: "Lunch", hourUtc: 12, minutes: 60, rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" },
  /** A one-hour meeting the rep organises, tomorrow at this hour (UTC). */
  review: { title: "Pipeline review", hourUtc: 15 },
  /** How far ahead the next free hour is looked for. */
  horizonDays: 14
} as const

/**
 * What the calendar chapter reports: the feed's events and the next free hour.
 *
 * @since 0.1.0
 */
export interface CalendarReport {
  /** The VEVENTs of the feed, and how many of them repeat. */
  readonly feedEvents: number
  readonly recurringEvents: number
  /** The rep's calendar accounts that the sync reached. */
  readonly syncedAccounts: number
  /** The events the sync imported as busy blocks (absent when the report is over the feed alone). */
  readonly importedEvents?: number | undefined
  /**
   * The first whole hour from now that nothing busy overlaps: the sync's busy intervals when given
   * (conflicts and meetings), else the feed's events expanded.
   */
  readonly nextFreeHour: Date | undefined
}

/**
 * What the sync brought: the events it imported, and every busy interval over the horizon
 * (`busyBlocks.conflicts` of the whole horizon, and the rep's meetings).
 *
 * @since 0.2.0
 */
export interface SyncedBusyTime {
  readonly importedEvents: number
  readonly busy: ReadonlyArray<{ readonly start: Date; readonly end: Date }>
}

/**
 * The report over a feed and the rep's accounts, `now` being where the free hour is looked from, and
 * the free hour found in what the sync brought (`synced`) when given, else in the feed.
 *
 * @since 0.1.0
 */
export const calendarReport = (
  feed: IcsCalendar,
  accounts: ReadonlyArray<CalendarAccount>,
  now: Date,
  synced?: SyncedBusyTime
): CalendarReport => ({
  feedEvents: feed.events.length,
  recurringEvents: feed.events.filter((event) => event.recurrenceRule !== undefined).length,
  syncedAccounts: accounts.filter((account) => account.lastSyncedAt !== null).length,
  importedEvents: synced?.importedEvents,
  nextFreeHour: Ics.nextFreeHour(
    synced?.busy ?? Ics.occurrences(feed, now, new Date(now.getTime() + calendarPlan.horizonDays * DAY)),
    now,
    calendarPlan.horizonDays * DAY
  )
})

/**
 * The report as the CLI prints it.
 *
 * @since 0.1.0
 */
export const formatCalendarReport = (report: CalendarReport): string => {
  const rows: ReadonlyArray<readonly [string, string]> = [
    ["ICS feed", `${report.feedEvents} events (${report.recurringEvents} recurring)`],
    ["Synced calendars", String(report.syncedAccounts)],
    ...(report.importedEvents === undefined
      ? []
      : [["Imported events", `${report.importedEvents} busy blocks from the synced calendars`] as const]),
    [
      "Next free hour",
      report.nextFreeHour === undefined
        ? `none in the next ${calendarPlan.horizonDays} days`
        : `${report.nextFreeHour.toISOString().slice(0, 16).replace("T", " ")} UTC`
    ]
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join("\n")
}

/**
 * What the chapter created and its report.
 *
 * @since 0.1.0
 */
export interface CalendarOutcome {
  readonly repId: string
  readonly account: CalendarAccount
  readonly feed: IcsCalendar
  /** Where the next free hour was looked from. */
  readonly now: Date
  readonly report: CalendarReport
}

/**
 * The rep's accounts once the sync has reached each sync-enabled one (`last_synced_at` at or after its
 * start, or status `error`): the API has no endpoint to read a sync job, so its progress is read on
 * the accounts. The emulator answers a read after the sync's answer with the sync done; a real API may
 * take a moment, so this asks again for up to 10 seconds.
 */
const syncFinished = (repId: string, sync: CalendarSyncStarted) =>
  Effect.gen(function*() {
    const crm = yield* CrmClient
    const reached = (account: CalendarAccount) =>
      !account.syncEnabled || account.status === "error" ||
      (account.lastSyncedAt !== null && account.lastSyncedAt >= sync.data.startedAt)
    for (let attempt = 1;; attempt++) {
      const accounts = yield* crm.calendarAccounts.list(repId)
      if (accounts.every(reached) || attempt === 50) return accounts
      yield* Effect.sleep("200 millis")
    }
  })

/**
 * Runs the chapter. The rep is new on every run (the run id is in their id), so a second run in the
 * same database reports the same numbers.
 *
 * @since 0.1.0
 */
export const runCalendarChapter = (options: {
  readonly runId: string
  readonly log?: ((line: string) => Effect.Effect<void>) | undefined
}): Effect.Effect<CalendarOutcome, CrmError, CrmClient> =>
  Effect.gen(function*() {
    const crm = yield* CrmClient
    const log = options.log ?? Console.log
    const repId = `cal-rep-${options.runId}`
    yield* crm.identities.register(repId, { email: `${repId}@acme.example`, name: calendarPlan.rep.name })
    const account = yield* crm.calendarAccounts.create(repId, { provider: "google", email: `${repId}@gmail.com` })

    // The lunch repeats from this week's Monday (a weekday: the first occurrence is the block itself).
    const now = new Date()
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
    const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY
    const lunchStart = new Date(monday + calendarPlan.lunch.hourUtc * HOUR)
    yield* crm.busyBlocks.create(repId, {
      title: calendarPlan.lunch.title,
      startTime: lunchStart,
      endTime: new Date(lunchStart.getTime() + calendarPlan.lunch.minutes * 60_000),
      recurring: true,
      recurrenceRule: calendarPlan.lunch.rule
    })
    const reviewStart = new Date(today + DAY + calendarPlan.review.hourUtc * HOUR)
    yield* crm.meetings.create({
      title: calendarPlan.review.title,
      startTime: reviewStart,
      endTime: new Date(reviewStart.getTime() + HOUR),
      userUniqueId: repId
    })
    yield* log(
      `  - ${calendarPlan.rep.name}: Google calendar connected, weekday lunch blocked, a pipeline review booked`
    )

    // The feed is shared before the sync: it publishes the CRM's own events, not the imported ones.
    const token = yield* crm.icsTokens.create(repId, { label: "Phone" })
    const feed = yield* crm.icsFeed.calendar(calendarPlan.company, token.token)
    yield* log(`  - ICS feed shared (${feed.prodId}): ${feed.events.map((e) => e.summary ?? "?").join(", ")}`)

    const blocksBefore = (yield* crm.busyBlocks.list(repId)).length
    const sync = yield* crm.calendarSync.syncUser(repId)
    yield* log(`  - calendar sync ${sync.data.syncId.slice(0, 8)}: ${sync.message.toLowerCase()} (${sync.data.status})`)
    const accounts = yield* syncFinished(repId, sync)
    const importedEvents = (yield* crm.busyBlocks.list(repId)).length - blocksBefore
    yield* log(`  - the sync imported ${importedEvents} events of the Google calendar as busy blocks`)

    const horizon = { start: now, end: new Date(now.getTime() + calendarPlan.horizonDays * DAY) }
    const conflicts = yield* crm.busyBlocks.conflicts(repId, horizon)
    const meetings = (yield* crm.meetings.listForUser(repId, { records: 100 })).data
    const busy = [...conflicts, ...meetings.map((meeting) => ({ start: meeting.startTime, end: meeting.endTime }))]
    const report = calendarReport(feed, accounts, now, { importedEvents, busy })
    yield* log(
      `  - next free hour found with busyBlocks.conflicts: ${conflicts.length} busy intervals and ${meetings.length} meeting${
        meetings.length === 1 ? "" : "s"
      } in the next ${calendarPlan.horizonDays} days`
    )
    return { repId, account, feed, now, report }
  })
