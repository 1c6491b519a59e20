import type { Meeting } from "@blocks-crm/scheduling"
import { useQuery } from "@tanstack/react-query"
import { crmQueries } from "@blocks-crm/react"
import { ErrorView } from "../ErrorView.js"
import { formatDateTime } from "../format.js"

const DAY = 24 * 60 * 60 * 1000

/** Monday 00:00 of this week, in the reader's time zone. */
const thisMonday = (now: Date): Date => {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate())
  return new Date(midnight.getTime() - ((midnight.getDay() + 6) % 7) * DAY)
}

/** The meetings that start this week (Monday to Sunday), in order. */
export function Meetings() {
  const meetings = useQuery(crmQueries.meetings.list({ page: 1, records: 200, sort: "startTime" }))
  if (meetings.isPending) return <main className="page" aria-busy="true">Loading meetings…</main>
  if (meetings.isError) return <ErrorView error={meetings.error} />
  const monday = thisMonday(new Date())
  const week: ReadonlyArray<Meeting> = meetings.data.data.filter((meeting: Meeting) =>
    meeting.startTime >= monday && meeting.startTime.getTime() < monday.getTime() + 7 * DAY
  )
  return (
    <main className="page">
      <h1>This week's meetings</h1>
      {week.length === 0 ? <p>No meetings this week.</p> : (
        <ul className="meetings">
          {week.map((meeting) => (
            <li key={meeting.uniqueId} data-testid="meeting">
              <time dateTime={meeting.startTime.toISOString()}>{formatDateTime(meeting.startTime)}</time>{" "}
              <strong>{meeting.title}</strong>
              {meeting.meetingType === undefined ? null : <span className="muted">{` · ${meeting.meetingType}`}</span>}
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
