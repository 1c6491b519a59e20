// Only ReferralsService, per-module entries, calling list on the fetch transport.
import type { CrmOptions } from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import { ReferralsService } from "@blocks-crm/pipeline/ReferralsService"
import * as Effect from "effect/Effect"

export const run = (options: CrmOptions) =>
  Effect.runPromise(
    Effect.flatMap(ReferralsService, (service) => service.list({ page: 1 })).pipe(
      Effect.provide(ReferralsService.Default),
      Effect.provide(CrmTransport.layerFetch(options))
    )
  )
