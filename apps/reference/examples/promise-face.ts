/**
 * The Promise face, for code that does not use Effect.
 *
 *   BLOCKS_API_URL=... BLOCKS_AUTH_TOKEN=... BLOCKS_API_KEY=... tsx examples/promise-face.ts
 */
import { createCrmClient } from "@blocks-crm/sdk"

const client = createCrmClient({
  apiUrl: process.env.BLOCKS_API_URL ?? "",
  authToken: process.env.BLOCKS_AUTH_TOKEN ?? "",
  apiKey: process.env.BLOCKS_API_KEY ?? "",
  timeout: "10 seconds"
})

try {
  const lead = await client.crm.leads.create(
    { name: "New Enterprise Deal", source: "referral", value: 75_000, stage: "new", probability: 20 },
    { idempotencyKey: "lead-new-enterprise-deal" }
  )
  await client.crm.leads.follows.create(lead.uniqueId, { title: "Send proposal document" })

  // Every method takes an optional trailing { signal, timeout, idempotencyKey, ... }.
  const controller = new AbortController()
  const { data, meta } = await client.crm.leads.list({ page: 1, records: 20 }, {
    signal: controller.signal,
    timeout: 5_000
  })
  console.log(`${data.length} of ${meta.totalRecords} leads`)

  const deal = await client.crm.opportunities.create({ name: "New Enterprise Deal", value: 75_000, stage: "discovery" })
  await client.crm.opportunities.delete(deal.uniqueId)
  const recovered = await client.crm.opportunities.recover(deal.uniqueId)
  console.log(`${recovered.name} recovered`)

  // `stream` methods are async iterables that fetch pages as they are needed.
  for await (const opportunity of client.crm.opportunities.stream({ records: 100 })) {
    console.log(opportunity.name, opportunity.stage ?? "")
  }
} catch (error) {
  // Failures reject with the SDK's tagged error itself.
  if (error instanceof Error && "_tag" in error && error._tag === "NotFound") console.error("not found")
  else throw error
} finally {
  await client.close()
}
