/**
 * The scheduling domain: meetings (with their participants, `meetings.participants`), events with
 * attendance, and Zoom.
 *
 * The descriptor `scheduling` is what `@blocks-crm/client` composes, as in
 * `createCrmClient({ ..., domains: [scheduling] })`: it names each service as it appears on the client.
 * Importing it brings this domain's services and contract, nothing of another domain.
 *
 * @since 0.1.0
 */
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import { EventsService } from "./services/EventsService.js"
import { MeetingParticipantsService } from "./services/MeetingParticipantsService.js"
import { MeetingsService } from "./services/MeetingsService.js"
import { SchedulingApi } from "./contract/SchedulingApi.js"
import { ZoomHostsService } from "./services/ZoomHostsService.js"
import { ZoomMeetingsService } from "./services/ZoomMeetingsService.js"
import { ZoomWebhookService } from "./services/ZoomWebhookService.js"

/**
 * The scheduling domain's descriptor: its contract and its services by the name they take on the client.
 *
 * @example
 * import { createCrmClient } from "@blocks-crm/client"
 * import { scheduling } from "@blocks-crm/scheduling/domain"
 *
 * const client = createCrmClient({ apiUrl, authToken, apiKey, domains: [scheduling] })
 *
 * @since 0.1.0
 * @category descriptors
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
