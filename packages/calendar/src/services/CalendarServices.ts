/**
 * Every calendar service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import type * as Layer from "effect/Layer"
import { calendar } from "../domain.js"

/**
 * Every calendar service, as one requirement.
 *
 * @since 0.1.0
 */
export type CalendarServices = CrmDomain.ServicesOf<typeof calendar>

/**
 * Every calendar service's `Default` layer, on whatever `CrmTransport` is provided: the services the
 * descriptor lists (`CrmDomain.layer`), so the list is said once.
 *
 * @since 0.1.0
 * @category layers
 */
export const CalendarServicesLive: Layer.Layer<CalendarServices, never, CrmTransport> = CrmDomain.layer(calendar)
