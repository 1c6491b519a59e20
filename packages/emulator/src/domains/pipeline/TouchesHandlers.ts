/**
 * The emulator's touches: a touch happened now unless the request says when (the pipeline models'
 * documented assumption).
 */
import { PipelineApi } from "@blocks-crm/pipeline"
import * as Effect from "effect/Effect"
import { created, group, updated } from "../Resources.js"
import { openPipeline } from "./Records.js"

/** The emulator's handlers for the touches endpoints. */
export const TouchesHandlers = group(PipelineApi, "touches", (handlers) =>
  Effect.gen(function*() {
    const { touches } = yield* openPipeline
    return handlers
      .handle("list", ({ urlParams }) => touches.page(urlParams))
      .handle("get", ({ path }) => touches.find(path.uniqueId))
      .handle("create", ({ payload }) => {
        const now = new Date()
        return touches.insert({ occurredAt: now, ...payload, ...created(now) })
      })
      .handle("update", ({ path, payload }) =>
        touches.update(path.uniqueId, (touch) => ({ ...touch, ...payload, ...updated() })))
      .handle("delete", ({ path }) =>
        touches.remove(path.uniqueId))
  }))
