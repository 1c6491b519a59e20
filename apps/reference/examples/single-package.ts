/**
 * One domain package on its own, without the reference client: what a team that installed only
 * `@blocks-crm/pipeline` and `@blocks-crm/core-http` writes.
 *
 *   BLOCKS_API_URL=... BLOCKS_AUTH_TOKEN=... BLOCKS_API_KEY=... tsx examples/single-package.ts
 */
import { CrmTransport } from "@blocks-crm/core-http"
import { LeadsService } from "@blocks-crm/pipeline"
import { Effect, Layer } from "effect"

const program = Effect.gen(function*() {
  const leads = yield* LeadsService
  const lead = yield* leads.create({ name: "Enterprise Deal", value: 50000 })
  return yield* leads.get(lead.uniqueId)
}).pipe(Effect.catchTag("NotFound", (e) => Effect.logWarning(e.message)))

program.pipe(
  Effect.provide(LeadsService.Default.pipe(Layer.provide(CrmTransport.layerFetchFromEnv()))),
  Effect.runPromise
)
