// (a') The same program importing from the package roots, to see what per-module entries save.
import { CrmTransport } from "@blocks-crm/core-http"
import type { CrmConfig } from "@blocks-crm/core-http"
import { LeadsService } from "@blocks-crm/pipeline"
import * as Effect from "effect/Effect"

export const listLeads = (options: CrmConfig.CrmOptions) =>
  Effect.runPromise(
    Effect.flatMap(LeadsService, (leads) => leads.list({ page: 1 })).pipe(
      Effect.provide(LeadsService.Default),
      Effect.provide(CrmTransport.layerFetch(options))
    )
  )
