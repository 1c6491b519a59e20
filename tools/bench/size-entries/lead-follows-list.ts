// Only LeadFollowsService, per-module entries, calling list on the fetch transport.
import type { CrmOptions } from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import { LeadFollowsService } from "@blocks-crm/pipeline/LeadFollowsService"
import * as Effect from "effect/Effect"

export const run = (options: CrmOptions) =>
  Effect.runPromise(
    Effect.flatMap(LeadFollowsService, (service) => service.list("lead-1")).pipe(
      Effect.provide(LeadFollowsService.Default),
      Effect.provide(CrmTransport.layerFetch(options))
    )
  )
