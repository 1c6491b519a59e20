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
    return handlers
      .handle("list", ({ urlParams }) => leads.page(urlParams))
      .handle("listDeleted", ({ urlParams }) => leads.page({ ...urlParams, deleted: true }))
      .handle("get", ({ path }) => leads.find(path.uniqueId))
      .handle("create", ({ payload }) => leads.insert({ ...payload, ...created(), status: "active" }))
      .handle("update", ({ path, payload }) =>
        leads.update(path.uniqueId, (lead) => ({ ...lead, ...payload, ...updated() })))
      .handle("delete", ({ path }) =>
        leads.softDelete(path.uniqueId))
      .handle("recover", ({ path }) => leads.recover(path.uniqueId))
      .handle("listForAccount", ({ path, urlParams }) =>
        accounts.find(path.accountId).pipe(
          Effect.zipRight(leads.page({ ...urlParams, attributes: { account_id: path.accountId } }))
        ))
      .handle("createForAccount", ({ path, payload }) =>
        accounts.find(path.accountId).pipe(
          Effect.zipRight(
            Effect.suspend(() =>
              leads.insert({ ...payload, accountId: path.accountId, ...created(), status: "active" })
            )
          )
        ))
  }))
