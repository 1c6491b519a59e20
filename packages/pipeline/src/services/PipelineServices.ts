/**
 * Every pipeline service at once, for apps (and tests) that use the whole domain.
 *
 * @since 0.1.0
 */
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import type * as Layer from "effect/Layer"
import { pipeline } from "../domain.js"

/**
 * Every service of the pipeline domain, as `PipelineServicesLive` provides them.
 *
 * @since 0.1.0
 */
export type PipelineServices = CrmDomain.ServicesOf<typeof pipeline>

/**
 * Every pipeline service's `Default` layer, on whatever `CrmTransport` is provided: the services the
 * descriptor lists (`CrmDomain.layer`), so the list is said once.
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
export const PipelineServicesLive: Layer.Layer<PipelineServices, never, CrmTransport> = CrmDomain.layer(pipeline)
