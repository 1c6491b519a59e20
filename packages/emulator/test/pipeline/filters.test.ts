/**
 * Lists that filter and sort (issue 31): the pipeline's `status`, `sort` and per-resource filters, from
 * the client through the emulator and back. Each listing is checked against what the records say,
 * across pages and in streams (which keep the filter and sort on every page); a sort field or status
 * the contract does not know is `InvalidInput` before sending, and a 422 in the reference's format from
 * the emulator when sent anyway.
 */
import type { Opportunity } from "@blocks-crm/pipeline"
import { describe, expect, layer } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import * as TestEmulator from "../support/TestEmulator.js"
import { API_KEY_B, connect, expectTag, raw } from "../support/TestEmulator.js"
import type { WireErrors } from "../support/TestEmulator.js"

/** Twelve opportunities of tenant A: values 1000…12000 in a shuffled order, every third one won. */
const values = [7, 3, 11, 1, 9, 5, 12, 2, 8, 4, 10, 6].map((n) => n * 1000)
const Seeded = Layer.effectDiscard(
  Effect.gen(function*() {
    const crm = yield* connect()
    for (const [i, value] of values.entries()) {
      const opportunity = yield* crm.opportunities.create({
        name: `Deal ${String(i + 1).padStart(2, "0")}`,
        value,
        ...(i % 2 === 0 ? { accountId: "acct-even" } : { accountId: "acct-odd" })
      })
      if (i % 3 === 2) yield* crm.opportunities.update(opportunity.uniqueId, { status: "won" })
    }
    for (const [i, source] of ["website", "referral", "website", "event", "website"].entries()) {
      const lead = yield* crm.leads.create({ name: `Lead ${i + 1}`, source, value: (i + 1) * 100 })
      if (i === 1) yield* crm.leads.update(lead.uniqueId, { status: "lost" })
    }
    // Tenant B's opportunity must never show in tenant A's filtered listings.
    const other = yield* connect({ apiKey: API_KEY_B })
    yield* other.opportunities.create({ name: "Other tenant", value: 99_000, accountId: "acct-even" })
  })
).pipe(Layer.provideMerge(TestEmulator.layer()))

const valuesOf = (items: ReadonlyArray<Opportunity>) => items.map((item) => item.value)

layer(Seeded, { excludeTestServices: true })("filters and sort on the emulator", (it) => {
  it.effect("sort=-value lists the open opportunities largest first, page after page", () =>
    Effect.gen(function*() {
      const crm = yield* connect()
      const open = values.filter((_, i) => i % 3 !== 2).sort((a, b) => b - a)
      const first = yield* crm.opportunities.list({ status: "active", sort: "-value", records: 5 })
      const second = yield* crm.opportunities.list({ status: "active", sort: "-value", records: 5, page: 2 })
      expect([...valuesOf(first.data), ...valuesOf(second.data)]).toEqual(open.slice(0, 8))
      expect(first.meta.totalRecords).toBe(8)
      expect(first.data.every((opportunity) => opportunity.status === "active")).toBe(true)
      expect(crm.sent[0]?.query).toEqual({ status: "active", sort: "-value", records: "5" })
    }))

  it.effect("sort by a renamed field goes out under its wire name; ascending is the default", () =>
    Effect.gen(function*() {
      const crm = yield* connect()
      const byName = yield* crm.opportunities.list({ sort: "name", records: 3 })
      expect(byName.data.map((o) => o.name)).toEqual(["Deal 01", "Deal 02", "Deal 03"])
      const newest = yield* crm.opportunities.list({ sort: "-createdAt", records: 1 })
      expect(newest.data[0]?.name).toBe("Deal 12")
      expect(crm.sent[1]?.query).toEqual({ sort: "-created_at", records: "1" })
    }))

  it.effect("a filter on the account (account_id on the wire) keeps to the tenant's own records", () =>
    Effect.gen(function*() {
      const crm = yield* connect()
      const even = yield* crm.opportunities.list({ accountId: "acct-even", sort: "value", records: 100 })
      expect(valuesOf(even.data)).toEqual(values.filter((_, i) => i % 2 === 0).sort((a, b) => a - b))
      expect(crm.sent[0]?.query).toEqual({ account_id: "acct-even", sort: "value", records: "100" })
    }))

  it.effect("a stream keeps the filter and the sort on every page", () =>
    Effect.gen(function*() {
      const crm = yield* connect()
      const won = Chunk.toReadonlyArray(
        yield* Stream.runCollect(crm.opportunities.stream({ status: "won", sort: "value", records: 2 }))
      )
      expect(valuesOf(won)).toEqual(values.filter((_, i) => i % 3 === 2).sort((a, b) => a - b))
      expect(crm.sent.map((request) => request.query)).toEqual([
        { status: "won", sort: "value", page: "1", records: "2" },
        { status: "won", sort: "value", page: "2", records: "2" }
      ])
    }))

  it.effect("leads filter by status and source; search takes the filters too", () =>
    Effect.gen(function*() {
      const crm = yield* connect()
      const website = yield* crm.leads.list({ source: "website", sort: "-value" })
      expect(website.data.map((lead) => lead.name)).toEqual(["Lead 5", "Lead 3", "Lead 1"])
      const lost = yield* crm.leads.list({ status: "lost" })
      expect(lost.data.map((lead) => lead.name)).toEqual(["Lead 2"])
      const found = yield* crm.leads.search("lead", { source: "event" })
      expect(found.data.map((lead) => lead.name)).toEqual(["Lead 4"])
    }))

  it.effect("an unknown sort field or status is InvalidInput naming it, and nothing is sent", () =>
    Effect.gen(function*() {
      const crm = yield* connect()
      const sort = expectTag(
        yield* Effect.flip(crm.opportunities.list({ sort: "-budget" as "-value" })),
        "InvalidInput"
      )
      expect(sort.operation).toBe("opportunities.list")
      expect(sort.issues.map((issue) => issue.path)).toEqual(["sort"])
      const status = expectTag(yield* Effect.flip(crm.leads.list({ status: "converted!" as "lost" })), "InvalidInput")
      expect(status.issues.map((issue) => issue.path)).toEqual(["status"])
      const streamed = expectTag(
        yield* Effect.flip(Stream.runCollect(crm.opportunities.stream({ sort: "stage" as "value" }))),
        "InvalidInput"
      )
      expect(streamed.operation).toBe("opportunities.stream")
      const unknown = expectTag(
        yield* Effect.flip(crm.leads.list({ owner: "me" } as {})),
        "InvalidInput"
      )
      expect(unknown.message).toBe(
        "Invalid input for leads.list: owner: unknown key (known: page, records, status, sort, source)"
      )
      expect(crm.sent).toHaveLength(0)
    }))

  describe("sent anyway, the emulator answers 422 in the reference's format", () => {
    it.effect("an unknown sort field", () =>
      Effect.gen(function*() {
        const response = yield* raw<WireErrors>("GET", "/opportunities/?sort=-budget")
        expect(response.status, response.text).toBe(422)
        expect(response.json.errors).toHaveLength(1)
        expect(response.json.errors[0]).toMatchObject({
          status: "422",
          code: "invalid",
          source: { parameter: "sort" }
        })
      }))

    it.effect("an unknown status", () =>
      Effect.gen(function*() {
        const response = yield* raw<WireErrors>("GET", "/leads/?status=closed")
        expect(response.status, response.text).toBe(422)
        expect(response.json.errors[0]).toMatchObject({ status: "422", source: { parameter: "status" } })
      }))
  })
})
