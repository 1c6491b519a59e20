/**
 * Referrals: list, stream, get, create, update, delete.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { ReferralsGroup } from "../contract/ReferralsGroup.js"
import type {
  CreateReferralRequest,
  ListReferralsParams,
  Referral,
  UpdatedReferral,
  UpdateReferralRequest
} from "../models/Referral.js"

/**
 * The CRM's referrals as an Effect service (`CrudClient`): pages, a lazy `stream` and CRUD. Inputs are
 * validated before anything is sent.
 *
 * @example
 * ```ts
 * import { ReferralsService } from "@blocks-crm/pipeline"
 * import { Effect } from "effect"
 *
 * const payReward = Effect.gen(function*() {
 *   const referrals = yield* ReferralsService
 *   const referral = yield* referrals.create({ referrerName: "Ana Ruiz", referredName: "Acme Corp", rewardAmount: 500 })
 *   return yield* referrals.update(referral.uniqueId, { rewardStatus: "paid" })
 * })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class ReferralsService extends Effect.Service<ReferralsService>()("@blocks-crm/pipeline/ReferralsService", {
  effect: Effect.map(
    ApiClient.group(ReferralsGroup),
    (endpoints): ResourceClient.CrudClient<
      Referral,
      CreateReferralRequest,
      UpdateReferralRequest,
      UpdatedReferral,
      ListReferralsParams
    > => ResourceClient.crud("referrals", endpoints)
  )
}) {}
