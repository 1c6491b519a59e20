/**
 * Every billing service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import * as Layer from "effect/Layer"
import { BillingReportsService } from "./BillingReportsService.js"
import { BillingsService } from "./BillingsService.js"

/**
 * Every billing service, as one requirement.
 *
 * @since 0.1.0
 */
export type BillingServices = BillingsService | BillingReportsService

/**
 * Every billing service's `Default` layer, on whatever `CrmTransport` is provided.
 *
 * @since 0.1.0
 * @category layers
 */
export const BillingServicesLive: Layer.Layer<BillingServices, never, CrmTransport> = Layer.mergeAll(
  BillingsService.Default,
  BillingReportsService.Default
)
