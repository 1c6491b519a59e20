/**
 * Every companies service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import * as Layer from "effect/Layer"
import { CompaniesService } from "./CompaniesService.js"
import { CompanyKeysService } from "./CompanyKeysService.js"

/**
 * Every service of the companies package, as `CompaniesServicesLive` provides them.
 *
 * @since 0.1.0
 */
export type CompaniesServices = CompaniesService | CompanyKeysService

/**
 * Every companies service's `Default` layer, on whatever `CrmTransport` is provided.
 *
 * @since 0.1.0
 * @category layers
 */
export const CompaniesServicesLive: Layer.Layer<CompaniesServices, never, CrmTransport> = Layer.mergeAll(
  CompaniesService.Default,
  CompanyKeysService.Default
)
