/**
 * Follow-up tasks of a lead.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { LeadFollowsGroup } from "../contract/LeadFollowsGroup.js"
import { CreateLeadFollowRequest, UpdateLeadFollowRequest } from "../models/LeadFollow.js"
import type { LeadFollow, UpdatedLeadFollow } from "../models/LeadFollow.js"

/**
 * The follow-up methods, each under the lead (`leadId`) the follow-ups belong to. `list` returns them
 * all (the reference shows no pagination for follow-ups).
 *
 * @since 0.1.0
 */
export interface LeadFollows {
  readonly list: (leadId: string) => Effect.Effect<ReadonlyArray<LeadFollow>, CrmError>
  readonly get: (leadId: string, followId: string) => Effect.Effect<LeadFollow, CrmError>
  readonly create: (leadId: string, data: CreateLeadFollowRequest) => Effect.Effect<LeadFollow, CrmError>
  readonly update: (
    leadId: string,
    followId: string,
    data: UpdateLeadFollowRequest
  ) => Effect.Effect<UpdatedLeadFollow, CrmError>
  readonly delete: (leadId: string, followId: string) => Effect.Effect<void, CrmError>
}

const Ids = Schema.Struct({ leadId: Fields.ResourceId, followId: Fields.ResourceId })
const LeadIds = Schema.Struct({ leadId: Fields.ResourceId })

/**
 * The follow-up tasks of leads as an Effect service (`LeadFollows`). Inputs, ids included, are validated
 * before anything is sent.
 *
 * @example
 * ```ts
 * import { LeadFollowsService } from "@blocks-crm/pipeline"
 * import { Effect } from "effect"
 *
 * const scheduleDemo = (leadId: string) =>
 *   Effect.gen(function*() {
 *     const follows = yield* LeadFollowsService
 *     const follow = yield* follows.create(leadId, { title: "Schedule demo call", dueDate: new Date("2026-03-05T14:00:00Z") })
 *     return yield* follows.update(leadId, follow.uniqueId, { status: "completed" })
 *   })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class LeadFollowsService
  extends Effect.Service<LeadFollowsService>()("@blocks-crm/pipeline/LeadFollowsService", {
    effect: Effect.gen(function*() {
      const api = yield* ApiClient.group(LeadFollowsGroup)
      const leadPath = (operation: string) => ApiClient.validate(LeadIds, `leadFollows.${operation}`)
      const followPath = (operation: string) => ApiClient.validate(Ids, `leadFollows.${operation}`)
      const checkCreate = ApiClient.validate(CreateLeadFollowRequest, "leadFollows.create")
      const checkUpdate = ApiClient.validate(UpdateLeadFollowRequest, "leadFollows.update")
      const follows: LeadFollows = {
        list: (leadId: string) => Effect.flatMap(leadPath("list")({ leadId }), (path) => api.list({ path })),
        get: (leadId: string, followId: string) =>
          Effect.flatMap(followPath("get")({ leadId, followId }), (path) => api.get({ path })),
        create: (leadId: string, data: CreateLeadFollowRequest) =>
          Effect.flatMap(
            Effect.all([leadPath("create")({ leadId }), checkCreate(data)]),
            ([path, payload]) => api.create({ path, payload })
          ),
        update: (leadId: string, followId: string, data: UpdateLeadFollowRequest) =>
          Effect.flatMap(
            Effect.all([followPath("update")({ leadId, followId }), checkUpdate(data)]),
            ([path, payload]) => api.update({ path, payload })
          ),
        delete: (leadId: string, followId: string) =>
          Effect.flatMap(followPath("delete")({ leadId, followId }), (path) => api.delete({ path }))
      }
      return follows
    })
  })
{}
