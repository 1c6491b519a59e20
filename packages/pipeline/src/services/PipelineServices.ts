/**
 * Every pipeline service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import * as Layer from "effect/Layer"
import { LeadFollowsService } from "./LeadFollowsService.js"
import { LeadsService } from "./LeadsService.js"
import { OpportunitiesService } from "./OpportunitiesService.js"
import { QuotesService } from "./QuotesService.js"
import { ReferralsService } from "./ReferralsService.js"
import { TouchesService } from "./TouchesService.js"

/** @since 0.1.0 */
export type PipelineServices =
  | LeadsService
  | LeadFollowsService
  | OpportunitiesService
  | QuotesService
  | ReferralsService
  | TouchesService

/**
 * Every pipeline service's `Default` layer, on whatever `CrmTransport` is provided.
 *
 * @since 0.1.0
 * @category layers
 */
export const PipelineServicesLive: Layer.Layer<PipelineServices, never, CrmTransport> = Layer.mergeAll(
  LeadsService.Default,
  LeadFollowsService.Default,
  OpportunitiesService.Default,
  QuotesService.Default,
  ReferralsService.Default,
  TouchesService.Default
)
