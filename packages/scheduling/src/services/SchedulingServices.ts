/**
 * Every scheduling service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import * as Layer from "effect/Layer"
import { EventsService } from "./EventsService.js"
import { MeetingParticipantsService } from "./MeetingParticipantsService.js"
import { MeetingsService } from "./MeetingsService.js"
import { ZoomHostsService } from "./ZoomHostsService.js"
import { ZoomMeetingsService } from "./ZoomMeetingsService.js"
import { ZoomWebhookService } from "./ZoomWebhookService.js"

/**
 * Every scheduling service, as one requirement.
 *
 * @since 0.1.0
 */
export type SchedulingServices =
  | MeetingsService
  | MeetingParticipantsService
  | EventsService
  | ZoomHostsService
  | ZoomMeetingsService
  | ZoomWebhookService

/**
 * Every scheduling service's `Default` layer, on whatever `CrmTransport` is provided.
 *
 * @since 0.1.0
 * @category layers
 */
export const SchedulingServicesLive: Layer.Layer<SchedulingServices, never, CrmTransport> = Layer.mergeAll(
  MeetingsService.Default,
  MeetingParticipantsService.Default,
  EventsService.Default,
  ZoomHostsService.Default,
  ZoomMeetingsService.Default,
  ZoomWebhookService.Default
)
