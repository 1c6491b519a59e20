/**
 * A file database outlives the emulator: stop it (close its scope), start a new one on the same file,
 * and every record, soft delete and idempotency key is still there.
 */
import { Emulator } from "@blocks-crm/emulator"
import { expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as TestEmulator from "./support/TestEmulator.js"
import type { WireDocument } from "./support/TestEmulator.js"
import { connect, raw } from "./support/TestEmulator.js"

const tempDir = Effect.acquireRelease(
  Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "crm-emulator-test-"))),
  (dir) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
)

/** Runs `f` against an emulator on `database`, stopping the emulator when `f` is done. */
const withEmulator = <A, E, R>(database: string, f: Effect.Effect<A, E, R | Emulator.Emulator>) =>
  Effect.scoped(
    Effect.flatMap(TestEmulator.start({ database }), (info) => Effect.provideService(f, Emulator.Emulator, info))
  )

it.scopedLive("records survive a restart on the same SQLite file", () =>
  Effect.gen(function*() {
    const dir = yield* tempDir
    const database = path.join(dir, "emulator.db")
    const key = crypto.randomUUID()

    const before = yield* withEmulator(
      database,
      Effect.gen(function*() {
        const crm = yield* connect()
        const lead = yield* crm.leads.create({
          name: "Persistent Lead",
          value: 42000,
          stage: "qualified",
          probability: 55
        })
        const follow = yield* crm.follows.create(lead.uniqueId, {
          title: "Persistent follow-up",
          dueDate: new Date("2099-01-01T00:00:00Z")
        })
        const opportunity = yield* crm.opportunities.create({ name: "Persistent Opportunity", closeDate: "2026-06-30" })
        const quote = yield* crm.quotes.create({ title: "Deleted Quote" })
        yield* crm.quotes.delete(quote.uniqueId)
        const keyed = yield* raw<WireDocument>("POST", "/leads/", {
          body: { lead: { name: "Keyed Lead" } },
          headers: { "Idempotency-Key": key }
        })
        const tenantB = yield* connect({ apiKey: TestEmulator.API_KEY_B })
        const leadB = yield* tenantB.leads.create({ name: "Tenant B Persistent" })
        return { url: crm.info.url, lead, follow, opportunity, quote, keyed, leadB }
      })
    )
    expect(fs.statSync(database).size).toBeGreaterThan(0)
    // The first emulator is gone.
    const afterStop = yield* Effect.promise(() =>
      fetch(`${before.url}/leads/`).then((response) => `answered ${response.status}`, () => "refused")
    )
    expect(afterStop).toBe("refused")

    yield* withEmulator(
      database,
      Effect.gen(function*() {
        const crm = yield* connect()
        expect(crm.info.database).toBe(database)
        expect(yield* crm.leads.get(before.lead.uniqueId)).toStrictEqual(before.lead)
        expect(yield* crm.follows.list(before.lead.uniqueId)).toStrictEqual([before.follow])
        expect(yield* crm.opportunities.get(before.opportunity.uniqueId)).toStrictEqual(before.opportunity)
        const leads = yield* crm.leads.list()
        expect(leads.data.map((lead) => lead.name)).toEqual(["Persistent Lead", "Keyed Lead"])
        expect(leads.meta.totalRecords).toBe(2)
        // The soft delete persisted too.
        expect((yield* crm.quotes.list()).data).toEqual([])
        expect((yield* crm.quotes.listDeleted()).data.map((quote) => quote.uniqueId)).toEqual([before.quote.uniqueId])
        // So did the idempotency key: the replay answers the first body and creates nothing.
        const replay = yield* raw<WireDocument>("POST", "/leads/", {
          body: { lead: { name: "Keyed Lead" } },
          headers: { "Idempotency-Key": key }
        })
        expect(replay.status).toBe(201)
        expect(replay.text).toBe(before.keyed.text)
        expect((yield* crm.leads.list()).meta.totalRecords).toBe(2)
        // And the tenants are still apart.
        const tenantB = yield* connect({ apiKey: TestEmulator.API_KEY_B })
        expect((yield* tenantB.leads.list()).data).toStrictEqual([before.leadB])
      })
    )
  }))

it.scopedLive("a :memory: database starts empty every time", () =>
  Effect.gen(function*() {
    const count = Effect.gen(function*() {
      const crm = yield* connect()
      const total = (yield* crm.leads.list()).meta.totalRecords
      yield* crm.leads.create({ name: "Ephemeral" })
      return total
    })
    expect(yield* withEmulator(":memory:", count)).toBe(0)
    expect(yield* withEmulator(":memory:", count)).toBe(0)
  }))
