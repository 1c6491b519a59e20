/**
 * Opportunities: list, stream, get, create, update, delete, recover, search, listDeleted.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { OpportunitiesGroup } from "../contract/OpportunitiesGroup.js"
import type {
  ListOpportunitiesParams,
  CreateOpportunityRequest,
  Opportunity,
  UpdatedOpportunity,
  UpdateOpportunityRequest
} from "../models/Opportunity.js"

/**
 * The CRM's opportunities as an Effect service (`SoftDeleteClient`): pages, a lazy `stream`, search,
 * CRUD and the trash. Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { OpportunitiesService } from "@blocks-crm/pipeline"
 * import { Effect } from "effect"
 *
 * const closeDeal = Effect.gen(function*() {
 *   const opportunities = yield* OpportunitiesService
 *   const deal = yield* opportunities.create({ name: "Enterprise Deal", value: 50_000, closeDate: "2026-06-30" })
 *   return yield* opportunities.update(deal.uniqueId, { stage: "closed_won", status: "won" })
 * })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class OpportunitiesService extends Effect.Service<OpportunitiesService>()(
  "@blocks-crm/pipeline/OpportunitiesService",
  {
    effect: Effect.map(
      ApiClient.group(OpportunitiesGroup),
      (endpoints): ResourceClient.SoftDeleteClient<
        Opportunity,
        CreateOpportunityRequest,
        UpdateOpportunityRequest,
        UpdatedOpportunity,
        ListOpportunitiesParams
      > => ResourceClient.softDelete("opportunities", endpoints)
    )
  }
) {}
