/**
 * A meeting's Zoom link (get, create, update, delete) and a user's Zoom availability.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import { ZoomMeetingsGroup } from "../contract/ZoomMeetingsGroup.js"
import type { TimeRange } from "../models/ZoomHost.js"
import type {
  CreateZoomMeetingRequest,
  UpdateZoomMeetingRequest,
  ZoomMeeting,
  ZoomUserAvailability
} from "../models/ZoomMeeting.js"

/**
 * The Zoom meeting methods, each under a user (`userId`) and a meeting (`meetingId`).
 *
 * @since 0.1.0
 */
export interface ZoomMeetings {
  readonly get: (userId: string, meetingId: string) => Effect.Effect<ZoomMeeting, CrmError>
  /** Books the meeting on a free Zoom host; `ValidationFailed` when none is free for its time. */
  readonly create: (
    userId: string,
    meetingId: string,
    data: CreateZoomMeetingRequest
  ) => Effect.Effect<ZoomMeeting, CrmError>
  /** Reschedules and re-allocates a host; when none is free the old booking stays. */
  readonly update: (
    userId: string,
    meetingId: string,
    data: UpdateZoomMeetingRequest
  ) => Effect.Effect<ZoomMeeting, CrmError>
  /** Cancels the Zoom meeting and frees its host. */
  readonly delete: (userId: string, meetingId: string) => Effect.Effect<void, CrmError>
  /** Whether the user can host now, or for the range, and when next. */
  readonly availability: (userId: string, range?: TimeRange) => Effect.Effect<ZoomUserAvailability, CrmError>
}

/**
 * Zoom links as an Effect service (`ZoomMeetings`). Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { ZoomMeetingsService } from "@blocks-crm/scheduling"
 * import { Effect } from "effect"
 *
 * // crm-block.md's "Schedule a Meeting with Zoom", step 2
 * const addZoom = (userId: string, meetingId: string) =>
 *   Effect.flatMap(ZoomMeetingsService, (zoom) => zoom.create(userId, meetingId, { duration: 60 }))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class ZoomMeetingsService extends Effect.Service<ZoomMeetingsService>()(
  "@blocks-crm/scheduling/ZoomMeetingsService",
  {
    effect: Effect.map(ApiClient.group(ZoomMeetingsGroup), (api): ZoomMeetings => ({
      get: (userId, meetingId) => api.get({ path: { userId, meetingId } }),
      create: (userId, meetingId, data) => api.create({ path: { userId, meetingId }, payload: data }),
      update: (userId, meetingId, data) => api.update({ path: { userId, meetingId }, payload: data }),
      delete: (userId, meetingId) => api.delete({ path: { userId, meetingId } }),
      availability: (userId, range) => api.availability({ path: { userId }, urlParams: range ?? {} })
    }))
  }
) {}
