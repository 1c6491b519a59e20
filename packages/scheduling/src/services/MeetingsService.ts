/**
 * Meetings: list, stream, get, create, update, delete.
 *
 * @since 0.1.0
 */
import { ApiClient } from "@blocks-crm/core-http"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { MeetingsGroup } from "../contract/MeetingsGroup.js"
import { CreateMeetingRequest, UpdateMeetingRequest } from "../models/Meeting.js"
import type { Meeting, UpdatedMeeting } from "../models/Meeting.js"

/**
 * The client is derived from the group alone, so this entry point bundles no other resource.
 *
 * @since 0.1.0
 * @category services
 */
export class MeetingsService extends Effect.Service<MeetingsService>()("@blocks-crm/scheduling/MeetingsService", {
  effect: Effect.map(
    ApiClient.group(MeetingsGroup),
    (endpoints): ResourceClient.CrudClient<Meeting, CreateMeetingRequest, UpdateMeetingRequest, UpdatedMeeting> =>
      ResourceClient.crud("meetings", endpoints, { create: CreateMeetingRequest, update: UpdateMeetingRequest })
  )
}) {}
