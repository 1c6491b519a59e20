/**
 * The scheduling domain's collections, declared once so every handler group agrees on them, and the
 * 422 in the reference's format.
 */
import {
  Event,
  EventListUrlParams,
  Meeting,
  MeetingListUrlParams,
  MeetingParticipant,
  MeetingParticipantListUrlParams,
  ZoomAllocation,
  ZoomHost,
  ZoomHostListUrlParams,
  ZoomMeeting
} from "@blocks-crm/scheduling"
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import { defaultRecords, type Page, type PageQuery, RecordStore } from "../../RecordStore.js"
import { resource, toPageResult } from "../Resources.js"

/** A page of rows already filtered in memory (for listings that follow more than one link). */
export const pageOf = <A>(items: ReadonlyArray<A>, query: PageQuery) => {
  const records = query.records ?? defaultRecords
  const page = query.page ?? 1
  const result: Page<A> = {
    items: items.slice((page - 1) * records, page * records),
    page,
    records,
    totalRecords: items.length,
    totalPages: Math.max(1, Math.ceil(items.length / records))
  }
  return toPageResult(result)
}

/** The scheduling domain's collections over the record store. */
export const schedulingRecords = (store: Context.Tag.Service<typeof RecordStore>) => ({
  meetings: resource(
    store.collection("meetings", Meeting, {
      idOf: (meeting) => meeting.uniqueId,
      searchText: (meeting) => [meeting.title, meeting.description ?? "", meeting.meetingType ?? ""].join(" ")
    }),
    "Meeting",
    { listParams: MeetingListUrlParams }
  ),
  /** Kept under their meeting (`parentId`), so a participant of another meeting is not found. */
  participants: resource(
    store.collection("meeting_participants", MeetingParticipant, {
      idOf: (participant) => participant.uniqueId,
      searchText: (participant) => [participant.name ?? "", participant.email ?? ""].join(" "),
      parent: { collection: "meetings", attribute: "meeting_unique_id" }
    }),
    "Participant",
    { listParams: MeetingParticipantListUrlParams }
  ),
  events: resource(
    store.collection("events", Event, {
      idOf: (event) => event.uniqueId,
      searchText: (event) => [event.title ?? "", event.eventType ?? "", event.description ?? ""].join(" ")
    }),
    "Event",
    { listParams: EventListUrlParams }
  ),
  hosts: resource(
    store.collection("zoom_hosts", ZoomHost, {
      idOf: (host) => host.uniqueId,
      searchText: (host) => [host.email ?? "", host.displayName ?? ""].join(" ")
    }),
    "Zoom Host",
    { listParams: ZoomHostListUrlParams }
  ),
  /** Kept under their host (`parentId`); released ones stay, as the host's history. */
  allocations: resource(
    store.collection("zoom_allocations", ZoomAllocation, { idOf: (a) => a.uniqueId }),
    "Allocation"
  ),
  /** Kept under their meeting (`parentId`): one Zoom link per meeting. */
  zoomMeetings: resource(
    store.collection("zoom_meetings", ZoomMeeting, { idOf: (zoom) => zoom.uniqueId }),
    "Zoom Meeting"
  )
})

/** The scheduling domain's collections, opened over the emulator's record store. */
export const openScheduling = Effect.map(RecordStore, schedulingRecords)
