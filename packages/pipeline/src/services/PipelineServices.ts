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

/**
 * Every service of the pipeline domain, as `PipelineServicesLive` provides them.
 *
 * @since 0.1.0
 */
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
 * @example
 * ```ts
 * import { CrmTransport } from "@blocks-crm/core-http"
 * import { OpportunitiesService, PipelineServicesLive } from "@blocks-crm/pipeline"
 * import { Effect, Layer } from "effect"
 *
 * const pipeline = PipelineServicesLive.pipe(Layer.provide(CrmTransport.layerFetchFromEnv()))
 * const found = Effect.flatMap(OpportunitiesService, (opportunities) => opportunities.search("enterprise"))
 * Effect.runPromise(Effect.provide(found, pipeline)).then((page) => console.log(page.meta.totalRecords))
 * ```
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
