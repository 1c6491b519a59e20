/**
 * The emulator's quotes: `draft` unless the request says otherwise (the pipeline models' documented
 * assumption). An account's quotes are the quotes whose `account_id` names it; the account is looked up
 * in the directory.
 */
import { PipelineApi } from "@blocks-crm/pipeline"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as Effect from "effect/Effect"
import { Directory } from "../../Directory.js"
import { created, updated } from "../Resources.js"
import { openPipeline } from "./Records.js"

/** The emulator's handlers for the quotes endpoints. */
export const QuotesHandlers = HttpApiBuilder.group(PipelineApi, "quotes", (handlers) =>
  Effect.gen(function*() {
    const { quotes } = yield* openPipeline
    const { accounts } = yield* Directory
    return handlers
      .handle("list", ({ urlParams }) => quotes.page(urlParams))
      .handle("listDeleted", ({ urlParams }) => quotes.page({ ...urlParams, deleted: true }))
      .handle("get", ({ path }) => quotes.find(path.uniqueId))
      .handle("create", ({ payload }) => quotes.insert({ status: "draft", ...payload, ...created() }))
      .handle("update", ({ path, payload }) =>
        quotes.update(path.uniqueId, (quote) => ({ ...quote, ...payload, ...updated() })))
      .handle("delete", ({ path }) =>
        quotes.softDelete(path.uniqueId))
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
