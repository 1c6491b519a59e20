/**
 * The Effect face: `CrmClient` is a service; provide a layer and call any composed domain's services.
 *
 *   BLOCKS_API_URL=... BLOCKS_AUTH_TOKEN=... BLOCKS_API_KEY=... tsx examples/effect-face.ts
 */
import { CrmClient, pipeline } from "@blocks-crm/sdk"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Console, Effect } from "effect"

const program = Effect.gen(function*() {
  const crm = yield* CrmClient

  // Leads, and a follow-up nested under one.
  const lead = yield* crm.leads.create({ name: "Enterprise Deal", source: "website", value: 50_000, stage: "new" })
  yield* crm.leads.follows.create(lead.uniqueId, {
    title: "Schedule demo call",
    dueDate: new Date("2026-03-05T14:00:00Z")
  })
  yield* crm.leads.update(lead.uniqueId, { stage: "qualified", probability: 40 })

  // One page, or every page lazily.
  const page = yield* crm.leads.list({ page: 1, records: 20 })
  yield* Console.log(`${page.meta.totalRecords} leads`)

  // Opportunities: soft delete and recover.
  const deal = yield* crm.opportunities.create({
    name: "Enterprise Deal",
    value: 50_000,
    stage: "proposal",
    probability: 60
  })
  yield* crm.opportunities.delete(deal.uniqueId)
  const recovered = yield* crm.opportunities.recover(deal.uniqueId)
  yield* Console.log(`${recovered.name} is back (${recovered.status})`)

  // Errors are tagged: handle the ones you expect by name.
  return yield* crm.leads.get("no-such-lead").pipe(
    Effect.map((found) => found.name),
    Effect.catchTag("NotFound", (error) => Effect.succeed(`not found (request id ${error.requestId})`))
  )
})

// Settings from BLOCKS_API_URL, BLOCKS_AUTH_TOKEN and BLOCKS_API_KEY. `CrmClient.layer({ apiUrl, authToken,
// apiKey })` takes them in code instead.
program.pipe(Effect.flatMap(Console.log), Effect.provide(CrmClient.layerFromEnv()), NodeRuntime.runMain)

// A team that needs only some domains (or adds its own) composes them with the same call, as its own service.
export class SalesCrm extends Effect.Service<SalesCrm>()("acme/SalesCrm", {
  scoped: CrmClient.compose([pipeline])
}) {}

export const countQuotes = Effect.gen(function*() {
  const crm = yield* SalesCrm
  const quotes = yield* crm.quotes.list()
  return quotes.meta.totalRecords
})
