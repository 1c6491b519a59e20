/**
 * The scheduling domain of the 23blocks CRM Block: meetings and their participants, events with
 * attendance, and Zoom (meetings, hosts, availability, webhooks).
 *
 * @since 0.1.0
 */
export * from "./models/Common.js"
export * from "./models/Meeting.js"
export * from "./models/MeetingParticipant.js"
export * from "./models/Event.js"
export * from "./models/ZoomHost.js"
export * from "./models/ZoomMeeting.js"
export * from "./models/ZoomWebhook.js"
export * from "./contract/MeetingsGroup.js"
export * from "./contract/MeetingParticipantsGroup.js"
export * from "./contract/EventsGroup.js"
export * from "./contract/ZoomHostsGroup.js"
export * from "./contract/ZoomMeetingsGroup.js"
export * from "./contract/ZoomWebhookGroup.js"
export * from "./contract/SchedulingApi.js"
export * from "./services/MeetingsService.js"
export * from "./services/MeetingParticipantsService.js"
export * from "./services/EventsService.js"
export * from "./services/ZoomHostsService.js"
export * from "./services/ZoomMeetingsService.js"
export * from "./services/ZoomWebhookService.js"
export * as ZoomWebhookSignature from "./services/ZoomWebhookSignature.js"
export * from "./services/SchedulingServices.js"
export * from "./domain.js"
