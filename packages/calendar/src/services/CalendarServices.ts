/**
 * Every calendar service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import * as Layer from "effect/Layer"
import { BusyBlocksService } from "./BusyBlocksService.js"
import { CalcomWebhookService } from "./CalcomWebhookService.js"
import { CalendarAccountsService } from "./CalendarAccountsService.js"
import { CalendarSyncService } from "./CalendarSyncService.js"
import { IcsFeedService } from "./IcsFeedService.js"
import { IcsTokensService } from "./IcsTokensService.js"

/**
 * Every calendar service, as one requirement.
 *
 * @since 0.1.0
 */
export type CalendarServices =
  | CalendarAccountsService
  | CalendarSyncService
  | BusyBlocksService
  | IcsTokensService
  | IcsFeedService
  | CalcomWebhookService

/**
 * Every calendar service's `Default` layer, on whatever `CrmTransport` is provided.
 *
 * @since 0.1.0
 * @category layers
 */
export const CalendarServicesLive: Layer.Layer<CalendarServices, never, CrmTransport> = Layer.mergeAll(
  CalendarAccountsService.Default,
  CalendarSyncService.Default,
  BusyBlocksService.Default,
  IcsTokensService.Default,
  IcsFeedService.Default,
  CalcomWebhookService.Default
)
