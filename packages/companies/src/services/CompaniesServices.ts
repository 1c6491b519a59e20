/**
 * Every companies service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import type * as Layer from "effect/Layer"
import { CompaniesService } from "./CompaniesService.js"

/** @since 0.1.0 */
export type CompaniesServices = CompaniesService

/**
 * Every companies service's `Default` layer, on whatever `CrmTransport` is provided. Add a service's
 * layer here with `Layer.mergeAll` when the domain grows.
 *
 * @since 0.1.0
 * @category layers
 */
export const CompaniesServicesLive: Layer.Layer<CompaniesServices, never, CrmTransport> = CompaniesService.Default
