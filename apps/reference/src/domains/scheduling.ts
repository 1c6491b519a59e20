/**
 * The scheduling domain: meetings (with their participants, `meetings.participants`), events with
 * attendance, and Zoom.
 *
 * @since 0.1.0
 */
import {
  EventsService,
  MeetingParticipantsService,
  MeetingsService,
  SchedulingApi,
  ZoomHostsService,
  ZoomMeetingsService,
  ZoomWebhookService
} from "@blocks-crm/scheduling"
import * as CrmDomain from "../CrmDomain.js"

/**
 * @since 0.1.0
 */
export const scheduling = CrmDomain.make({
  name: "scheduling",
  api: SchedulingApi,
  services: {
    meetings: MeetingsService,
    events: EventsService,
    zoomHosts: ZoomHostsService,
    zoomMeetings: ZoomMeetingsService,
    zoomWebhook: ZoomWebhookService
  },
  nested: {
    meetings: { participants: MeetingParticipantsService }
  }
})
