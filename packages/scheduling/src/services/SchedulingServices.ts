/**
 * Every scheduling service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import type * as Layer from "effect/Layer"
import { scheduling } from "../domain.js"

/**
 * Every scheduling service, as one requirement.
 *
 * @since 0.1.0
 */
export type SchedulingServices = CrmDomain.ServicesOf<typeof scheduling>

/**
 * Every scheduling service's `Default` layer, on whatever `CrmTransport` is provided: the services the
 * descriptor lists (`CrmDomain.layer`), so the list is said once.
 *
 * @since 0.1.0
 * @category layers
 */
export const SchedulingServicesLive: Layer.Layer<SchedulingServices, never, CrmTransport> = CrmDomain.layer(scheduling)
