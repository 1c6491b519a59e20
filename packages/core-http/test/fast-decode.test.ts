/**
 * The compiled decode path behind JsonApi documents answers what Effect's parser answers. This is a
 * shape where it once did not (an empty struct); the broad equivalence
 * check over every pipeline schema lives in packages/pipeline/test/fast-decode-equivalence.test.ts.
 */
import { Fields, JsonApi } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { customDecoders, customTests } from "../src/internal/decodeHints.js"
import { compile, Fallback } from "../src/internal/fastDecode.js"

/** Decodes with the fast path (default options) and with Effect's parser alone (`propertyOrder: "original"`). */
const both = <A, I>(schema: Schema.Schema<A, I>, body: unknown) => {
  const fast = ParseResult.decodeUnknownEither(schema)(body)
  const reference = ParseResult.decodeUnknownEither(schema, { propertyOrder: "original" })(body)
  return { fast, reference }
}

const documentOf = <A, I>(attributes: Schema.Schema<A, I>) =>
  JsonApi.document(JsonApi.resource("thing", attributes, { id: () => "t1" }))

describe("fast decode path", () => {
  it("an empty struct keeps its input as Effect's parser does", () => {
    const schema = documentOf(Schema.Struct({ settings: Schema.Struct({}) }))
    const body = { data: { id: "t1", type: "thing", attributes: { settings: { x: 1 } } } }
    const { fast, reference } = both(schema, body)
    expect(fast).toStrictEqual(reference)
    expect(fast._tag === "Right" && fast.right).toStrictEqual({ settings: { x: 1 } })
  })

  it("every combination of present optional fields comes out with its keys in declared order", () => {
    // 8 optional fields, 256 combinations: past the first 64, objects are made by one shared function.
    const keys = ["a", "b", "c", "d", "e", "f", "g", "h"] as const
    const attributesSchema = Schema.Struct(Object.fromEntries(keys.map((k) => [k, Schema.optional(Schema.Number)])))
    const schema = documentOf(attributesSchema)
    const compiled = compile(attributesSchema.ast)
    for (let mask = 0; mask < 256; mask++) {
      // Written to the wire in reverse: the model's order comes from the schema, not the input.
      const attributes = Object.fromEntries(keys.flatMap((k, i) => (mask & (1 << i)) !== 0 ? [[k, i]] : []).reverse())
      expect(compiled(attributes, {})).not.toBe(Fallback)
      const { fast, reference } = both(schema, { data: { id: "t1", type: "thing", attributes } })
      expect(fast).toStrictEqual(reference)
      const decoded = fast._tag === "Right" ? fast.right : undefined
      expect(Object.entries(decoded ?? {})).toStrictEqual(
        keys.flatMap((k, i) => (mask & (1 << i)) !== 0 ? [[k, i]] : [])
      )
    }
  })

  // A relationship's identifier is checked in line, reading `id` and `type` as the parser does: a
  // required member may be inherited; with `exact` it may not, and the compiled path stands aside.
  const linked = (data: unknown) => ({
    data: { id: "t1", type: "thing", attributes: { name: "x" }, relationships: { owner: { data } } }
  })
  const named = documentOf(Schema.Struct({ name: Schema.String }))

  it("a relationship identifier with inherited members is accepted as the parser accepts it", () => {
    const { fast, reference } = both(named, linked(Object.create({ id: "u1", type: "user" })))
    expect(fast).toStrictEqual(reference)
    expect(fast._tag).toBe("Right")
  })

  it("with exact, an inherited required member is missing, as the parser says", () => {
    const body = linked(Object.create({ id: "u1", type: "user" }))
    const fast = ParseResult.decodeUnknownEither(named, { exact: true })(body)
    const reference = ParseResult.decodeUnknownEither(named, { exact: true, propertyOrder: "original" })(body)
    expect(fast._tag).toBe("Left")
    expect(fast).toStrictEqual(reference)
  })
  it("Fields' codecs have their hand-written decoders once the compiler runs (an open set's is an inline test)", () => {
    const stage = Fields.openEnum(Schema.Literal("new", "won"))
    const schema = Schema.Struct({
      at: Fields.Timestamp,
      stage,
      value: Fields.optional(Fields.Decimal),
      probability: Fields.Percentage
    })
    const decode = compile(schema.ast)
    expect(decode({ at: "2026-01-10T10:30:00Z", stage: "lost", value: null, probability: 40 }, {})).toStrictEqual({
      at: new Date("2026-01-10T10:30:00Z"),
      stage: "lost",
      probability: 40
    })
    for (const codec of [Fields.Timestamp, Fields.Decimal, Fields.Percentage]) {
      expect(customDecoders.has(codec.ast)).toBe(true)
    }
    expect(customTests.get(stage.ast)?.("x")).toBe(`(typeof x === "string")`)
  })
})
