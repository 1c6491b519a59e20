// Only CompanyKeysService (the companies package's smallest service), per-module entries, calling
// list on the fetch transport.
import { CompanyKeysService } from "@blocks-crm/companies/CompanyKeysService"
import type { CrmOptions } from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as Effect from "effect/Effect"

export const run = (options: CrmOptions): Promise<unknown> =>
  Effect.runPromise(
    Effect.flatMap(CompanyKeysService, (service) => service.list("my-company")).pipe(
      Effect.provide(CompanyKeysService.Default),
      Effect.provide(CrmTransport.layerFetch(options))
    )
  )
