/**
 * The reference's "SDK Usage" sections (crm-opportunities.md, crm-calendar-sync.md) with the package
 * renamed: `@23blocks/sdk` and `@23blocks/block-crm` become `@blocks-crm/sdk`. `create23BlocksClient`
 * is `createCrmClient` under the official name, so only the import changes.
 *
 *   BLOCKS_API_URL=... BLOCKS_AUTH_TOKEN=... BLOCKS_API_KEY=... tsx examples/from-official-sdk.ts
 */
import { create23BlocksClient } from "@blocks-crm/sdk"
import type {
  CalendarSyncResult,
  CreateOpportunityRequest,
  ListOpportunitiesParams,
  Opportunity,
  PageResult,
  UpdateOpportunityRequest
} from "@blocks-crm/sdk"

const client = create23BlocksClient({
  authToken: process.env.BLOCKS_AUTH_TOKEN!,
  apiKey: process.env.BLOCKS_API_KEY!,
  apiUrl: process.env.BLOCKS_API_URL!
})

// OpportunitiesService: client.crm.opportunities
const params: ListOpportunitiesParams = { page: 1, records: 20 }
const result: PageResult<Opportunity> = await client.crm.opportunities.list(params)
const data: CreateOpportunityRequest = { name: "Enterprise Deal", value: 50_000, stage: "proposal" }
const created: Opportunity = await client.crm.opportunities.create(data)
const change: UpdateOpportunityRequest = { stage: "negotiation", probability: 75 }
await client.crm.opportunities.update(created.uniqueId, change)
console.log(`${result.meta.totalRecords} opportunities before ${created.name}`)

// CalendarSyncService: client.crm.calendarSync
const synced: CalendarSyncResult = await client.crm.calendarSync.syncUser("user-unique-id")
const everyone: CalendarSyncResult = await client.crm.calendarSync.syncTenant()
console.log(synced.data.status, "accountsCount" in everyone.data ? everyone.data.accountsCount : 0)

await client.close()
