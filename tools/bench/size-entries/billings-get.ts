// Only BillingsService (the billing domain's smallest service), per-module entries, calling get.
import type { Billing } from "@blocks-crm/billing"
import { BillingsService } from "@blocks-crm/billing/BillingsService"
import type { CrmOptions } from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as Effect from "effect/Effect"

export const run = (options: CrmOptions): Promise<Billing> =>
  Effect.runPromise(
    Effect.flatMap(BillingsService, (service) => service.get("billing-1")).pipe(
      Effect.provide(BillingsService.Default),
      Effect.provide(CrmTransport.layerFetch(options))
    )
  )
