/**
 * A user's busy blocks: each attribute checked by the contract (the recurrence rule by ical.js, 422 on
 * `recurrence_rule`), then the rules between them (start before end, a rule when recurring), 422 on the
 * attribute to blame. `recurring` defaults to whether a rule is given. The list waits for the tenant's
 * running sync jobs, which import busy blocks (`SyncJobs`).
 */
import { busyBlockProblem, CalendarApi } from "@blocks-crm/calendar"
import type { BusyBlock } from "@blocks-crm/calendar"
import * as Effect from "effect/Effect"
import { created, group, invalid } from "../Resources.js"
import { openCalendar } from "./Records.js"
import { SyncJobs } from "./SyncJobs.js"
import { Directory } from "../../Directory.js"

/** The emulator's handlers for the busy blocks endpoints. */
export const BusyBlocksHandlers = group(CalendarApi, "busyBlocks", (handlers) =>
  Effect.gen(function*() {
    const { busyBlocks } = yield* openCalendar
    const { users } = yield* Directory
    // A read after a sync's answer sees the events it imported.
    const { settled } = yield* SyncJobs
    return handlers
      .handle("list", ({ path, urlParams: { endTime, startTime, ...query } }) =>
        Effect.zipRight(
          Effect.zipRight(users.find(path.userId), settled),
          // By overlap: ending at or after `start_time` (a recurring block by its series, whatever its
          // first occurrence), starting at or before `end_time`. ISO texts of one format compare in order.
          busyBlocks.all(path.userId, {
            ...query,
            where: [
              ...(startTime === undefined ? [] : [{
                attribute: "end_time",
                op: ">=" as const,
                value: startTime.toISOString(),
                instant: true,
                or: { attribute: "recurring", value: 1 }
              }]),
              ...(endTime === undefined
                ? []
                : [{
                  attribute: "start_time",
                  op: "<=" as const,
                  value: endTime.toISOString(),
                  instant: true
                }])
            ]
          })
        ))
      .handle("create", ({ path, payload }) =>
        Effect.gen(function*() {
          yield* users.find(path.userId)
          const problem = busyBlockProblem(payload)
          if (problem !== undefined) {
            return yield* Effect.fail(invalid(`/busy_block/${problem.attribute}`, "invalid", problem.message))
          }
          const now = new Date()
          const { recurring, ...attributes } = payload
          const block: BusyBlock = {
            ...attributes,
            ...created(now),
            userUniqueId: path.userId,
            recurring: recurring ?? payload.recurrenceRule !== undefined
          }
          return yield* busyBlocks.insert(block, { parentId: path.userId })
        }))
      .handle(
        "delete",
        ({ path }) =>
          Effect.zipRight(users.find(path.userId), busyBlocks.remove(path.blockId, { parentId: path.userId }))
      )
  }))
