/**
 * Follow-up tasks of a lead.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import { LeadFollowsGroup } from "../contract/LeadFollowsGroup.js"
import type {
  ListLeadFollowsParams,
  CreateLeadFollowRequest,
  LeadFollow,
  UpdatedLeadFollow,
  UpdateLeadFollowRequest
} from "../models/LeadFollow.js"

/**
 * The follow-up methods, each under the lead (`leadId`) the follow-ups belong to. `list` returns them
 * all (the reference shows no pagination for follow-ups).
 *
 * @since 0.1.0
 */
export interface LeadFollows {
  /** Every follow-up of the lead, with `status` only those, in `sort` order. */
  readonly list: (leadId: string, params?: ListLeadFollowsParams) => Effect.Effect<ReadonlyArray<LeadFollow>, CrmError>
  readonly get: (leadId: string, followId: string) => Effect.Effect<LeadFollow, CrmError>
  readonly create: (leadId: string, data: CreateLeadFollowRequest) => Effect.Effect<LeadFollow, CrmError>
  readonly update: (
    leadId: string,
    followId: string,
    data: UpdateLeadFollowRequest
  ) => Effect.Effect<UpdatedLeadFollow, CrmError>
  readonly delete: (leadId: string, followId: string) => Effect.Effect<void, CrmError>
}

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
    effect: Effect.map(ApiClient.group(LeadFollowsGroup), (api): LeadFollows => ({
      list: (leadId, params) => api.list({ path: { leadId }, urlParams: params ?? {} }),
      get: (leadId, followId) => api.get({ path: { leadId, followId } }),
      create: (leadId, data) => api.create({ path: { leadId }, payload: data }),
      update: (leadId, followId, data) => api.update({ path: { leadId, followId }, payload: data }),
      delete: (leadId, followId) => api.delete({ path: { leadId, followId } })
    }))
  })
{}
