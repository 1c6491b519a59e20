// Only MandrillTemplatesService (the comms domain's smallest service), per-module entries, calling stats.
import type { MandrillStats } from "@blocks-crm/comms"
import { MandrillTemplatesService } from "@blocks-crm/comms/MandrillTemplatesService"
import type { CrmOptions } from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as Effect from "effect/Effect"

export const run = (options: CrmOptions): Promise<MandrillStats> =>
  Effect.runPromise(
    Effect.flatMap(MandrillTemplatesService, (service) => service.stats("template-1")).pipe(
      Effect.provide(MandrillTemplatesService.Default),
      Effect.provide(CrmTransport.layerFetch(options))
    )
  )
