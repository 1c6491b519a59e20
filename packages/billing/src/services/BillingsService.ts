/**
 * Meeting billings: a meeting's billing, create, get, update (payments, void), delete, payment split.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import { ResourceId } from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import { BillingsGroup } from "../contract/BillingsGroup.js"
import { CreateBillingRequest, UpdateBillingRequest } from "../models/Billing.js"
import type { Billing, PaymentSplit, UpdatedBilling } from "../models/Billing.js"

/**
 * The billing methods.
 *
 * @since 0.1.0
 */
export interface Billings {
  /** The meeting's billing (`GET /meetings/:meeting_unique_id/billing`); `NotFound` when none. */
  readonly forMeeting: (meetingId: string) => Effect.Effect<Billing, CrmError>
  /** Bills a meeting; `NotFound` for an unknown meeting, `ValidationFailed` when it is already billed. */
  readonly create: (meetingId: string, data: CreateBillingRequest) => Effect.Effect<Billing, CrmError>
  readonly get: (uniqueId: string) => Effect.Effect<Billing, CrmError>
  /**
   * Changes a billing, records a payment (`paymentAmount`) or voids it (`billingStatus: "void"`);
   * `ValidationFailed` on overpaying or a split that no longer sums to the amount.
   */
  readonly update: (uniqueId: string, data: UpdateBillingRequest) => Effect.Effect<UpdatedBilling, CrmError>
  /** Deletes a billing with no payment; `ValidationFailed` otherwise (void it instead). */
  readonly delete: (uniqueId: string) => Effect.Effect<void, CrmError>
  /** How the amount divides between payers; the parts sum exactly to the amount. */
  readonly paymentSplit: (uniqueId: string) => Effect.Effect<PaymentSplit, CrmError>
}

/**
 * Meeting billings as an Effect service (`Billings`). Inputs are validated before anything is sent (an
 * unknown currency, cents on a yen amount or a split that does not sum never leave the process); the
 * client is derived from the group alone, so this entry point bundles no report.
 *
 * @example
 * ```ts
 * import { BillingsService } from "@blocks-crm/billing"
 * import { Effect } from "effect"
 *
 * const billReview = (meetingId: string) =>
 *   Effect.gen(function*() {
 *     const billings = yield* BillingsService
 *     const billing = yield* billings.create(meetingId, { amount: "100.00", currency: "USD", payerName: "Globex" })
 *     return yield* billings.update(billing.uniqueId, { paymentAmount: "33.33" }) // partially_paid
 *   })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class BillingsService extends Effect.Service<BillingsService>()("@blocks-crm/billing/BillingsService", {
  effect: Effect.map(ApiClient.group(BillingsGroup), (api): Billings => {
    const id = (operation: string) => ApiClient.validate(ResourceId, `billings.${operation}`)
    const checkForMeeting = id("forMeeting")
    const checkCreateId = id("create")
    const checkGet = id("get")
    const checkUpdateId = id("update")
    const checkDelete = id("delete")
    const checkSplit = id("paymentSplit")
    const checkCreate = ApiClient.validate(CreateBillingRequest, "billings.create")
    const checkUpdate = ApiClient.validate(UpdateBillingRequest, "billings.update")
    return {
      forMeeting: (meetingId: string) =>
        Effect.flatMap(checkForMeeting(meetingId), (m) => api.forMeeting({ path: { meetingId: m } })),
      create: (meetingId: string, data: CreateBillingRequest) =>
        Effect.flatMap(
          Effect.all([checkCreateId(meetingId), checkCreate(data)]),
          ([m, payload]) => api.create({ path: { meetingId: m }, payload })
        ),
      get: (uniqueId: string) => Effect.flatMap(checkGet(uniqueId), (u) => api.get({ path: { uniqueId: u } })),
      update: (uniqueId: string, data: UpdateBillingRequest) =>
        Effect.flatMap(
          Effect.all([checkUpdateId(uniqueId), checkUpdate(data)]),
          ([u, payload]) => api.update({ path: { uniqueId: u }, payload })
        ),
      delete: (uniqueId: string) => Effect.flatMap(checkDelete(uniqueId), (u) => api.delete({ path: { uniqueId: u } })),
      paymentSplit: (uniqueId: string) =>
        Effect.flatMap(checkSplit(uniqueId), (u) => api.paymentSplit({ path: { uniqueId: u } }))
    }
  })
}) {}
