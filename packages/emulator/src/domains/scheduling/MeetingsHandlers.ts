/**
 * The emulator's meetings. A meeting starts before it ends (422 on end_time otherwise, also when an
 * update moves only one end); its organiser and account must exist in the accounts domain (404). A
 * user's meetings are those they organise or take part in; an account's those that name it.
 */
import { SchedulingApi } from "@blocks-crm/scheduling"
import type { Meeting } from "@blocks-crm/scheduling"
import * as Effect from "effect/Effect"
import { created, group, invalid, updated } from "../Resources.js"
import { openScheduling, pageOf } from "./Records.js"
import { Directory } from "../../Directory.js"

const checkRange = (meeting: { readonly startTime: Date; readonly endTime: Date }) =>
  meeting.startTime.getTime() < meeting.endTime.getTime()
    ? Effect.void
    : Effect.fail(invalid("/meeting/end_time", "invalid_range", "end_time must be after start_time"))

/** The emulator's handlers for the meetings endpoints. */
export const MeetingsHandlers = group(SchedulingApi, "meetings", (handlers) =>
  Effect.gen(function*() {
    const { meetings, participants } = yield* openScheduling
    const { accounts, users } = yield* Directory

    /** The organiser's name and e-mail, copied from the user (404 for an unknown user). */
    const organiser = (userId: string | undefined) =>
      userId === undefined ? Effect.succeed({}) : Effect.map(users.find(userId), (user) => ({
        userName: user.name,
        userEmail: user.email
      }))
    const checkAccount = (accountId: string | undefined) =>
      accountId === undefined ? Effect.void : Effect.asVoid(accounts.find(accountId))

    return handlers
      .handle("list", ({ urlParams }) => meetings.page(urlParams))
      .handle("get", ({ path }) => meetings.find(path.uniqueId))
      .handle("create", ({ payload }) =>
        Effect.gen(function*() {
          yield* checkRange(payload)
          const fromUser = yield* organiser(payload.userUniqueId)
          yield* checkAccount(payload.accountUniqueId)
          const now = new Date()
          const meeting: Meeting = {
            ...payload,
            ...fromUser,
            ...created(now),
            status: "active",
            enabled: true
          }
          return yield* meetings.insert(meeting)
        }))
      .handle("update", ({ path, payload }) =>
        Effect.gen(function*() {
          const current = yield* meetings.find(path.uniqueId)
          const next: Meeting = { ...current, ...payload, ...updated() }
          yield* checkRange(next)
          const fromUser = payload.userUniqueId === undefined ? {} : yield* organiser(payload.userUniqueId)
          yield* checkAccount(payload.accountUniqueId)
          return yield* meetings.update(path.uniqueId, () => ({ ...next, ...fromUser }))
        }))
      .handle("delete", ({ path }) =>
        Effect.gen(function*() {
          yield* meetings.remove(path.uniqueId)
          const attending = yield* participants.all(path.uniqueId)
          yield* Effect.forEach(
            attending,
            (p) => Effect.ignore(participants.remove(p.uniqueId, { parentId: path.uniqueId }))
          )
        }))
      .handle("listForUser", ({ path, urlParams }) =>
        Effect.gen(function*() {
          yield* users.find(path.userId)
          const all = yield* meetings.all()
          const attending = new Set<string>()
          for (const meeting of all) {
            const people = yield* participants.all(meeting.uniqueId)
            if (people.some((p) => p.userUniqueId === path.userId)) attending.add(meeting.uniqueId)
          }
          return pageOf(
            all.filter((meeting) => meeting.userUniqueId === path.userId || attending.has(meeting.uniqueId)),
            urlParams
          )
        }))
      .handle("listForAccount", ({ path, urlParams }) =>
        Effect.zipRight(
          accounts.find(path.accountId),
          meetings.page({ ...urlParams, attributes: { account_unique_id: path.accountId } })
        ))
  }))
