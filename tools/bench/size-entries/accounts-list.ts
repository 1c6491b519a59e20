// Only AccountsService, per-module entries, calling list on the fetch transport.
import { AccountsService } from "@blocks-crm/accounts/AccountsService"
import type { CrmOptions } from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as Effect from "effect/Effect"

export const run = (options: CrmOptions): Promise<unknown> =>
  Effect.runPromise(
    Effect.flatMap(AccountsService, (service) => service.list({ page: 1 })).pipe(
      Effect.provide(AccountsService.Default),
      Effect.provide(CrmTransport.layerFetch(options))
    )
  )
