/**
 * The participants of a meeting: list, add (by contact, user or e-mail), remove.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { MeetingParticipantsGroup } from "../contract/MeetingParticipantsGroup.js"
import { AddParticipantRequest } from "../models/MeetingParticipant.js"
import type { MeetingParticipant } from "../models/MeetingParticipant.js"

/**
 * The participant methods, each under the meeting (`meetingId`).
 *
 * @since 0.1.0
 */
export interface MeetingParticipants {
  readonly list: (meetingId: string) => Effect.Effect<ReadonlyArray<MeetingParticipant>, CrmError>
  /** Adds a contact, a user or an e-mail guest (exactly one of the three). */
  readonly add: (meetingId: string, data: AddParticipantRequest) => Effect.Effect<MeetingParticipant, CrmError>
  /** Removes a participant by its id; `NotFound` when it is not a participant of this meeting. */
  readonly remove: (meetingId: string, participantId: string) => Effect.Effect<void, CrmError>
}

const MeetingPath = Schema.Struct({ meetingId: Fields.ResourceId })
const ParticipantPath = Schema.Struct({ meetingId: Fields.ResourceId, participantId: Fields.ResourceId })

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
    effect: Effect.map(ApiClient.group(MeetingParticipantsGroup), (api): MeetingParticipants => {
      const meetingPath = (operation: string) => ApiClient.validate(MeetingPath, `meetingParticipants.${operation}`)
      const checkList = meetingPath("list")
      const checkAddPath = meetingPath("add")
      const checkAdd = ApiClient.validate(AddParticipantRequest, "meetingParticipants.add")
      const checkRemove = ApiClient.validate(ParticipantPath, "meetingParticipants.remove")
      return {
        list: (meetingId: string) => Effect.flatMap(checkList({ meetingId }), (path) => api.list({ path })),
        add: (meetingId: string, data: AddParticipantRequest) =>
          Effect.flatMap(
            Effect.all([checkAddPath({ meetingId }), checkAdd(data)]),
            ([path, payload]) => api.add({ path, payload })
          ),
        remove: (meetingId: string, participantId: string) =>
          Effect.flatMap(checkRemove({ meetingId, participantId }), (path) => api.remove({ path }))
      }
    })
  }
) {}
