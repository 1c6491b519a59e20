/**
 * The emulator's opportunities: status `active` on create, as the reference shows; soft deleted and
 * recovered.
 */
import { PipelineApi } from "@blocks-crm/pipeline"
import * as Effect from "effect/Effect"
import { created, group, updated } from "../Resources.js"
import { openPipeline } from "./Records.js"

/** The emulator's handlers for the opportunities endpoints. */
export const OpportunitiesHandlers = group(
  PipelineApi,
  "opportunities",
  (handlers) =>
    Effect.gen(function*() {
      const { opportunities } = yield* openPipeline
      return handlers
        .handle("list", ({ urlParams }) => opportunities.page(urlParams))
        .handle("listDeleted", ({ urlParams }) => opportunities.page({ ...urlParams, deleted: true }))
        .handle("get", ({ path }) => opportunities.find(path.uniqueId))
        .handle("create", ({ payload }) => opportunities.insert({ ...payload, ...created(), status: "active" }))
        .handle(
          "update",
          ({ path, payload }) =>
            opportunities.update(path.uniqueId, (opportunity) => ({ ...opportunity, ...payload, ...updated() }))
        )
        .handle("delete", ({ path }) => opportunities.softDelete(path.uniqueId))
        .handle("recover", ({ path }) => opportunities.recover(path.uniqueId))
    })
)
