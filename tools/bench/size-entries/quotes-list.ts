// Only QuotesService, per-module entries, calling list on the fetch transport.
import type { CrmOptions } from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import { QuotesService } from "@blocks-crm/pipeline/QuotesService"
import * as Effect from "effect/Effect"

export const run = (options: CrmOptions) =>
  Effect.runPromise(
    Effect.flatMap(QuotesService, (service) => service.list({ page: 1 })).pipe(
      Effect.provide(QuotesService.Default),
      Effect.provide(CrmTransport.layerFetch(options))
    )
  )
