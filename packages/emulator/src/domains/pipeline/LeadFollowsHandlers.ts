/**
 * The emulator's lead follow-ups, each kept under its lead. A pending follow-up past its due date reads
 * as overdue.
 */
import type { LeadFollow } from "@blocks-crm/pipeline"
import { PipelineApi } from "@blocks-crm/pipeline"
import * as Effect from "effect/Effect"
import { created, group, updated } from "../Resources.js"
import { openPipeline } from "./Records.js"

const withOverdue = (follow: LeadFollow, now: Date): LeadFollow =>
  follow.status === "pending" && follow.dueDate !== undefined && follow.dueDate.getTime() < now.getTime()
    ? { ...follow, status: "overdue" }
    : follow

/** The emulator's handlers for the lead follows endpoints. */
export const LeadFollowsHandlers = group(
  PipelineApi,
  "leadFollows",
  (handlers) =>
    Effect.gen(function*() {
      const { follows, leads } = yield* openPipeline
      const readFollow = (follow: LeadFollow) => withOverdue(follow, new Date())
      return handlers
        .handle("list", ({ path, urlParams: { status, ...query } }) =>
          leads.find(path.leadId).pipe(
            // Sorted in SQL; `overdue` is worked out when a follow-up is read, so status is matched after.
            Effect.zipRight(follows.all(path.leadId, query)),
            Effect.map((all) => {
              const read = all.map(readFollow)
              return status === undefined ? read : read.filter((follow) => follow.status === status)
            })
          ))
        .handle("get", ({ path }) =>
          leads.find(path.leadId).pipe(
            Effect.zipRight(follows.find(path.followId, { parentId: path.leadId })),
            Effect.map(readFollow)
          ))
        .handle("create", ({ path, payload }) =>
          leads.find(path.leadId).pipe(
            Effect.zipRight(
              Effect.suspend(() =>
                follows.insert({ ...payload, ...created(), status: "pending" }, { parentId: path.leadId })
              )
            ),
            Effect.map(readFollow)
          ))
        .handle("update", ({ path, payload }) =>
          leads.find(path.leadId).pipe(
            Effect.zipRight(
              follows.update(path.followId, (follow) => ({ ...follow, ...payload, ...updated() }), {
                parentId: path.leadId
              })
            ),
            Effect.map(readFollow)
          ))
        .handle(
          "delete",
          ({ path }) =>
            leads.find(path.leadId).pipe(Effect.zipRight(follows.remove(path.followId, { parentId: path.leadId })))
        )
    })
)
