// Only AccountLocationsService (the accounts package's smallest service), per-module entries, calling
// list on the fetch transport.
import { AccountLocationsService } from "@blocks-crm/accounts/AccountLocationsService"
import type { CrmOptions } from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as Effect from "effect/Effect"

export const run = (options: CrmOptions): Promise<unknown> =>
  Effect.runPromise(
    Effect.flatMap(AccountLocationsService, (service) => service.list("account-uuid-123")).pipe(
      Effect.provide(AccountLocationsService.Default),
      Effect.provide(CrmTransport.layerFetch(options))
    )
  )
