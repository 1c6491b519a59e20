/**
 * Every companies service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import type * as Layer from "effect/Layer"
import { companies } from "../domain.js"

/**
 * Every service of the companies package, as `CompaniesServicesLive` provides them.
 *
 * @since 0.1.0
 */
export type CompaniesServices = CrmDomain.ServicesOf<typeof companies>

/**
 * Every companies service's `Default` layer, on whatever `CrmTransport` is provided: the services the
 * descriptor lists (`CrmDomain.layer`), so the list is said once.
 *
 * @since 0.1.0
 * @category layers
 */
export const CompaniesServicesLive: Layer.Layer<CompaniesServices, never, CrmTransport> = CrmDomain.layer(companies)
