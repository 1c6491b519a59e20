/**
 * The demo's scheduling chapter: a sales rep books a quarterly review with Globex (two participants, a
 * Zoom link on the rep's own Zoom host, crm-block.md's "Schedule a Meeting with Zoom"), two more
 * meetings, and a customer day where guests confirm and check in. Its report: the account's meetings
 * this week, the event's attendance and the host's utilisation, as the API returns them.
 *
 * @since 0.1.0
 */
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import type { Event, Meeting, ZoomAllocation, ZoomHost } from "@blocks-crm/scheduling"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { CrmClient } from "@blocks-crm/sdk"

const DAY = 86_400_000

/**
 * What the chapter creates and does. Exported so that tests derive the expected report from it.
 *
 * @since 0.1.0
 */
export const schedulingPlan = {
  rep: { name: "Rita Reyes" },
  account: { name: "Globex" },
  /** Start in days from now (at 14:00 UTC) and length in minutes; the first gets the Zoom link. */
  meetings: [
    { title: "Quarterly Review", inDays: 2, minutes: 60, meetingType: "virtual" },
    { title: "Pricing call", inDays: 4, minutes: 30, meetingType: "phone" },
    { title: "Renewal planning", inDays: 20, minutes: 45, meetingType: "in_person" }
  ],
  /** The review's participants: a Globex contact and the rep. */
  contact: { firstName: "Gina", lastName: "Globex" },
  host: { capacity: 2 },
  /** The customer day: who confirms, who checks in, who checks out (in that order). */
  guests: ["ana", "ben", "cleo", "dev"],
  checkIn: ["ana", "ben", "cleo"],
  checkOut: ["ana"]
} as const

/**
 * What the scheduling chapter reports: meetings this week, attendance and Zoom host use.
 *
 * @since 0.1.0
 */
export interface SchedulingReport {
  /** The account's meetings starting in the next seven days, and in all. */
  readonly meetingsThisWeek: number
  readonly meetings: number
  /** The customer day's counts, the rep (an employee) included. */
  readonly attendance: { readonly confirmed: number; readonly checkedIn: number; readonly checkedOut: number }
  /** Live allocations on the rep's Zoom host, against its capacity. */
  readonly hostUtilisation: { readonly allocated: number; readonly capacity: number }
}

/**
 * The report over the given records, `now` being the start of "this week".
 *
 * @since 0.1.0
 */
export const schedulingReport = (
  meetings: ReadonlyArray<Meeting>,
  event: Event,
  host: ZoomHost,
  allocations: ReadonlyArray<ZoomAllocation>,
  now: Date
): SchedulingReport => ({
  meetingsThisWeek:
    meetings.filter((m) => m.startTime.getTime() >= now.getTime() && m.startTime.getTime() < now.getTime() + 7 * DAY)
      .length,
  meetings: meetings.length,
  attendance: {
    confirmed: event.confirmedCount ?? 0,
    checkedIn: event.checkedInCount ?? 0,
    checkedOut: event.checkedOutCount ?? 0
  },
  hostUtilisation: {
    allocated: allocations.filter((a) => a.status === "allocated").length,
    capacity: host.maxMeetings ?? 1
  }
})

/**
 * The report as the CLI prints it.
 *
 * @since 0.1.0
 */
export const formatSchedulingReport = (report: SchedulingReport): string => {
  const { allocated, capacity } = report.hostUtilisation
  const rows: ReadonlyArray<readonly [string, string]> = [
    ["Meetings this week", `${report.meetingsThisWeek} of ${report.meetings} with the account`],
    [
      "Customer day",
      `${report.attendance.confirmed} confirmed, ${report.attendance.checkedIn} checked in, ${report.attendance.checkedOut} checked out`
    ],
    ["Zoom host", `${allocated} of ${capacity} meetings allocated (${Math.round((allocated / capacity) * 100)}%)`]
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join("\n")
}

/**
 * What the chapter created and its report.
 *
 * @since 0.1.0
 */
export interface SchedulingOutcome {
  readonly meetings: ReadonlyArray<Meeting>
  readonly event: Event
  readonly host: ZoomHost
  readonly joinUrl: string | undefined
  readonly report: SchedulingReport
}

/**
 * Runs the chapter. Names carry the run id (account names are unique per tenant), and the Zoom link is
 * booked on the rep's own host, so a second run in the same database reports the same numbers.
 *
 * @since 0.1.0
 */
export const runSchedulingChapter = (options: {
  readonly runId: string
  readonly log?: ((line: string) => Effect.Effect<void>) | undefined
}): Effect.Effect<SchedulingOutcome, CrmError, CrmClient> =>
  Effect.gen(function*() {
    const crm = yield* CrmClient
    const log = options.log ?? Console.log
    const now = new Date()
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 14)

    const repId = `rep-${options.runId}`
    yield* crm.identities.register(repId, { email: `${repId}@acme.example`, name: schedulingPlan.rep.name })
    const account = yield* crm.accounts.create({ name: `${schedulingPlan.account.name} (demo run ${options.runId})` })
    const host = yield* crm.zoomHosts.create({
      email: `zoom.${options.runId}@acme.example`,
      userUniqueId: repId,
      displayName: `${schedulingPlan.rep.name} (Zoom)`,
      maxMeetings: schedulingPlan.host.capacity
    })

    const created: Array<Meeting> = []
    for (const meeting of schedulingPlan.meetings) {
      const start = new Date(today + meeting.inDays * DAY)
      created.push(
        yield* crm.meetings.create({
          title: meeting.title,
          meetingType: meeting.meetingType,
          startTime: start,
          endTime: new Date(start.getTime() + meeting.minutes * 60_000),
          userUniqueId: repId,
          accountUniqueId: account.uniqueId
        })
      )
    }
    const review = created[0]!
    const gina = yield* crm.contacts.create({
      ...schedulingPlan.contact,
      email: `gina.${options.runId}@globex.example`
    })
    yield* crm.meetings.participants.add(review.uniqueId, { contactUniqueId: gina.uniqueId, role: "attendee" })
    yield* crm.meetings.participants.add(review.uniqueId, { userUniqueId: repId, role: "host" })
    const zoom = yield* crm.zoomMeetings.create(repId, review.uniqueId, {
      duration: schedulingPlan.meetings[0].minutes
    })
    yield* log(`  - ${review.title} with ${account.name}: 2 participants, Zoom ${zoom.joinUrl ?? "(no link)"}`)
    yield* log(`  - ${schedulingPlan.meetings.slice(1).map((m) => m.title).join(" and ")} booked`)

    // The customer day: guests confirm, most check in, one leaves early; the rep works it.
    const event = yield* crm.events.create({
      title: `Globex customer day (demo run ${options.runId})`,
      eventType: "customer_event",
      userUniqueId: repId,
      startTime: new Date(today + 1 * DAY),
      endTime: new Date(today + 1 * DAY + 4 * 3_600_000)
    })
    const guestIds: Record<string, string> = {}
    for (const key of schedulingPlan.guests) {
      const guest = yield* crm.contacts.create({
        firstName: key[0]!.toUpperCase() + key.slice(1),
        lastName: "Guest",
        email: `${key}.${options.runId}@globex.example`
      })
      guestIds[key] = guest.uniqueId
      yield* crm.events.confirmContact(event.uniqueId, { contactUniqueId: guest.uniqueId })
    }
    yield* crm.events.confirmEmployee(event.uniqueId, { employeeUniqueId: repId })
    yield* crm.events.checkInEmployee(event.uniqueId, { employeeUniqueId: repId })
    for (const key of schedulingPlan.checkIn) {
      yield* crm.events.checkInContact(event.uniqueId, { contactUniqueId: guestIds[key]! })
    }
    for (const key of schedulingPlan.checkOut) {
      yield* crm.events.checkOutContact(event.uniqueId, { contactUniqueId: guestIds[key]!, contactApproved: true })
    }
    const attended = yield* crm.events.addAdminNote(event.uniqueId, {
      note: "Room B, coffee for 20",
      author: schedulingPlan.rep.name
    })
    yield* log(
      `  - customer day: ${attended.confirmedCount} confirmed, ${attended.checkedInCount} checked in, ` +
        `${attended.checkedOutCount} checked out`
    )

    const meetings = (yield* crm.meetings.listForAccount(account.uniqueId, { records: 100 })).data
    const allocations = yield* crm.zoomHosts.allocations(host.uniqueId)
    const report = schedulingReport(meetings, attended, host, allocations, now)
    return { meetings, event: attended, host, joinUrl: zoom.joinUrl, report }
  })
