/**
 * Only the domains a team needs: `@blocks-crm/client` composes the descriptors of the domain packages
 * it installed (here pipeline and accounts), with no other domain in node_modules or in its bundle.
 *
 *   npm install @blocks-crm/client @blocks-crm/pipeline @blocks-crm/accounts @blocks-crm/core-http effect@3 @effect/platform@0.97
 *   BLOCKS_API_URL=... BLOCKS_AUTH_TOKEN=... BLOCKS_API_KEY=... tsx examples/piecemeal.ts
 */
import { accounts } from "@blocks-crm/accounts/domain"
import { createCrmClient, CrmClient } from "@blocks-crm/client"
import { pipeline } from "@blocks-crm/pipeline/domain"
import { Console, Effect } from "effect"

// The Promise face: `domains` says what the client has.
const client = createCrmClient({
  apiUrl: process.env.BLOCKS_API_URL ?? "",
  authToken: process.env.BLOCKS_AUTH_TOKEN ?? "",
  apiKey: process.env.BLOCKS_API_KEY ?? "",
  domains: [pipeline, accounts]
})

const account = await client.crm.accounts.create({ name: "Acme Corp" })
await client.crm.leads.createForAccount(account.uniqueId, { name: "Acme renewal", value: 40_000 })
const { meta } = await client.crm.leads.list({ page: 1, records: 20 })
console.log(`${meta.totalRecords} leads`)
await client.close()

// The Effect face: a service class of the team's own over the same descriptors.
class SalesCrm extends CrmClient.Service<SalesCrm>()("acme/SalesCrm", { domains: [pipeline, accounts] }) {}

const program = Effect.gen(function*() {
  const crm = yield* SalesCrm
  const acme = yield* crm.accounts.create({ name: "Acme Corp" })
  const locations = yield* crm.accounts.locations.list(acme.uniqueId)
  const quote = yield* crm.quotes.createForAccount(acme.uniqueId, { title: "Acme plan 2027", amount: 9_900 })
  return `quote ${quote.uniqueId} for ${acme.name} (${locations.length} locations)`
})

await program.pipe(Effect.flatMap(Console.log), Effect.provide(SalesCrm.layerFromEnv()), Effect.runPromise)
