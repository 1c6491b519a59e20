/**
 * What the live API sends beside the reference (per the official SDK): list `meta` also carries
 * `total_pages`, `total_count`, `current_page` and `per_page`, and `GET /health` answers. The emulator
 * sends both, and the client decodes lists carrying both, from the emulator and from the reference's
 * own fixtures with the extra keys added.
 */
import { LeadList, OpportunityList } from "@blocks-crm/pipeline"
import { expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"
import * as TestEmulator from "./support/TestEmulator.js"
import type { WireList } from "./support/TestEmulator.js"
import { connect, raw } from "./support/TestEmulator.js"

const pipelineFixture = (name: string): { data: unknown; meta: Record<string, number> } =>
  JSON.parse(fs.readFileSync(new URL(`../../../packages/pipeline/test/fixtures/${name}.json`, import.meta.url), "utf8"))

layer(TestEmulator.layer(), { excludeTestServices: true })("what the live API sends", (it) => {
  it.effect("list meta carries both spellings with the same numbers, and the client decodes it", () =>
    Effect.gen(function*() {
      const crm = yield* connect()
      for (let i = 1; i <= 5; i++) yield* crm.leads.create({ name: `Meta lead ${i}` })
      const page = yield* raw<WireList>("GET", "/leads/?page=2&records=2")
      expect(page.status).toBe(200)
      expect(page.json.meta).toEqual({
        totalPages: 3,
        totalRecords: 5,
        total_pages: 3,
        total_count: 5,
        current_page: 2,
        per_page: 2
      })
      const decoded = yield* crm.leads.list({ page: 2, records: 2 })
      expect(decoded.meta).toEqual({ totalPages: 3, totalRecords: 5, page: 2, records: 2 })
      expect(decoded.data.map((lead) => lead.name)).toEqual(["Meta lead 3", "Meta lead 4"])
      // The wire body decodes through the contract's own schema as well.
      const viaSchema = Schema.decodeUnknownSync(LeadList)(page.json)
      expect(viaSchema.meta).toEqual(decoded.meta)
    }))

  it.effect("the reference's list fixtures with the live API's meta keys added decode to the same result", () =>
    Effect.sync(() => {
      for (const [name, schema] of [["leads-list", LeadList], ["opportunities-list", OpportunityList]] as const) {
        const fixture = pipelineFixture(name)
        const plain = Schema.decodeUnknownSync(schema as Schema.Schema<any, any>)(fixture)
        const totalPages = fixture.meta["totalPages"]!
        const totalRecords = fixture.meta["totalRecords"]!
        const both = Schema.decodeUnknownSync(schema as Schema.Schema<any, any>)({
          ...fixture,
          meta: { ...fixture.meta, total_pages: totalPages, total_count: totalRecords, current_page: 1, per_page: 15 }
        })
        expect(both.data, name).toStrictEqual(plain.data)
        expect(both.meta, name).toEqual({ totalPages, totalRecords, page: 1, records: 15 })
        // The live API's spelling alone decodes to the same totals.
        const snakeOnly = Schema.decodeUnknownSync(schema as Schema.Schema<any, any>)({
          ...fixture,
          meta: { total_pages: totalPages, total_count: totalRecords, current_page: 1, per_page: 15 }
        })
        expect(snakeOnly.meta, name).toEqual(both.meta)
      }
    }))

  it.effect("GET /health answers 200 without credentials", () =>
    Effect.gen(function*() {
      const health = yield* raw("GET", "/health", { apiKey: null, token: null })
      expect(health.status).toBe(200)
      expect(health.headers.get("content-type")).toContain("application/json")
      expect(health.json).toEqual({ status: "ok" })
    }))
})
