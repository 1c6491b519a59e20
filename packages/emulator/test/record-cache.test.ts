/**
 * `RecordCache` against the emulator: concurrent `get`s of one lead are one request, a cached `get`
 * sends nothing, each write path drops the entry (update, delete, recover, a nested follow), the TTL
 * runs on the clock (TestClock), and two tenants never share an entry.
 */
import type { CrmConfig, CrmError } from "@blocks-crm/core-http"
import { RecordCache } from "@blocks-crm/core-http"
import { Emulator } from "@blocks-crm/emulator"
import { LeadFollowsService, LeadsService, PipelineServicesLive } from "@blocks-crm/pipeline"
import { expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestEmulator from "./support/TestEmulator.js"
import type { SentRequest } from "./support/TestEmulator.js"
import { expectTag } from "./support/TestEmulator.js"

/** Leads and follows of one tenant over `cache` (none: no cache), with the requests they send. */
const cachedClient = (
  info: Emulator.EmulatorInfo,
  cache: Layer.Layer<RecordCache.RecordCache, CrmError.ConfigurationError> | undefined,
  overrides: Partial<CrmConfig.CrmOptions> = {}
) =>
  Effect.gen(function*() {
    const sent: Array<SentRequest> = []
    const transport = TestEmulator.transportLayer(TestEmulator.transportOptions(info, overrides), sent)
    const cacheLayer = cache ?? Layer.empty
    const services = yield* Effect.all({ leads: LeadsService, follows: LeadFollowsService }).pipe(
      Effect.provide(PipelineServicesLive.pipe(Layer.provide(Layer.merge(transport, cacheLayer))))
    )
    const gets = () => sent.filter((request) => request.method === "GET").length
    return { ...services, sent, gets }
  })

const minute = { ttl: "1 minute", capacity: 100 } as const

layer(TestEmulator.layer(), { excludeTestServices: true })("RecordCache on the emulator", (it) => {
  it.effect("16 concurrent gets of one lead are one request with the cache, 16 without", () =>
    Effect.gen(function*() {
      const info = yield* Emulator.Emulator
      const cached = yield* cachedClient(info, RecordCache.layer(minute))
      const plain = yield* cachedClient(info, undefined)
      const lead = yield* cached.leads.create({ name: "Acme Expansion" })
      const many = (client: typeof cached) =>
        Effect.all(Array.from({ length: 16 }, () => client.leads.get(lead.uniqueId)), { concurrency: "unbounded" })
      const answers = yield* many(cached)
      expect(answers.every((answer) => answer.uniqueId === lead.uniqueId && answer.name === "Acme Expansion")).toBe(
        true
      )
      expect(cached.gets()).toBe(1)
      yield* many(plain)
      expect(plain.gets()).toBe(16)
      // Answered from the cache afterwards too, until it expires.
      yield* cached.leads.get(lead.uniqueId)
      expect(cached.gets()).toBe(1)
    }))

  it.effect("update, delete, recover and a nested follow each drop the lead's entry", () =>
    Effect.gen(function*() {
      const info = yield* Emulator.Emulator
      const crm = yield* cachedClient(info, RecordCache.layer(minute))
      const lead = yield* crm.leads.create({ name: "Globex" })
      const id = lead.uniqueId
      yield* crm.leads.get(id)
      yield* crm.leads.get(id)
      expect(crm.gets()).toBe(1)

      yield* crm.leads.update(id, { name: "Globex Renewal" })
      expect((yield* crm.leads.get(id)).name).toBe("Globex Renewal")
      expect(crm.gets()).toBe(2)

      yield* crm.follows.create(id, { title: "Call back" })
      yield* crm.leads.get(id)
      expect(crm.gets()).toBe(3)

      yield* crm.leads.delete(id)
      expectTag(yield* Effect.flip(crm.leads.get(id)), "NotFound")
      expect(crm.gets()).toBe(4)
      // A failure is not kept: the next get asks again.
      yield* Effect.flip(crm.leads.get(id))
      expect(crm.gets()).toBe(5)

      yield* crm.leads.recover(id)
      expect((yield* crm.leads.get(id)).uniqueId).toBe(id)
      expect(crm.gets()).toBe(6)
      yield* crm.leads.get(id)
      expect(crm.gets()).toBe(6)
    }))

  it.effect("a write by another client is not seen until the TTL, and tenants never share an entry", () =>
    Effect.gen(function*() {
      const info = yield* Emulator.Emulator
      // One cache given to both tenants' transports: entries are still per tenant.
      const shared = yield* Layer.memoize(RecordCache.layer(minute))
      const tenantA = yield* cachedClient(info, shared)
      const tenantB = yield* cachedClient(info, shared, { apiKey: TestEmulator.API_KEY_B })
      const other = yield* cachedClient(info, undefined)
      const lead = yield* tenantA.leads.create({ name: "Initech" })
      yield* tenantA.leads.get(lead.uniqueId)
      expectTag(yield* Effect.flip(tenantB.leads.get(lead.uniqueId)), "NotFound")
      expect(tenantB.gets()).toBe(1)
      // Changed behind tenant A's client: its cached copy is what it gets, as documented.
      yield* other.leads.update(lead.uniqueId, { name: "Initech Renewal" })
      expect((yield* tenantA.leads.get(lead.uniqueId)).name).toBe("Initech")
      expect(tenantA.gets()).toBe(1)
    }).pipe(Effect.scoped))

  it.effect("ttl 0 keeps nothing but still shares concurrent gets; bad options are a ConfigurationError", () =>
    Effect.gen(function*() {
      const info = yield* Emulator.Emulator
      const crm = yield* cachedClient(info, RecordCache.layer({ ttl: 0, capacity: 10 }))
      const lead = yield* crm.leads.create({ name: "Umbrella" })
      yield* Effect.all(Array.from({ length: 8 }, () => crm.leads.get(lead.uniqueId)), { concurrency: "unbounded" })
      expect(crm.gets()).toBe(1)
      yield* crm.leads.get(lead.uniqueId)
      expect(crm.gets()).toBe(2)
      const error = yield* Effect.flip(RecordCache.make({ ttl: "soon" as never, capacity: 0, extra: 1 } as never))
      expect(error.problems.map((p) => p.name)).toEqual(["cache.extra", "cache.ttl", "cache.capacity"])
    }))
})
