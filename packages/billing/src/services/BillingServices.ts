/**
 * Every billing service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import type * as Layer from "effect/Layer"
import { BillingsService } from "./BillingsService.js"

/** @since 0.1.0 */
export type BillingServices = BillingsService

/**
 * Every billing service's `Default` layer, on whatever `CrmTransport` is provided. Add a service's
 * layer here with `Layer.mergeAll` when the domain grows.
 *
 * @since 0.1.0
 * @category layers
 */
export const BillingServicesLive: Layer.Layer<BillingServices, never, CrmTransport> = BillingsService.Default
