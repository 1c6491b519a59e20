/**
 * `Fields.openEnum`: a response's set of values reads any string, kept exactly as sent, and fails on
 * anything else naming the path; it writes only the known values. One property covers the three
 * decoders a list body can go through (the generated code, the closures runtimes without
 * `new Function` use, Effect's parser alone) over known values, unknown strings and wrong types.
 */
import { Fields, JsonApi } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as FastCheck from "effect/FastCheck"
import * as JSONSchema from "effect/JSONSchema"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { Fallback } from "../src/internal/fastDecode.js"
import { bothWays, decodePaths, outcome } from "./support/decodePaths.js"

const Stage = Schema.Literal("new", "contacted", "won")
const Kind = Schema.Literal("call", "email").annotations({ identifier: "Kind", description: "call or email" })

/** A fresh set of schemas (new AST nodes, so each is compiled anew). */
const makeSchemas = () => {
  const Deal = Schema.Struct({
    uniqueId: Fields.renamed(Schema.String, "unique_id"),
    // Required, under its own name and renamed; optional (null dropped), under its own name and renamed.
    status: Fields.openEnum(Stage),
    dealKind: Fields.renamed(Fields.openEnum(Kind), "deal_kind"),
    stage: Fields.optional(Fields.openEnum(Stage)),
    nextStage: Fields.optionalRenamed(Fields.openEnum(Stage), "next_stage")
  })
  const resource = JsonApi.resource("deal", Deal, { id: (deal) => deal.uniqueId })
  return { Deal, list: JsonApi.listDocument(resource) }
}

const both = bothWays(makeSchemas, (s) => decodePaths(s.list))
const generated = both.generated.schemas
const generatedParsers = both.generated.paths
const closureParsers = both.closures.paths

const wireKeys = ["status", "deal_kind", "stage", "next_stage"] as const
const requiredKeys = new Set(["status", "deal_kind"])

const known = FastCheck.constantFrom<unknown>("new", "contacted", "won", "call", "email")
const unknownString = FastCheck.oneof(
  FastCheck.string(),
  // Strings a newer API could send: near misses of the known ones, and keys JavaScript objects have.
  FastCheck.constantFrom("nurturing", "New", "won ", "", "__proto__", "constructor", "toString", "closed_won")
)
const wrongType = FastCheck.oneof(
  FastCheck.integer(),
  FastCheck.double(),
  FastCheck.boolean(),
  FastCheck.constantFrom<unknown>(null, [], {}, ["new"], { stage: "new" }),
  FastCheck.array(FastCheck.string(), { maxLength: 2 })
)
// Mostly strings, so that whole bodies are often valid: a wrong type anywhere refuses the list.
const value = FastCheck.oneof(
  { arbitrary: known, weight: 4 },
  { arbitrary: unknownString, weight: 4 },
  { arbitrary: wrongType, weight: 1 }
)

/** One resource, each of the four attributes given a value from `value` or left out. */
const resource = FastCheck.tuple(
  FastCheck.string(),
  FastCheck.record(
    Object.fromEntries(wireKeys.map((key) => [key, value])) as Record<(typeof wireKeys)[number], typeof value>,
    { requiredKeys: [] }
  )
).map(([id, attributes]) => ({ id, type: "deal", attributes: { unique_id: id, ...attributes } }))

const body = FastCheck.array(resource, { minLength: 1, maxLength: 4 }).map((data) => ({
  data,
  meta: { total_pages: 1, total_count: data.length }
}))

/** What the wire's attributes must decode to: every string as sent, null and absent left out. */
const expectedModel = (attributes: Record<string, unknown>) => {
  const model: Record<string, unknown> = { uniqueId: attributes["unique_id"] }
  const names = { status: "status", deal_kind: "dealKind", stage: "stage", next_stage: "nextStage" } as const
  for (const key of wireKeys) {
    if (attributes[key] !== undefined && attributes[key] !== null) model[names[key]] = attributes[key]
  }
  return model
}

/** Whether the model takes an attribute's value: a string, or null or absent where it is optional. */
const takes = (attributes: Record<string, unknown>, key: string) => {
  const v = attributes[key]
  return typeof v === "string" || (!requiredKeys.has(key) && (v === undefined || v === null))
}
const acceptable = (attributes: Record<string, unknown>) => wireKeys.every((key) => takes(attributes, key))
const knownValues = new Set<unknown>(["new", "contacted", "won", "call", "email"])

describe("Fields.openEnum decodes alike on every path", () => {
  it("known values and unknown strings are kept as sent; any other type fails, naming its path", () => {
    let unknownKept = 0
    let refused = 0
    FastCheck.assert(
      FastCheck.property(body, (input) => {
        const expected = outcome(generatedParsers.reference(input))
        expect(outcome(generatedParsers.fast(input))).toStrictEqual(expected)
        expect(outcome(closureParsers.fast(input))).toStrictEqual(expected)
        expect(outcome(closureParsers.reference(input))).toStrictEqual(expected)
        const attributes = input.data.map((r) => r.attributes as Record<string, unknown>)
        if (attributes.every(acceptable)) {
          // Accepted, by the compiled paths themselves (not handed to the parser), values untouched.
          expect(expected).toStrictEqual({
            ok: true,
            value: { data: attributes.map(expectedModel), meta: expect.anything() }
          })
          expect(generatedParsers.compiled(input)).not.toBe(Fallback)
          expect(closureParsers.compiled(input)).not.toBe(Fallback)
          if (attributes.some((a) => wireKeys.some((k) => typeof a[k] === "string" && !knownValues.has(a[k])))) {
            unknownKept++
          }
        } else {
          // The first attribute the model cannot take is named (members are read in declared order).
          const index = attributes.findIndex((a) => !acceptable(a))
          const key = wireKeys.find((k) => !takes(attributes[index]!, k))
          expect(expected.ok).toBe(false)
          if (!expected.ok) expect(expected.issues[0]?.path).toStrictEqual(["data", index, "attributes", key])
          refused++
        }
      }),
      { numRuns: 2000, seed: 26 }
    )
    // Every kind of input was exercised.
    expect(unknownKept).toBeGreaterThan(200)
    expect(refused).toBeGreaterThan(200)
  })

  it("a string value is the very string the server sent, not a copy of a known value", () => {
    const decode = Schema.decodeUnknownSync(generated.list)
    const page = decode({
      data: [{ id: "d1", type: "deal", attributes: { unique_id: "d1", status: "nurturing", deal_kind: "sms" } }],
      meta: { totalPages: 1, totalRecords: 1 }
    })
    expect(page.data[0]).toStrictEqual({ uniqueId: "d1", status: "nurturing", dealKind: "sms" })
  })
})

describe("Fields.openEnum writes and describes only the known values", () => {
  const open = Fields.openEnum(Stage)

  it("encoding takes a known value and refuses an unknown one, so a server built on it stays strict", () => {
    expect(Schema.encodeSync(open)("won")).toBe("won")
    const refused = Schema.encodeEither(open)("nurturing")
    expect(Either.isLeft(refused) && ParseResult.ArrayFormatter.formatErrorSync(refused.left)[0]?.message).toBe(
      "Expected \"new\" | \"contacted\" | \"won\", actual \"nurturing\""
    )
    const model = Schema.encodeEither(generated.Deal)({ uniqueId: "d1", status: "new", dealKind: "fax" })
    expect(Either.isLeft(model) && ParseResult.ArrayFormatter.formatErrorSync(model.left)[0]?.path).toStrictEqual([
      "deal_kind"
    ])
  })

  it("JSON Schema (and so OpenAPI) lists the known values; the identifier and description carry over", () => {
    expect(JSONSchema.make(open)).toStrictEqual({
      $schema: "http://json-schema.org/draft-07/schema#",
      type: "string",
      enum: ["new", "contacted", "won"]
    })
    expect(JSONSchema.make(Schema.Struct({ kind: Fields.openEnum(Kind) }))).toMatchObject({
      $defs: { Kind: { type: "string", enum: ["call", "email"], description: "call or email" } },
      properties: { kind: { $ref: "#/$defs/Kind" } }
    })
  })

  it("Arbitrary generates known values only, which encode", () => {
    const models = FastCheck.sample(Arbitrary.make(generated.Deal), { numRuns: 200, seed: 1 })
    for (const model of models) {
      expect(["new", "contacted", "won"]).toContain(model.status)
      expect(["call", "email"]).toContain(model.dealKind)
      expect(Either.isRight(Schema.encodeEither(generated.Deal)(model))).toBe(true)
    }
  })

  it("the type keeps the known values for narrowing and takes any string", () => {
    const decoded: Fields.Open<typeof Stage.Type> = Schema.decodeUnknownSync(open)("nurturing")
    const label = (stage: Fields.Open<typeof Stage.Type>): string => {
      switch (stage) {
        case "new":
        case "contacted":
          return "open"
        case "won":
          return "closed"
        default:
          return `other (${stage})`
      }
    }
    expect([label(decoded), label("won")]).toStrictEqual(["other (nurturing)", "closed"])
  })
})
