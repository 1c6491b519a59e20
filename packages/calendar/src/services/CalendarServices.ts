/**
 * Every calendar service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import type * as Layer from "effect/Layer"
import { CalendarAccountsService } from "./CalendarAccountsService.js"

/** @since 0.1.0 */
export type CalendarServices = CalendarAccountsService

/**
 * Every calendar service's `Default` layer, on whatever `CrmTransport` is provided. Add a service's
 * layer here with `Layer.mergeAll` when the domain grows.
 *
 * @since 0.1.0
 * @category layers
 */
export const CalendarServicesLive: Layer.Layer<CalendarServices, never, CrmTransport> = CalendarAccountsService.Default
