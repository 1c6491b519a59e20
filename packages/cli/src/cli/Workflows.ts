/**
 * Status workflows the API enforces, so that a refused status change says where the record may go.
 * When `crm <resource> update` is refused with a 422 on the status attribute, the CLI reads the record's
 * current status (the group's `get`) and prints the statuses it may move to, from the domain's own graph
 * (`QuoteStatusTransitions` for quotes): the graph is said once, in the model, and loaded only on a
 * refusal, so it costs a command that succeeds nothing.
 */
import * as Data from "effect/Data"

/** A status workflow of one update command: where its refusals point, and the graph's next statuses. */
export interface StatusWorkflow {
  /** The status attribute's pointer in the wrapped body, as the API names it in a 422. */
  readonly pointer: string
  /** What one record is called (`quote`). */
  readonly noun: string
  /** The statuses a record in `status` may move to, from the domain's model. */
  readonly next: () => Promise<(status: string) => ReadonlyArray<string>>
}

/** The workflows by the operation of their update command (`quotes.update`). */
export const workflows: Readonly<Record<string, StatusWorkflow>> = {
  "quotes.update": {
    pointer: "/quote/status",
    noun: "quote",
    next: () => import("@blocks-crm/sdk/pipeline").then((pipeline) => pipeline.nextQuoteStatuses)
  }
}

/** The line under a refused status change: the statuses a record in `status` may move to. */
export const hint = (noun: string, status: string, next: ReadonlyArray<string>): string =>
  next.length === 0
    ? `A ${status} ${noun} is final: it has no next status.`
    : `Allowed next statuses of a ${status} ${noun}: ${next.join(", ")}.`

/** An error the CLI prints with a line of its own under it (a workflow's allowed next statuses). */
export class Explained extends Data.TaggedError("Explained")<{ readonly error: unknown; readonly hint: string }> {}
