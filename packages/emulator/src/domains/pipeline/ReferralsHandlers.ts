/**
 * The emulator's referrals: the reward `pending` unless the request says otherwise (the pipeline
 * models' documented assumption).
 */
import { PipelineApi } from "@blocks-crm/pipeline"
import * as Effect from "effect/Effect"
import { created, group, updated } from "../Resources.js"
import { openPipeline } from "./Records.js"

/** The emulator's handlers for the referrals endpoints. */
export const ReferralsHandlers = group(PipelineApi, "referrals", (handlers) =>
  Effect.gen(function*() {
    const { referrals } = yield* openPipeline
    return handlers
      .handle("list", ({ urlParams }) => referrals.page(urlParams))
      .handle("get", ({ path }) => referrals.find(path.uniqueId))
      .handle("create", ({ payload }) => referrals.insert({ rewardStatus: "pending", ...payload, ...created() }))
      .handle("update", ({ path, payload }) =>
        referrals.update(path.uniqueId, (referral) => ({ ...referral, ...payload, ...updated() })))
      .handle("delete", ({ path }) =>
        referrals.remove(path.uniqueId))
  }))
