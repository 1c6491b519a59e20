/**
 * The two faces of the composed client against the emulator: the Effect service (`CrmClient`, and
 * `CrmClient.compose` for other sets of domains) and the Promise face (`createCrmClient`).
 */
import { CrmTransport } from "@blocks-crm/core-http"
import { Emulator } from "@blocks-crm/emulator"
import * as HttpApi from "@effect/platform/HttpApi"
import { afterAll, beforeAll, describe, expect, it, layer } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"
import { CrmClient } from "../src/CrmClient.js"
import * as CrmDomain from "../src/CrmDomain.js"
import { domains, pipeline } from "../src/domains/index.js"
import { createCrmClient } from "../src/PromiseClient.js"
import * as EmbeddedEmulator from "./support/EmbeddedEmulator.js"

/** A domain of one's own: a service that needs only the transport. */
class StatusService extends Effect.Service<StatusService>()("test/StatusService", {
  effect: Effect.map(CrmTransport.CrmTransport, (transport) => ({
    baseUrl: (): Effect.Effect<string> => Effect.succeed(transport.settings.apiUrl.toString())
  }))
}) {}
const status = CrmDomain.make({ name: "status", api: HttpApi.make("status"), services: { status: StatusService } })

layer(EmbeddedEmulator.transport(), { excludeTestServices: true })("the Effect face", (it) => {
  const withClient = <A, E>(body: Effect.Effect<A, E, CrmClient>) => Effect.provide(body, CrmClient.Default)

  it.effect("exposes every pipeline service, with follow-ups nested under leads", () =>
    withClient(Effect.gen(function*() {
      const crm = yield* CrmClient
      // Every service of every listed domain (a generated domain adds its own), the pipeline's among them.
      const listed = domains.flatMap((domain) => Object.keys(domain.services)).sort()
      expect(Object.keys(crm).sort()).toEqual(listed)
      expect(listed).toEqual(expect.arrayContaining(["leads", "opportunities", "quotes", "referrals", "touches"]))
      const lead = yield* crm.leads.create({ name: "Acme", value: 100 })
      const follow = yield* crm.leads.follows.create(lead.uniqueId, { title: "Call back" })
      expect(yield* crm.leads.follows.list(lead.uniqueId)).toEqual([follow])
      expect((yield* crm.leads.get(lead.uniqueId)).name).toBe("Acme")
      const deal = yield* crm.opportunities.create({ name: "Acme deal", value: 100, probability: 50 })
      yield* crm.opportunities.delete(deal.uniqueId)
      expect((yield* crm.opportunities.recover(deal.uniqueId)).uniqueId).toBe(deal.uniqueId)
      const error = yield* Effect.flip(crm.leads.get("nope"))
      expect(error._tag).toBe("NotFound")
    })))

  it.effect("composes any list of domains with the same call, custom ones included", () =>
    Effect.gen(function*() {
      const crm = yield* CrmClient.compose([status, pipeline])
      expect(Object.keys(crm).sort()).toEqual(["leads", "opportunities", "quotes", "referrals", "status", "touches"])
      expect(yield* crm.status.baseUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/?$/)
      const before = (yield* crm.leads.list()).meta.totalRecords
      const created = yield* crm.leads.create({ name: "Composed with a custom domain" })
      const after = yield* crm.leads.list({ records: 100 })
      expect(after.meta.totalRecords).toBe(before + 1)
      expect(after.data.map((lead) => lead.uniqueId)).toContain(created.uniqueId)

      const only = yield* CrmClient.compose([status])
      expect(Object.keys(only)).toEqual(["status"])
    }).pipe(Effect.scoped))

  it.effect("refuses two domains that claim the same name", () =>
    Effect.gen(function*() {
      const clash = CrmDomain.make({ name: "other", api: HttpApi.make("other"), services: { leads: StatusService } })
      const cause = yield* Effect.flip(Effect.sandbox(Effect.scoped(CrmClient.compose([pipeline, clash]))))
      expect(Cause.isDie(cause)).toBe(true)
      expect(Cause.pretty(cause)).toContain(`domains "pipeline" and "other" both define "leads"`)
    }))
})

describe("the Promise face", () => {
  const scope = Effect.runSync(Scope.make())
  let settings: ReturnType<typeof EmbeddedEmulator.settingsFor>

  beforeAll(async () => {
    const info = await Effect.runPromise(Scope.extend(Emulator.start({ database: ":memory:", port: 0 }), scope))
    settings = EmbeddedEmulator.settingsFor(info)
  })
  afterAll(() => Effect.runPromise(Scope.close(scope, Exit.void)))

  it("calls every service, nested ones included, and closes", async () => {
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
    const page = await client.crm.leads.list({ records: 100 }, { timeout: 5_000 })
    expect(page.data.map((l) => l.uniqueId)).toContain(lead.uniqueId)
    const deal = await client.crm.opportunities.create({ name: "Globex deal", stage: "discovery" })
    await client.crm.opportunities.delete(deal.uniqueId)
    expect((await client.crm.opportunities.listDeleted()).data.map((o) => o.uniqueId)).toContain(deal.uniqueId)
    expect((await client.crm.opportunities.recover(deal.uniqueId)).name).toBe("Globex deal")
    const names: Array<string> = []
    for await (const opportunity of client.crm.opportunities.stream({ records: 1 })) names.push(opportunity.name)
    expect(names).toContain("Globex deal")
    await client.close()
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

  it("composes only the domains it is given", async () => {
    const client = createCrmClient({ ...settings, domains: [status] })
    expect(Object.keys(client.crm)).toEqual(["status"])
    expect(await client.crm.status.baseUrl()).toBe(new URL(settings.apiUrl).toString())
    await client.close()
  })

  it("throws the ConfigurationError at once for bad settings", () => {
    expect(() => createCrmClient({ apiUrl: "ftp://example.com", authToken: "", apiKey: "k" })).toThrow(
      expect.objectContaining({ _tag: "ConfigurationError", message: expect.stringContaining("authToken") })
    )
  })
})

// Type-level: the layers connect to the same settings as core-http.
export const layers: ReadonlyArray<Layer.Layer<CrmClient, unknown>> = [
  CrmClient.layerFromEnv(),
  CrmClient.layer({ apiUrl: "http://127.0.0.1:1", authToken: "t", apiKey: "k" })
]
