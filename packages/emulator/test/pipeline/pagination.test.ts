/**
 * Pages and streams over a tenant with exactly 35 leads ("Lead 01" … "Lead 35", created in order).
 * Requests are counted on the client's fetch (one entry per request sent).
 */
import { Emulator } from "@blocks-crm/emulator"
import { expect, layer } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import * as TestEmulator from "../support/TestEmulator.js"
import { API_KEY_B, connect } from "../support/TestEmulator.js"

const names = Array.from({ length: 35 }, (_, i) => `Lead ${String(i + 1).padStart(2, "0")}`)

/** The emulator with tenant A's 35 leads in place before the first test. */
const Seeded = Layer.effectDiscard(
  Effect.gen(function*() {
    const crm = yield* connect()
    for (const name of names) yield* crm.leads.create({ name })
  })
).pipe(Layer.provideMerge(TestEmulator.layer()))

layer(Seeded, { excludeTestServices: true })("pagination on the emulator", (it) => {
  it.effect("records 10 gives 4 pages: meta carries the totals and the page asked for", () =>
    Effect.gen(function*() {
      const crm = yield* connect()
      const first = yield* crm.leads.list({ page: 1, records: 10 })
      expect(first.data.map((lead) => lead.name)).toEqual(names.slice(0, 10))
      expect(first.meta).toEqual({ totalPages: 4, totalRecords: 35, page: 1, records: 10 })
      const last = yield* crm.leads.list({ page: 4, records: 10 })
      expect(last.data.map((lead) => lead.name)).toEqual(names.slice(30))
      expect(last.meta).toEqual({ totalPages: 4, totalRecords: 35, page: 4, records: 10 })
      const beyond = yield* crm.leads.list({ page: 5, records: 10 })
      expect(beyond.data).toEqual([])
      expect(beyond.meta).toEqual({ totalPages: 4, totalRecords: 35, page: 5, records: 10 })
      expect(crm.sent.map((request) => request.query)).toEqual([
        { page: "1", records: "10" },
        { page: "4", records: "10" },
        { page: "5", records: "10" }
      ])
    }))

  it.effect("without parameters the page size is the reference's default of 15", () =>
    Effect.gen(function*() {
      const crm = yield* connect()
      const page = yield* crm.leads.list()
      expect(page.data).toHaveLength(15)
      expect(page.meta).toEqual({ totalPages: 3, totalRecords: 35, page: 1, records: 15 })
      expect(crm.sent[0]?.query).toEqual({})
    }))

  it.effect("Stream.runCollect over records 10 gets all 35 leads in order, in exactly 4 requests", () =>
    Effect.gen(function*() {
      const crm = yield* connect()
      const all = Chunk.toReadonlyArray(yield* Stream.runCollect(crm.leads.stream({ records: 10 })))
      expect(all.map((lead) => lead.name)).toEqual(names)
      expect(new Set(all.map((lead) => lead.uniqueId)).size).toBe(35)
      expect(all.every((lead) => lead.createdAt instanceof Date)).toBe(true)
      expect(
        crm.sent.map((request) =>
          `${request.method} ${request.path} page=${request.query["page"]} records=${request.query["records"]}`
        )
      ).toEqual([
        "GET /leads/ page=1 records=10",
        "GET /leads/ page=2 records=10",
        "GET /leads/ page=3 records=10",
        "GET /leads/ page=4 records=10"
      ])
    }))

  it.effect("Stream.take(5) over records 2 fetches only the 3 pages it needs", () =>
    Effect.gen(function*() {
      const crm = yield* connect()
      const five = Chunk.toReadonlyArray(
        yield* Stream.runCollect(crm.leads.stream({ records: 2 }).pipe(Stream.take(5)))
      )
      expect(five.map((lead) => lead.name)).toEqual(names.slice(0, 5))
      expect(crm.sent.map((request) => request.query)).toEqual([
        { page: "1", records: "2" },
        { page: "2", records: "2" },
        { page: "3", records: "2" }
      ])
    }))

  it.effect("a stream sends nothing until it is run, and Stream.take(1) then fetches one page", () =>
    Effect.gen(function*() {
      const crm = yield* connect()
      const stream = crm.leads.stream({ records: 5 })
      yield* Effect.sleep("20 millis")
      expect(crm.sent).toEqual([])
      const first = yield* Stream.runHead(stream)
      expect(first._tag === "Some" ? first.value.name : undefined).toBe("Lead 01")
      expect(crm.sent.map((request) => request.query)).toEqual([{ page: "1", records: "5" }])
    }))

  it.effect("search pages its matches: 'Lead 1' matches Lead 10 … Lead 19", () =>
    Effect.gen(function*() {
      const crm = yield* connect()
      const page2 = yield* crm.leads.search("lead 1", { page: 2, records: 4 })
      expect(page2.data.map((lead) => lead.name)).toEqual(["Lead 14", "Lead 15", "Lead 16", "Lead 17"])
      expect(page2.meta).toEqual({ totalPages: 3, totalRecords: 10, page: 2, records: 4 })
    }))

  it.effect("another tenant's listing is empty and streams nothing", () =>
    Effect.gen(function*() {
      const info = yield* Emulator.Emulator
      expect(info.seeds.apiKeys).toContain(API_KEY_B)
      const crm = yield* connect({ apiKey: API_KEY_B })
      const page = yield* crm.leads.list({ records: 10 })
      expect(page.data).toEqual([])
      expect(page.meta).toEqual({ totalPages: 0, totalRecords: 0, page: 1, records: 10 })
      expect(Chunk.size(yield* Stream.runCollect(crm.leads.stream({ records: 10 })))).toBe(0)
      expect(crm.sent).toHaveLength(2)
    }))
})
