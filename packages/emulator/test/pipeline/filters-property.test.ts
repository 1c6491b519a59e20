/**
 * Property: for random opportunities and any filter and sort the listing declares, the emulator's
 * pages, fetched one after another and concatenated, are exactly the records filtered and sorted here,
 * in memory, as the contract says: equality on `status` and `accountId`, order by the sort field
 * (records without it first ascending, last descending, as SQLite orders NULL), ties in creation order.
 */
import { OpportunityStatus } from "@blocks-crm/pipeline"
import type { ListOpportunitiesParams, Opportunity } from "@blocks-crm/pipeline"
import { Emulator } from "@blocks-crm/emulator"
import { expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as FastCheck from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as TestEmulator from "../support/TestEmulator.js"
import { connect } from "../support/TestEmulator.js"

/** Few distinct values, so that filters match some records and sorts meet ties and absent values. */
const Draft = Schema.Struct({
  name: Schema.Literal("Beta", "alpha", "Alpha", "gamma"),
  value: Schema.optionalWith(Schema.Literal(0, 100, 250, 1000.5), { exact: true }),
  probability: Schema.optionalWith(Schema.Literal(10, 50, 90), { exact: true }),
  closeDate: Schema.optionalWith(Schema.Literal("2026-01-31", "2026-06-30", "2027-01-01"), { exact: true }),
  accountId: Schema.optionalWith(Schema.Literal("acct-1", "acct-2"), { exact: true }),
  status: OpportunityStatus
})
type Draft = typeof Draft.Type

const sortFields = ["name", "value", "probability", "closeDate", "createdAt", "updatedAt"] as const
const Query = Schema.Struct({
  status: Schema.optional(OpportunityStatus),
  accountId: Schema.optional(Schema.Literal("acct-1", "acct-2", "acct-none")),
  sort: Schema.optional(Schema.Literal(...sortFields, ...sortFields.map((field) => `-${field}` as const))),
  records: Schema.Int.pipe(Schema.between(1, 4))
})
type Query = typeof Query.Type

type Sortable = string | number | undefined

/** The value SQLite orders by: the stored (wire) attribute, absent as NULL; timestamps as their ISO text. */
const sortKey = (opportunity: Opportunity, field: typeof sortFields[number]): Sortable => {
  const value = opportunity[field]
  return value instanceof Date ? value.toISOString() : value
}

/** SQLite's order: NULL first, numbers by value, text by code unit (ASCII here). */
const compare = (a: Sortable, b: Sortable) => a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1

/** What the contract says the listing holds: filtered by equality, sorted stably (creation order breaks ties). */
const expected = (created: ReadonlyArray<Opportunity>, query: Query) => {
  const kept = created.filter((o) =>
    (query.status === undefined || o.status === query.status) &&
    (query.accountId === undefined || o.accountId === query.accountId)
  )
  if (query.sort === undefined) return kept
  const descending = query.sort.startsWith("-")
  const field = (descending ? query.sort.slice(1) : query.sort) as typeof sortFields[number]
  return kept
    .map((o, i) => ({ o, i }))
    .sort((x, y) => {
      const order = compare(sortKey(x.o, field), sortKey(y.o, field))
      return (descending ? -order : order) || x.i - y.i
    })
    .map(({ o }) => o)
}

layer(TestEmulator.layer(), { excludeTestServices: true })("filters and sort, property-based", (it) => {
  it.effect("the pages concatenated equal the records filtered and sorted in the test", () =>
    Effect.gen(function*() {
      const info = yield* Emulator.Emulator
      const crm = yield* connect()
      const check = (drafts: ReadonlyArray<Draft>, query: Query) =>
        Effect.gen(function*() {
          yield* info.reset
          for (const [i, { status, ...draft }] of drafts.entries()) {
            const opportunity = yield* crm.opportunities.create({ ...draft, name: `${draft.name} ${i % 3}` })
            // A create leaves the status to the API (active); the others are an update away.
            if (status !== "active") yield* crm.opportunities.update(opportunity.uniqueId, { status })
          }
          // The records as stored (after their updates), in creation order.
          const created = (yield* crm.opportunities.list({ records: 1000 })).data
          expect(created).toHaveLength(drafts.length)
          const { records, ...filters } = query
          const params: ListOpportunitiesParams = { ...filters, records }
          const listed: Array<Opportunity> = []
          for (let page = 1;; page++) {
            const result = yield* crm.opportunities.list({ ...params, page })
            listed.push(...result.data)
            if (page >= result.meta.totalPages) break
          }
          expect(listed.map((o) => o.uniqueId)).toEqual(expected(created, query).map((o) => o.uniqueId))
        })
      yield* Effect.promise(() =>
        FastCheck.assert(
          FastCheck.asyncProperty(
            FastCheck.array(Arbitrary.make(Draft), { maxLength: 8 }),
            Arbitrary.make(Query),
            (drafts, query) => Effect.runPromise(check(drafts, query))
          ),
          { numRuns: 20 }
        )
      )
    }), 30_000)
})
