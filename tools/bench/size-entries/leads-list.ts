// (a) Only LeadsService, through the per-module entries, calling list on the fetch transport.
import type { CrmOptions } from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import { LeadsService } from "@blocks-crm/pipeline/LeadsService"
import * as Effect from "effect/Effect"

export const listLeads = (options: CrmOptions) =>
  Effect.runPromise(
    Effect.flatMap(LeadsService, (leads) => leads.list({ page: 1 })).pipe(
      Effect.provide(LeadsService.Default),
      Effect.provide(CrmTransport.layerFetch(options))
    )
  )
