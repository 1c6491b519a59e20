/**
 * The compiled decode path answers what Effect's parser answers, property-based: bodies built from
 * `Arbitrary` values of a resource's model (encoded to the wire), then broken by random edits. Each is
 * decoded three ways: the generated code, the closures that runtimes without `new Function` use, and
 * Effect's parser alone (`propertyOrder: "original"`, which the fast path declines). Same value, or
 * the same issues.
 */
import { Fields, JsonApi } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as FastCheck from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { isDeepStrictEqual } from "node:util"
import { compile, Fallback } from "../src/internal/fastDecode.js"
import { bothWays, decodePaths, outcome } from "./support/decodePaths.js"

const Status = Schema.Literal("open", "won", "lost")

/** A fresh set of schemas (new AST nodes, so each is compiled anew). */
const makeSchemas = () => {
  const Deal = Schema.Struct({
    uniqueId: Fields.renamed(Schema.String, "unique_id"),
    name: Schema.String,
    note: Fields.optional(Schema.String),
    ownerId: Fields.optionalRenamed(Schema.String, "owner_id"),
    amount: Fields.optional(Fields.Decimal),
    status: Fields.optional(Status),
    // A set a newer API may grow: any string is kept (edits put unknown strings and other types here).
    stage: Fields.optional(Fields.openEnum(Status)),
    kind: Fields.optionalRenamed(Fields.openEnum(Status), "deal_kind"),
    share: Fields.optional(Fields.Percentage),
    createdAt: Fields.renamed(Fields.Timestamp, "created_at"),
    closedAt: Fields.optionalRenamed(Fields.Timestamp, "closed_at"),
    tags: Schema.optional(Schema.Array(Schema.String)),
    flags: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Boolean }))
  })
  const resource = JsonApi.resource("deal", Deal, {
    id: (deal) => deal.uniqueId,
    relationships: (deal) => ({ owner: deal.ownerId === undefined ? null : { id: deal.ownerId, type: "user" } })
  })
  return { Deal, list: JsonApi.listDocument(resource), document: JsonApi.document(resource) }
}

// Parsers are built (and the fast path compiled) when made: closures first, then generated code.
const both = bothWays(makeSchemas, (s) => ({ list: decodePaths(s.list), document: decodePaths(s.document) }))
const generated = both.generated.schemas
const generatedParsers = both.generated.paths
const closureParsers = both.closures.paths

const encodeResource = Schema.encodeEither(JsonApi.resource("deal", generated.Deal, { id: (deal) => deal.uniqueId }))

const nullable = ["note", "owner_id", "amount", "status", "stage", "deal_kind", "share", "closed_at"]

/**
 * Valid wire resources: Arbitrary models, encoded (models the wire cannot carry, such as invalid
 * dates, are skipped), with some absent optional attributes sent as `null`, as the API does.
 */
const wireResource = FastCheck.tuple(Arbitrary.make(generated.Deal), FastCheck.subarray(nullable)).map(
  ([deal, nulls]) => {
    const encoded = encodeResource(deal)
    if (Either.isLeft(encoded)) return undefined
    const resource = encoded.right as { attributes: Record<string, unknown> }
    const attributes = { ...resource.attributes }
    for (const key of nulls) if (!(key in attributes)) attributes[key] = null
    return { ...resource, attributes } as unknown
  }
).filter((r) => r !== undefined)

const junk = FastCheck.constantFrom<unknown>(
  null,
  undefined,
  "",
  "x",
  0,
  -1,
  1.5,
  101,
  "50000.0",
  " 12 ",
  "1e3",
  "Infinity",
  "-Infinity",
  -0,
  100,
  100.5,
  Number.MAX_SAFE_INTEGER + 2,
  Infinity,
  Number.NaN,
  "NaN",
  true,
  [],
  {},
  "2026-02-30T10:00:00Z",
  "2026-01-10T10:30:00+02:00",
  "2026-01-10",
  { data: null },
  { data: { id: "u1", type: "user" } },
  [{ id: 1 }],
  // Objects JSON never makes: an inherited member, a null prototype, a class instance, and an own
  // member that is undefined. The compiled path must answer as the parser does (or decline).
  Object.create({ id: "u1", type: "user", data: null }),
  Object.assign(Object.create(null), { data: null }),
  new (class Wire {
    readonly data = null
  })(),
  { data: undefined }
)

/** One edit somewhere in the tree: a member replaced, removed, or added. */
type Edit = { readonly path: ReadonlyArray<number>; readonly op: "set" | "delete" | "add"; readonly value: unknown }
const edit: FastCheck.Arbitrary<Edit> = FastCheck.record({
  path: FastCheck.array(FastCheck.nat(), { minLength: 1, maxLength: 4 }),
  op: FastCheck.constantFrom("set", "delete", "add"),
  value: junk
})

const applyEdit = (body: unknown, e: Edit, depth = 0): unknown => {
  if (typeof body !== "object" || body === null) return e.op === "set" ? e.value : body
  const copy: any = Array.isArray(body) ? [...body] : { ...body }
  const keys = Object.keys(copy)
  if (keys.length === 0 || (e.op === "add" && depth === e.path.length - 1)) {
    copy[["extra", "unique_id", "type", "relationships", "0", "constructor", "toString"][e.path[depth]! % 7]!] = e.value
    return copy
  }
  const key = keys[e.path[depth]! % keys.length]!
  if (depth >= e.path.length - 1) {
    if (e.op === "delete") delete copy[key]
    else copy[key] = e.value
  } else {
    copy[key] = applyEdit(copy[key], e, depth + 1)
  }
  return copy
}

const body = FastCheck.tuple(
  FastCheck.array(wireResource, { maxLength: 4 }),
  FastCheck.constantFrom<unknown>({ totalPages: 3, totalRecords: 38 }, {
    total_pages: 1,
    total_count: 2,
    current_page: 1,
    per_page: 25
  }),
  FastCheck.array(edit, { maxLength: 3 })
).map(([data, meta, edits]) => edits.reduce<unknown>((b, e) => applyEdit(b, e), { data, meta }))

/** Every object's keys, in order, through the whole value: generated code and closures write alike. */
const keyOrder = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(keyOrder)
    : typeof value === "object" && value !== null && !(value instanceof Date)
    ? Object.entries(value).map(([key, v]) => [key, keyOrder(v)])
    : null

describe("compiled decoding, property-based", () => {
  it("generated code, closures and Effect's parser agree on valid and broken list bodies", () => {
    let accepted = 0
    let rejected = 0
    FastCheck.assert(
      FastCheck.property(body, (input) => {
        const expected = outcome(generatedParsers.list.reference(input))
        const generated = generatedParsers.list.fast(input)
        const closures = closureParsers.list.fast(input)
        expect(outcome(generated)).toStrictEqual(expected)
        expect(outcome(closures)).toStrictEqual(expected)
        expect(keyOrder(Either.getOrUndefined(generated))).toStrictEqual(keyOrder(Either.getOrUndefined(closures)))
        expect(outcome(closureParsers.list.reference(input))).toStrictEqual(expected)
        if (expected.ok) accepted++
        else rejected++
      }),
      { numRuns: 1500, seed: 42 }
    )
    // Both sides were exercised.
    expect(accepted).toBeGreaterThan(100)
    expect(rejected).toBeGreaterThan(100)
  })

  it("a single resource document agrees too, and broken bodies fail the same way", () => {
    FastCheck.assert(
      FastCheck.property(wireResource, FastCheck.array(edit, { maxLength: 2 }), (resource, edits) => {
        const input = edits.reduce<unknown>((b, e) => applyEdit(b, e), { data: resource })
        const expected = outcome(generatedParsers.document.reference(input))
        expect(outcome(generatedParsers.document.fast(input))).toStrictEqual(expected)
        expect(outcome(closureParsers.document.fast(input))).toStrictEqual(expected)
      }),
      { numRuns: 1000, seed: 7 }
    )
  })

  it("decodes the same model whether generated or closures", () => {
    const input = {
      data: [{
        id: "d1",
        type: "deal",
        attributes: {
          unique_id: "d1",
          name: "Deal",
          amount: "12.5",
          status: "won",
          created_at: "2026-01-10T10:30:00Z",
          note: null
        }
      }],
      meta: { totalPages: 1, totalRecords: 1 }
    }
    const a = generatedParsers.list.fast(input)
    const b = closureParsers.list.fast(input)
    expect(isDeepStrictEqual(a, b)).toBe(true)
    expect(Either.getOrThrow(a)).toStrictEqual({
      data: [{
        uniqueId: "d1",
        name: "Deal",
        amount: 12.5,
        status: "won",
        createdAt: new Date("2026-01-10T10:30:00Z")
      }],
      meta: { totalPages: 1, totalRecords: 1 }
    })
  })
})

describe("compiled decoding takes the wire's common shapes itself", () => {
  it("a valid list body is decoded by the compiled path, not handed to Effect's parser", () => {
    const decode = compile(generated.list.ast)
    const input = {
      data: [{
        id: "d1",
        type: "deal",
        attributes: {
          unique_id: "d1",
          name: "Deal",
          amount: "12.5",
          share: 40,
          status: "won",
          created_at: "2026-01-10T10:30:00Z",
          closed_at: null,
          flags: { hot: true }
        },
        relationships: { owner: { data: { id: "u1", type: "user" } }, team: { data: [] }, none: { data: null } }
      }, {
        id: "d2",
        type: "deal",
        attributes: { unique_id: "d2", name: "Other", amount: 7, created_at: "2026-01-11T00:00:00Z" }
      }],
      meta: { totalPages: 1, totalRecords: 2 }
    }
    const value = decode(input, {})
    expect(value).not.toBe(Fallback)
    expect(value).toStrictEqual(Either.getOrThrow(generatedParsers.list.reference(input)))
    // Broken the ways the compiled path checks in line: each is declined, and the parser rejects it.
    const broken = [
      { ...input.data[1], type: "lead" },
      { ...input.data[1], id: 2 },
      { ...input.data[1], relationships: { owner: { data: { id: 1, type: "user" } } } },
      { ...input.data[1], attributes: { ...input.data[1]!.attributes, status: "maybe" } },
      { ...input.data[1], attributes: { ...input.data[1]!.attributes, share: 40.5 } },
      { ...input.data[1], attributes: { ...input.data[1]!.attributes, amount: "twelve" } }
    ]
    for (const resource of broken) {
      const body = { ...input, data: [resource] }
      expect(decode(body, {})).toBe(Fallback)
      expect([resource, Either.isLeft(generatedParsers.list.reference(body))]).toStrictEqual([resource, true])
    }
    // Attributes JSON never makes (inherited members): declined, so the parser decides (it reads
    // inherited members, and accepts these).
    const inherited = Object.create({ unique_id: "d2", name: "Other", created_at: "2026-01-11T00:00:00Z" })
    const body = { ...input, data: [{ ...input.data[1], attributes: inherited }] }
    expect(decode(body, {})).toBe(Fallback)
    expect(outcome(generatedParsers.list.fast(body))).toStrictEqual(outcome(generatedParsers.list.reference(body)))
  })
})
