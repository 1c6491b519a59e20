/**
 * A meeting's participants: a contact or a user (read from the accounts domain, 404 when unknown, their
 * name and e-mail copied) or an e-mail guest; once per meeting (422 on the same person twice); removed
 * by id, 404 when not a participant of this meeting.
 */
import { SchedulingApi } from "@blocks-crm/scheduling"
import type { MeetingParticipant } from "@blocks-crm/scheduling"
import * as Effect from "effect/Effect"
import { created, group, invalid } from "../Resources.js"
import { openScheduling } from "./Records.js"
import { Directory } from "../../Directory.js"

/** The emulator's handlers for the meeting participants endpoints. */
export const MeetingParticipantsHandlers = group(
  SchedulingApi,
  "meetingParticipants",
  (handlers) =>
    Effect.gen(function*() {
      const { meetings, participants } = yield* openScheduling
      const { contacts, users } = yield* Directory
      return handlers
        .handle("list", ({ path, urlParams }) =>
          Effect.zipRight(meetings.find(path.meetingId), participants.all(path.meetingId, urlParams)))
        .handle("add", ({ path, payload }) =>
          Effect.gen(function*() {
            yield* meetings.find(path.meetingId)
            const { contactUniqueId, email, userUniqueId, ...rest } = payload
            const who = contactUniqueId !== undefined
              ? yield* Effect.map(contacts.find(contactUniqueId), (contact) => ({
                contactUniqueId,
                name: `${contact.firstName} ${contact.lastName}`,
                email: contact.email ?? contact.primaryEmail
              }))
              : userUniqueId !== undefined
              ? yield* Effect.map(
                users.find(userUniqueId),
                (user) => ({ userUniqueId, name: user.name, email: user.email })
              )
              : { email }
            const existing = yield* participants.all(path.meetingId)
            const same = existing.find((p) =>
              contactUniqueId !== undefined
                ? p.contactUniqueId === contactUniqueId
                : userUniqueId !== undefined
                ? p.userUniqueId === userUniqueId
                : p.contactUniqueId === undefined && p.userUniqueId === undefined &&
                  p.email?.toLowerCase() === email?.toLowerCase()
            )
            if (same !== undefined) {
              const attribute = contactUniqueId !== undefined
                ? "contact_unique_id"
                : userUniqueId !== undefined
                ? "user_unique_id"
                : "email"
              return yield* Effect.fail(
                invalid(`/participant/${attribute}`, "taken", `${attribute} is already a participant of this meeting`)
              )
            }
            const now = new Date()
            const participant: MeetingParticipant = {
              ...rest,
              ...Object.fromEntries(
                Object.entries(who).filter(([, value]) =>
                  value !== undefined
                )
              ),
              ...created(now),
              meetingUniqueId: path.meetingId,
              status: "active",
              enabled: true
            }
            return yield* participants.insert(participant, { parentId: path.meetingId })
          }))
        .handle("remove", ({ path }) =>
          Effect.zipRight(
            meetings.find(path.meetingId),
            participants.remove(path.participantId, { parentId: path.meetingId })
          ))
    })
)
