/**
 * Meetings: list, stream, search, get, create, update, delete, and the meetings of a user or an account.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import type { PageParams, PageResult } from "@blocks-crm/core-http/Pagination"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { MeetingsGroup } from "../contract/MeetingsGroup.js"
import type {
  CreateMeetingRequest,
  ListMeetingsParams,
  Meeting,
  UpdatedMeeting,
  UpdateMeetingRequest
} from "../models/Meeting.js"

/**
 * The CRUD methods of meetings, search, and the listings of a user's and an account's meetings.
 *
 * @since 0.1.0
 */
export interface Meetings
  extends
    ResourceClient.CrudClient<Meeting, CreateMeetingRequest, UpdateMeetingRequest, UpdatedMeeting, ListMeetingsParams>
{
  /** Meetings whose title, description or type matches (`?search=`), with the listing's filters and sort. */
  readonly search: (query: string, params?: ListMeetingsParams) => Effect.Effect<PageResult<Meeting>, CrmError>
  /** The meetings a user organises or takes part in (`GET /users/:unique_id/meetings`); `NotFound` for an unknown user. */
  readonly listForUser: (userId: string, params?: PageParams) => Effect.Effect<PageResult<Meeting>, CrmError>
  /** The meetings with an account (`GET /accounts/:unique_id/meetings`); `NotFound` for an unknown account. */
  readonly listForAccount: (accountId: string, params?: PageParams) => Effect.Effect<PageResult<Meeting>, CrmError>
}

/**
 * The CRM's meetings as an Effect service (`Meetings`). Inputs are validated before anything is sent
 * (a start after the end never leaves the process); the client is derived from the group alone, so this
 * entry point bundles no other resource.
 *
 * @example
 * ```ts
 * import { MeetingsService } from "@blocks-crm/scheduling"
 * import { Effect } from "effect"
 *
 * const review = Effect.flatMap(MeetingsService, (meetings) =>
 *   meetings.create({
 *     title: "Quarterly Review",
 *     startTime: new Date("2026-03-15T14:00:00Z"),
 *     endTime: new Date("2026-03-15T15:00:00Z"),
 *     meetingType: "virtual"
 *   }))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class MeetingsService extends Effect.Service<MeetingsService>()("@blocks-crm/scheduling/MeetingsService", {
  effect: Effect.map(ApiClient.group(MeetingsGroup), (endpoints): Meetings => ({
    ...ResourceClient.crud("meetings", endpoints),
    search: (query, params) => endpoints.list({ urlParams: { ...params, search: query } }, "search"),
    listForUser: (userId, params) => endpoints.listForUser({ path: { userId }, urlParams: params ?? {} }),
    listForAccount: (accountId, params) => endpoints.listForAccount({ path: { accountId }, urlParams: params ?? {} })
  }))
}) {}
