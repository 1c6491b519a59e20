/**
 * The scheduling domain's contract: every group it declares, as one `HttpApi`.
 *
 * @since 0.1.0
 */
import * as HttpApi from "@effect/platform/HttpApi"
import { EventsGroup } from "./EventsGroup.js"
import { MeetingParticipantsGroup } from "./MeetingParticipantsGroup.js"
import { MeetingsGroup } from "./MeetingsGroup.js"
import { ZoomHostsGroup } from "./ZoomHostsGroup.js"
import { ZoomMeetingsGroup } from "./ZoomMeetingsGroup.js"
import { ZoomWebhookGroup } from "./ZoomWebhookGroup.js"

/**
 * The scheduling domain's contract: meetings, participants, events, Zoom hosts, Zoom links and the Zoom webhook.
 *
 * @since 0.1.0
 */
export class SchedulingApi extends HttpApi.make("scheduling")
  .add(MeetingsGroup)
  .add(MeetingParticipantsGroup)
  .add(EventsGroup)
  .add(ZoomHostsGroup)
  .add(ZoomMeetingsGroup)
  .add(ZoomWebhookGroup)
{}
