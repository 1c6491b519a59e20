// Only TouchesService, per-module entries, calling list on the fetch transport.
import type { CrmOptions } from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import { TouchesService } from "@blocks-crm/pipeline/TouchesService"
import * as Effect from "effect/Effect"

export const run = (options: CrmOptions) =>
  Effect.runPromise(
    Effect.flatMap(TouchesService, (service) => service.list({ page: 1 })).pipe(
      Effect.provide(TouchesService.Default),
      Effect.provide(CrmTransport.layerFetch(options))
    )
  )
