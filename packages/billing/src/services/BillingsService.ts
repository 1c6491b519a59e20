/**
 * Meeting billings: a meeting's billing, create, get, update (payments, void), delete, payment split.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import { BillingsGroup } from "../contract/BillingsGroup.js"
import type {
  Billing,
  CreateBillingRequest,
  PaymentSplit,
  UpdateBillingRequest,
  UpdatedBilling
} from "../models/Billing.js"

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
  effect: Effect.map(ApiClient.group(BillingsGroup), (api): Billings => ({
    forMeeting: (meetingId) => api.forMeeting({ path: { meetingId } }),
    create: (meetingId, data) => api.create({ path: { meetingId }, payload: data }),
    get: (uniqueId) => api.get({ path: { uniqueId } }),
    update: (uniqueId, data) => api.update({ path: { uniqueId }, payload: data }),
    delete: (uniqueId) => api.delete({ path: { uniqueId } }),
    paymentSplit: (uniqueId) => api.paymentSplit({ path: { uniqueId } })
  }))
}) {}
