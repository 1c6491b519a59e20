/**
 * A meeting's Zoom link (get, create, update, delete) and a user's Zoom availability.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { ZoomMeetingsGroup } from "../contract/ZoomMeetingsGroup.js"
import { TimeRangeUrlParams } from "../models/ZoomHost.js"
import type { TimeRange } from "../models/ZoomHost.js"
import { CreateZoomMeetingRequest, UpdateZoomMeetingRequest } from "../models/ZoomMeeting.js"
import type { ZoomMeeting, ZoomUserAvailability } from "../models/ZoomMeeting.js"

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

const Ids = Schema.Struct({ userId: Fields.ResourceId, meetingId: Fields.ResourceId })

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
    effect: Effect.map(ApiClient.group(ZoomMeetingsGroup), (api): ZoomMeetings => {
      const ids = (operation: string) => ApiClient.validate(Ids, `zoomMeetings.${operation}`)
      const checkGet = ids("get")
      const checkCreateIds = ids("create")
      const checkUpdateIds = ids("update")
      const checkDelete = ids("delete")
      const checkCreate = ApiClient.validate(CreateZoomMeetingRequest, "zoomMeetings.create")
      const checkUpdate = ApiClient.validate(UpdateZoomMeetingRequest, "zoomMeetings.update")
      const checkUser = ApiClient.validate(Fields.ResourceId, "zoomMeetings.availability")
      const checkRange = ApiClient.validate(TimeRangeUrlParams, "zoomMeetings.availability")
      return {
        get: (userId: string, meetingId: string) =>
          Effect.flatMap(checkGet({ userId, meetingId }), (path) => api.get({ path })),
        create: (userId: string, meetingId: string, data: CreateZoomMeetingRequest) =>
          Effect.flatMap(
            Effect.all([checkCreateIds({ userId, meetingId }), checkCreate(data)]),
            ([path, payload]) => api.create({ path, payload })
          ),
        update: (userId: string, meetingId: string, data: UpdateZoomMeetingRequest) =>
          Effect.flatMap(
            Effect.all([checkUpdateIds({ userId, meetingId }), checkUpdate(data)]),
            ([path, payload]) => api.update({ path, payload })
          ),
        delete: (userId: string, meetingId: string) =>
          Effect.flatMap(checkDelete({ userId, meetingId }), (path) => api.delete({ path })),
        availability: (userId: string, range?: TimeRange) =>
          Effect.flatMap(
            Effect.all([checkUser(userId), checkRange(range ?? {})]),
            ([id, urlParams]) => api.availability({ path: { userId: id }, urlParams })
          )
      }
    })
  }
) {}
