/**
 * The participants of a meeting: list, add (by contact, user or e-mail), remove.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import { MeetingParticipantsGroup } from "../contract/MeetingParticipantsGroup.js"
import type {
  AddParticipantRequest,
  ListMeetingParticipantsParams,
  MeetingParticipant
} from "../models/MeetingParticipant.js"

/**
 * The participant methods, each under the meeting (`meetingId`).
 *
 * @since 0.1.0
 */
export interface MeetingParticipants {
  /** Every participant of the meeting; with `status`, `role` or `rsvpStatus` only those, in `sort` order. */
  readonly list: (
    meetingId: string,
    params?: ListMeetingParticipantsParams
  ) => Effect.Effect<ReadonlyArray<MeetingParticipant>, CrmError>
  /** Adds a contact, a user or an e-mail guest (exactly one of the three). */
  readonly add: (meetingId: string, data: AddParticipantRequest) => Effect.Effect<MeetingParticipant, CrmError>
  /** Removes a participant by its id; `NotFound` when it is not a participant of this meeting. */
  readonly remove: (meetingId: string, participantId: string) => Effect.Effect<void, CrmError>
}

/**
 * A meeting's participants as an Effect service (`MeetingParticipants`). Inputs are validated before
 * anything is sent.
 *
 * @example
 * ```ts
 * import { MeetingParticipantsService } from "@blocks-crm/scheduling"
 * import { Effect } from "effect"
 *
 * const invite = (meetingId: string, contactId: string) =>
 *   Effect.flatMap(MeetingParticipantsService, (participants) =>
 *     participants.add(meetingId, { contactUniqueId: contactId, role: "attendee" }))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class MeetingParticipantsService extends Effect.Service<MeetingParticipantsService>()(
  "@blocks-crm/scheduling/MeetingParticipantsService",
  {
    effect: Effect.map(ApiClient.group(MeetingParticipantsGroup), (api): MeetingParticipants => ({
      list: (meetingId, params) => api.list({ path: { meetingId }, urlParams: params ?? {} }),
      add: (meetingId, data) => api.add({ path: { meetingId }, payload: data }),
      remove: (meetingId, participantId) => api.remove({ path: { meetingId, participantId } })
    }))
  }
) {}
