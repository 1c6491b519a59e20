/**
 * Billings: list, stream, get, create, update, delete.
 *
 * @since 0.1.0
 */
import { ApiClient } from "@blocks-crm/core-http"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { BillingsGroup } from "../contract/BillingsGroup.js"
import { CreateBillingRequest, UpdateBillingRequest } from "../models/Billing.js"
import type { Billing, UpdatedBilling } from "../models/Billing.js"

/**
 * The client is derived from the group alone, so this entry point bundles no other resource.
 *
 * @since 0.1.0
 * @category services
 */
export class BillingsService extends Effect.Service<BillingsService>()("@blocks-crm/billing/BillingsService", {
  effect: Effect.map(
    ApiClient.group(BillingsGroup),
    (endpoints): ResourceClient.CrudClient<Billing, CreateBillingRequest, UpdateBillingRequest, UpdatedBilling> =>
      ResourceClient.crud("billings", endpoints, { create: CreateBillingRequest, update: UpdateBillingRequest })
  )
}) {}
