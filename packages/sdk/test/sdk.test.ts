/**
 * The umbrella against the emulator: `createCrmClient` over every domain by default (the reference's
 * `client.crm.opportunities`, `client.crm.calendarSync`), or over the domains given, and `CrmClient`
 * as an Effect service over every domain.
 */
import { Emulator } from "@blocks-crm/emulator"
import { create23BlocksClient, createCrmClient, CrmClient, CrmTransport, domains, pipeline } from "@blocks-crm/sdk"
import type {
  CalendarSyncResult,
  CreateOpportunityRequest,
  ListOpportunitiesParams,
  Opportunity,
  PageResult,
  UpdateOpportunityRequest
} from "@blocks-crm/sdk"
import { afterAll, beforeAll, describe, expect, it, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"

const settingsFor = (info: Emulator.EmulatorInfo) => ({
  apiUrl: info.url,
  authToken: info.seeds.tokens[0]!,
  apiKey: info.seeds.apiKeys[0]!,
  retry: { times: 0 }
})

/** Every service name the descriptors give, top-level ones. */
const serviceNames = domains.flatMap((domain) => Object.keys(domain.services)).sort()

describe("createCrmClient", () => {
  const scope = Effect.runSync(Scope.make())
  let settings: ReturnType<typeof settingsFor>

  beforeAll(async () => {
    settings = settingsFor(
      await Effect.runPromise(Scope.extend(Emulator.start({ database: ":memory:", port: 0 }), scope))
    )
  })
  afterAll(() => Effect.runPromise(Scope.close(scope, Exit.void)))

  it("composes every domain by default: opportunities and calendar sync as the reference calls them", async () => {
    const client = createCrmClient(settings)
    expect(Object.keys(client.crm).sort()).toEqual(serviceNames)
    expect(serviceNames).toEqual(expect.arrayContaining(["leads", "accounts", "calendarSync", "billings", "companies"]))

    const request: CreateOpportunityRequest = { name: "Enterprise Deal", value: 50_000, stage: "proposal" }
    const deal: Opportunity = await client.crm.opportunities.create(request)
    const change: UpdateOpportunityRequest = { probability: 60 }
    await client.crm.opportunities.update(deal.uniqueId, change)
    const params: ListOpportunitiesParams = { page: 1, records: 20 }
    const page: PageResult<Opportunity> = await client.crm.opportunities.list(params)
    expect(page.data.map((opportunity) => opportunity.uniqueId)).toContain(deal.uniqueId)

    const synced: CalendarSyncResult = await client.crm.calendarSync.syncTenant()
    expect(synced.message).toBe("Global calendar sync initiated")
    expect("accountsCount" in synced.data && synced.data.accountsCount).toBe(0)
    await client.close()
  })

  it("calls services nested ones included, reuses an idempotency key, streams, and closes", async () => {
    const client = createCrmClient(settings)
    const lead = await client.crm.leads.create({ name: "Globex", source: "event", value: 2_500 }, {
      idempotencyKey: "globex-1"
    })
    const again = await client.crm.leads.create({ name: "Globex", source: "event", value: 2_500 }, {
      idempotencyKey: "globex-1"
    })
    expect(again.uniqueId).toBe(lead.uniqueId)
    const follow = await client.crm.leads.follows.create(lead.uniqueId, {
      title: "Send brochure",
      dueDate: new Date("2020-01-01T00:00:00Z")
    })
    expect(follow.status).toBe("overdue")
    const deal = await client.crm.opportunities.create({ name: "Globex deal", stage: "discovery" })
    await client.crm.opportunities.delete(deal.uniqueId)
    expect((await client.crm.opportunities.listDeleted()).data.map((o) => o.uniqueId)).toContain(deal.uniqueId)
    expect((await client.crm.opportunities.recover(deal.uniqueId)).name).toBe("Globex deal")
    const names: Array<string> = []
    for await (const opportunity of client.crm.opportunities.stream({ records: 1 })) names.push(opportunity.name)
    expect(names).toContain("Globex deal")
    await client.close()
    await expect(client.crm.leads.get(lead.uniqueId)).rejects.toBeDefined()
  })

  it("rejects with the SDK's tagged errors, and honours an abort signal", async () => {
    const client = createCrmClient(settings)
    await expect(client.crm.leads.get("nope")).rejects.toMatchObject({ _tag: "NotFound", status: 404 })
    await expect(client.crm.leads.create({ name: " " })).rejects.toMatchObject({ _tag: "InvalidInput" })
    await expect(client.crm.leads.list(undefined, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      _tag: "Aborted"
    })
    await client.close()
  })

  it("composes only the domains given", async () => {
    const client = createCrmClient({ ...settings, domains: [pipeline] })
    expect(Object.keys(client.crm).sort()).toEqual(Object.keys(pipeline.services).sort())
    expect((await client.crm.leads.create({ name: "Pipeline only" })).name).toBe("Pipeline only")
    await client.close()
  })

  it("answers to the official SDK's name too", () => {
    expect(create23BlocksClient).toBe(createCrmClient)
  })

  it("throws the ConfigurationError at once for bad settings", () => {
    expect(() => createCrmClient({ apiUrl: "not a url", authToken: "t", apiKey: "k" })).toThrow(
      expect.objectContaining({ _tag: "ConfigurationError", message: expect.stringContaining("apiUrl") })
    )
    // From JavaScript: `domains` given as something else than a list is refused, not read as "every domain".
    expect(() => createCrmClient({ ...settings, domains: null } as any)).toThrow("domains - must be a list")
    // The case: an unset variable is a ConfigurationError, never a TypeError; so are no options at all.
    const { apiUrl, apiKey } = settings
    expect(() => createCrmClient({ apiUrl, authToken: process.env["BLOCKS_NO_SUCH_VARIABLE"]!, apiKey })).toThrow(
      expect.objectContaining({
        _tag: "ConfigurationError",
        problems: [{ name: "authToken", problem: "must be a string or a Redacted string, got undefined" }]
      })
    )
    expect(() => createCrmClient(undefined as any)).toThrow(
      expect.objectContaining({ _tag: "ConfigurationError", problems: [expect.objectContaining({ name: "options" })] })
    )
  })
})

const emulatorTransport = Layer.unwrapScoped(
  Effect.map(Emulator.start({ database: ":memory:", port: 0 }), (info) => CrmTransport.layerFetch(settingsFor(info)))
).pipe(Layer.orDie)

layer(emulatorTransport, { excludeTestServices: true })("CrmClient", (it) => {
  it.effect("is a service over every domain, nested services included", () =>
    Effect.gen(function*() {
      const crm = yield* CrmClient
      expect(Object.keys(crm).sort()).toEqual(serviceNames)
      const lead = yield* crm.leads.create({ name: "Acme", value: 100 })
      const follow = yield* crm.leads.follows.create(lead.uniqueId, { title: "Call back" })
      expect(yield* crm.leads.follows.list(lead.uniqueId)).toEqual([follow])
      const account = yield* crm.accounts.create({ name: "Acme Corp" })
      expect((yield* crm.accounts.get(account.uniqueId)).name).toBe("Acme Corp")
      const missing = yield* Effect.flip(crm.opportunities.get("no-such-deal"))
      expect(missing._tag).toBe("NotFound")
    }).pipe(Effect.provide(CrmClient.Default)))

  it.effect("composes other lists of domains with CrmClient.compose", () =>
    Effect.gen(function*() {
      const crm = yield* CrmClient.compose([pipeline])
      expect(Object.keys(crm).sort()).toEqual(["leads", "opportunities", "quotes", "referrals", "touches"])
      expect(CrmClient.domains).toBe(domains)
    }).pipe(Effect.scoped))
})

// Type-level: the layers take the same settings as core-http.
export const layers: ReadonlyArray<Layer.Layer<CrmClient, unknown>> = [
  CrmClient.layerFromEnv({ timeout: "10 seconds" }),
  CrmClient.layer({ apiUrl: "http://127.0.0.1:1", authToken: "t", apiKey: "k" })
]
