/**
 * Busy blocks: time a user is not available, once or repeating by an RFC 5545 rule
 * (crm-calendar-sync.md, "Busy Blocks"; its `start_time` / `end_time` win over the official SDK's
 * `starts_at` / `ends_at`).
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"
import { RecurrenceRule } from "./Recurrence.js"

/**
 * A busy block as the API returns it.
 *
 * @since 0.1.0
 */
export const BusyBlock = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The block's id" }),
  // Assumed from the official SDK (the reference's examples leave it out).
  userUniqueId: Fields.optionalRenamed(Schema.String, "user_unique_id").annotations({ description: "The user" }),
  title: Fields.optional(Schema.String).annotations({ description: "Title" }),
  startTime: Fields.renamed(Fields.Timestamp, "start_time").annotations({ description: "Start (first occurrence)" }),
  endTime: Fields.renamed(Fields.Timestamp, "end_time").annotations({ description: "End (first occurrence)" }),
  recurring: Schema.propertySignature(Schema.Boolean).annotations({ description: "Whether it repeats" }),
  recurrenceRule: Fields.optionalRenamed(Schema.String, "recurrence_rule").annotations({
    description: "RFC 5545 recurrence rule"
  }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "Created" }),
  // Assumed from the official SDK.
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({ description: "Last changed" })
}).annotations({
  identifier: "BusyBlock",
  [Contract.TableColumns]: ["uniqueId", "title", "startTime", "endTime", "recurrenceRule"]
})
/** A busy block as the client sees it. @since 0.1.0 */
export interface BusyBlock extends Schema.Schema.Type<typeof BusyBlock> {}

/** The JSON:API resource `{ id, type: "busy_block", attributes }`. @since 0.1.0 */
export const BusyBlockResource = JsonApi.resource("busy_block", BusyBlock, { id: (block) => block.uniqueId })

/**
 * An instant in a request; property tests generate whole seconds between 2000 and 2100.
 *
 * @since 0.1.0
 */
export const InputTimestamp = Fields.Timestamp.annotations({
  arbitrary: () => (fc) =>
    fc.integer({ min: 946_684_800, max: 4_102_444_800 }).map((seconds) => new Date(seconds * 1000))
})

/**
 * The attributes of a new busy block, each checked on its own (the body the API decodes).
 *
 * @since 0.1.0
 */
export const BusyBlockInput = Schema.Struct({
  title: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "Title" }),
  startTime: Schema.propertySignature(InputTimestamp).pipe(Schema.fromKey("start_time")).annotations({
    description: "Start (ISO 8601)"
  }),
  endTime: Schema.propertySignature(InputTimestamp).pipe(Schema.fromKey("end_time")).annotations({
    description: "End (ISO 8601), after the start"
  }),
  recurring: Fields.optionalInput(Schema.Boolean).annotations({ description: "Whether it repeats (default false)" }),
  recurrenceRule: Fields.optionalInput(RecurrenceRule).pipe(Schema.fromKey("recurrence_rule")).annotations({
    description: "RFC 5545 recurrence rule (required when recurring)"
  })
}).annotations({ identifier: "BusyBlockInput" })

/**
 * Why a new busy block breaks a rule that spans attributes (the wire name of the attribute to blame and
 * why), or undefined: it starts before it ends, and `recurring: true` needs a rule (and a rule needs
 * `recurring` not false).
 *
 * @since 0.1.0
 */
export const busyBlockProblem = (
  input: typeof BusyBlockInput.Type
): { readonly attribute: "end_time" | "recurrence_rule"; readonly message: string } | undefined =>
  input.startTime.getTime() >= input.endTime.getTime()
    ? { attribute: "end_time", message: "end_time must be after start_time" }
    : input.recurring === true && input.recurrenceRule === undefined
    ? { attribute: "recurrence_rule", message: "recurrence_rule is required when recurring is true" }
    : input.recurring === false && input.recurrenceRule !== undefined
    ? { attribute: "recurrence_rule", message: "recurrence_rule is given but recurring is false" }
    : undefined

/**
 * `POST /users/:user_unique_id/busy_blocks` body (sent as `{ "busy_block": {...} }`), validated before
 * it is sent: every attribute, and the rules between them.
 *
 * @since 0.1.0
 */
export const CreateBusyBlockRequest = BusyBlockInput.pipe(
  Schema.filter((input) => {
    const problem = busyBlockProblem(input)
    return problem === undefined ||
      { path: [problem.attribute === "end_time" ? "endTime" : "recurrenceRule"], message: problem.message }
  })
).annotations({ identifier: "CreateBusyBlockRequest" })
/**
 * A new busy block, as the client takes it (camelCase).
 *
 * @since 0.1.0
 */
export interface CreateBusyBlockRequest extends Schema.Schema.Type<typeof CreateBusyBlockRequest> {}

/**
 * One concrete busy interval of a block (`BusyBlocksService.occurrences`).
 *
 * @since 0.1.0
 */
export interface BusyOccurrence {
  readonly blockId: string
  readonly title: string | undefined
  readonly start: Date
  readonly end: Date
}

/**
 * `GET /users/:user_unique_id/busy_blocks`'s URL parameters (the listing is answered whole): `sort` and
 * the official SDK's `start_time` and `end_time` (ISO 8601), which select by overlap, so a proposed
 * window finds what collides with it: `start_time` keeps the blocks ending at or after it, `end_time`
 * the blocks starting at or before it. A recurring block counts by its series: `start_time` keeps it
 * whatever its first occurrence, since a later one may fall in the window. The reference's busy block
 * has no status.
 *
 * @since 0.3.0
 */
export const BusyBlockListUrlParams = Pagination.listUrlParams(BusyBlock, {
  paged: false,
  sort: ["startTime", "endTime", "createdAt"],
  filters: {
    startTime: Fields.Timestamp.annotations({
      description: "Only blocks ending at or after this instant (a recurring block by its series, which has no end)"
    }),
    endTime: Fields.Timestamp.annotations({ description: "Only blocks starting at or before this instant" })
  }
})

/**
 * What `BusyBlocksService.list` takes: `sort`, `startTime` and `endTime`.
 *
 * @since 0.3.0
 */
export type ListBusyBlocksParams = Pagination.ListParamsOf<typeof BusyBlockListUrlParams>
