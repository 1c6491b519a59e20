/**
 * The emulator's quotes: `draft` unless the request says otherwise (the pipeline models' documented
 * assumption). An account's quotes are the quotes whose `account_id` names it; the account is looked up
 * in the directory.
 *
 * The approval workflow is the pipeline model's `QuoteStatusTransitions`: a status change outside the
 * graph is a 422 on `/quote/status` naming the current and the requested status, and changing an
 * accepted quote's price (`amount`, `currency`, also in the request that accepts it) a 422 on the
 * attribute. Creating is not a transition: a quote may be recorded in any status.
 */
import { canChangeQuoteStatus, PipelineApi } from "@blocks-crm/pipeline"
import type { Quote, UpdateQuoteRequest } from "@blocks-crm/pipeline"
import * as Effect from "effect/Effect"
import { Directory } from "../../Directory.js"
import { created, group, invalid, updated } from "../Resources.js"
import { openPipeline } from "./Records.js"

/** The 422 for an update the workflow refuses on `current`, or undefined. */
const refusal = (current: Quote, payload: UpdateQuoteRequest) => {
  if (payload.status !== undefined && !canChangeQuoteStatus(current.status, payload.status)) {
    return invalid(
      "/quote/status",
      "invalid_status_transition",
      `Quote status cannot change from ${current.status} to ${payload.status}`
    )
  }
  // The price the customer accepted is the price: locked once accepted, and when accepting.
  if (current.status === "accepted" || payload.status === "accepted") {
    for (const attribute of ["amount", "currency"] as const) {
      if (payload[attribute] !== undefined && payload[attribute] !== current[attribute]) {
        return invalid(
          `/quote/${attribute}`,
          "locked",
          `An accepted quote's ${attribute} cannot change (it is ${current[attribute] ?? "not set"})`
        )
      }
    }
  }
  return undefined
}

/** The emulator's handlers for the quotes endpoints. */
export const QuotesHandlers = group(PipelineApi, "quotes", (handlers) =>
  Effect.gen(function*() {
    const { quotes } = yield* openPipeline
    const { accounts } = yield* Directory
    return handlers
      .handle("list", ({ urlParams }) => quotes.page(urlParams))
      .handle("listDeleted", ({ urlParams }) => quotes.page({ ...urlParams, deleted: true }))
      .handle("get", ({ path }) => quotes.find(path.uniqueId))
      .handle("create", ({ payload }) => quotes.insert({ status: "draft", ...payload, ...created() }))
      .handle("update", ({ path, payload }) =>
        Effect.gen(function*() {
          const refused = refusal(yield* quotes.find(path.uniqueId), payload)
          if (refused !== undefined) return yield* Effect.fail(refused)
          return yield* quotes.update(path.uniqueId, (quote) => ({ ...quote, ...payload, ...updated() }))
        }))
      .handle("delete", ({ path }) => quotes.softDelete(path.uniqueId))
      .handle("recover", ({ path }) => quotes.recover(path.uniqueId))
      .handle("listForAccount", ({ path, urlParams }) =>
        accounts.find(path.accountId).pipe(
          Effect.zipRight(quotes.page({ ...urlParams, attributes: { account_id: path.accountId } }))
        ))
      .handle("createForAccount", ({ path, payload }) =>
        accounts.find(path.accountId).pipe(
          Effect.zipRight(
            Effect.suspend(() =>
              quotes.insert({ status: "draft", ...payload, accountId: path.accountId, ...created() })
            )
          )
        ))
  }))
