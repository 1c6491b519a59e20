/**
 * A user's busy blocks: list, create, delete, their concrete intervals in a range (`occurrences`,
 * recurrence rules expanded with ical.js), and what stands in the way of a proposed time (`conflicts`).
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { BusyBlocksGroup } from "../contract/BusyBlocksGroup.js"
import type { BusyBlock, BusyOccurrence, CreateBusyBlockRequest, ListBusyBlocksParams } from "../models/BusyBlock.js"
import { expand } from "../models/Recurrence.js"

/**
 * The busy block methods, each under the user (`userId`).
 *
 * @since 0.1.0
 */
export interface BusyBlocks {
  /**
   * The user's blocks; with `startTime`/`endTime`, those overlapping that window (a recurring block by
   * its series), in `sort` order.
   */
  readonly list: (userId: string, params?: ListBusyBlocksParams) => Effect.Effect<ReadonlyArray<BusyBlock>, CrmError>
  readonly create: (userId: string, data: CreateBusyBlockRequest) => Effect.Effect<BusyBlock, CrmError>
  readonly delete: (userId: string, blockId: string) => Effect.Effect<void, CrmError>
  /**
   * Every interval of the user's blocks that overlaps `[from, to)`, recurring ones expanded, sorted by
   * start.
   */
  readonly occurrences: (
    userId: string,
    from: Date,
    to: Date
  ) => Effect.Effect<ReadonlyArray<BusyOccurrence>, CrmError>
  /**
   * The user's busy intervals that overlap a proposed time `[start, end)` (a block ending at `start` does
   * not), recurring blocks expanded into their occurrences, sorted by start: what stands in the way of
   * booking it. Empty when the time is free. `InvalidInput` unless `start` is before `end`.
   */
  readonly conflicts: (
    userId: string,
    proposed: ProposedTime
  ) => Effect.Effect<ReadonlyArray<BusyOccurrence>, CrmError>
}

/**
 * A time proposed for a meeting, as `BusyBlocksService.conflicts` takes it: instants, `start` before `end`.
 *
 * @since 0.2.0
 */
export interface ProposedTime {
  readonly start: Date
  readonly end: Date
}

/** `occurrences`' own input (no endpoint takes a range): the user, and a range that is not empty. */
const Range = Schema.Struct({ userId: Fields.ResourceId, from: Schema.ValidDateFromSelf, to: Schema.ValidDateFromSelf })
  .pipe(Schema.filter((r) => r.from.getTime() < r.to.getTime() || { path: ["to"], message: "must be after from" }))

/** `conflicts`' own input (no endpoint takes it): the user, and a proposed time that is not empty. */
const Proposed = Schema.Struct({
  userId: Fields.ResourceId,
  start: Schema.ValidDateFromSelf,
  end: Schema.ValidDateFromSelf
}).pipe(Schema.filter((p) => p.start.getTime() < p.end.getTime() || { path: ["end"], message: "must be after start" }))

/**
 * The expansion of blocks already fetched: every interval overlapping `[from, to)`, sorted by start.
 *
 * @since 0.1.0
 */
export const occurrencesOf = (
  blocks: ReadonlyArray<BusyBlock>,
  from: Date,
  to: Date
): ReadonlyArray<BusyOccurrence> =>
  blocks
    .flatMap((block) =>
      expand(
        { start: block.startTime, end: block.endTime, rule: block.recurring ? block.recurrenceRule : undefined },
        from,
        to
      ).map((interval) => ({ blockId: block.uniqueId, title: block.title, ...interval }))
    )
    .sort((a, b) => a.start.getTime() - b.start.getTime())

/**
 * A user's busy blocks as an Effect service (`BusyBlocks`). Inputs are validated before anything is
 * sent, the recurrence rule by ical.js.
 *
 * @example
 * ```ts
 * import { BusyBlocksService } from "@blocks-crm/calendar"
 * import { Effect } from "effect"
 *
 * const lunch = (userId: string) =>
 *   Effect.flatMap(BusyBlocksService, (blocks) =>
 *     blocks.create(userId, {
 *       title: "Lunch",
 *       startTime: new Date("2026-03-02T12:00:00Z"),
 *       endTime: new Date("2026-03-02T13:00:00Z"),
 *       recurring: true,
 *       recurrenceRule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
 *     }))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class BusyBlocksService extends Effect.Service<BusyBlocksService>()("@blocks-crm/calendar/BusyBlocksService", {
  effect: Effect.map(ApiClient.group(BusyBlocksGroup), (api): BusyBlocks => {
    const checkRange = ApiClient.validate(Range, "busyBlocks.occurrences")
    const checkProposed = ApiClient.validate(Proposed, "busyBlocks.conflicts")
    // The blocks that overlap [start, end] (a recurring one by its series, which has no end), as
    // `occurrences` and `conflicts` both need them.
    const blocksOverlapping = (userId: string, start: Date, end: Date, method: string) =>
      api.list({ path: { userId }, urlParams: { startTime: start, endTime: end } }, method)
    return {
      list: (userId, params) => api.list({ path: { userId }, urlParams: params ?? {} }),
      create: (userId, data) => api.create({ path: { userId }, payload: data }),
      delete: (userId, blockId) => api.delete({ path: { userId, blockId } }),
      occurrences: (userId, from, to) =>
        Effect.flatMap(
          checkRange({ userId, from, to }),
          () =>
            Effect.map(blocksOverlapping(userId, from, to, "occurrences"), (blocks) => occurrencesOf(blocks, from, to))
        ),
      conflicts: (userId, proposed) =>
        Effect.flatMap(
          checkProposed({ ...proposed, userId }),
          ({ end, start }) =>
            Effect.map(
              blocksOverlapping(userId, start, end, "conflicts"),
              (blocks) => occurrencesOf(blocks, start, end)
            )
        )
    }
  })
}) {}
