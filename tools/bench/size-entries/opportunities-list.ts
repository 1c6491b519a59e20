// Only OpportunitiesService, per-module entries, calling list on the fetch transport.
import type { CrmOptions } from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import { OpportunitiesService } from "@blocks-crm/pipeline/OpportunitiesService"
import * as Effect from "effect/Effect"

export const run = (options: CrmOptions) =>
  Effect.runPromise(
    Effect.flatMap(OpportunitiesService, (service) => service.list({ page: 1 })).pipe(
      Effect.provide(OpportunitiesService.Default),
      Effect.provide(CrmTransport.layerFetch(options))
    )
  )
