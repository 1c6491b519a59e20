/**
 * The scheduling domain as the emulator serves it.
 */
import { SchedulingApi } from "@blocks-crm/scheduling"
import * as Layer from "effect/Layer"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import { EventsHandlers } from "./EventsHandlers.js"
import { MeetingParticipantsHandlers } from "./MeetingParticipantsHandlers.js"
import { MeetingsHandlers } from "./MeetingsHandlers.js"
import { ZoomHostsHandlers } from "./ZoomHostsHandlers.js"
import { ZoomMeetingsHandlers } from "./ZoomMeetingsHandlers.js"
import { ZoomWebhookHandlers } from "./ZoomWebhookHandlers.js"

/** The scheduling domain as the emulator serves it: its contract and its handlers. */
export const SchedulingDomain = EmulatorDomain.make(
  "scheduling",
  SchedulingApi,
  Layer.mergeAll(
    MeetingsHandlers,
    MeetingParticipantsHandlers,
    EventsHandlers,
    ZoomHostsHandlers,
    ZoomMeetingsHandlers,
    ZoomWebhookHandlers
  )
)
