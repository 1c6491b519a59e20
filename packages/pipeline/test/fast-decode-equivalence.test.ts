/**
 * The compiled decode path of core-http (JsonApi documents) must answer exactly what Effect's parser
 * answers: the same value for every body it accepts, the same issues for every body it rejects. Every
 * success schema of the pipeline contract is decoded twice, on generated bodies and on mutations of
 * them: with default options (the fast path) and with `propertyOrder: "original"`, which the fast path
 * declines, so Effect's parser runs throughout. Key order aside, the answers must be identical.
 */
import { Fields, JsonApi } from "@blocks-crm/core-http"
import { PipelineApi } from "@blocks-crm/pipeline"
import * as HttpApi from "@effect/platform/HttpApi"
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { isDeepStrictEqual } from "node:util"

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
type Rng = () => number
const pick = <A>(rng: Rng, values: ReadonlyArray<A>): A => values[Math.floor(rng() * values.length)]!

const strings = ["lead-1", "Enterprise Deal", "", " ", "x", "website", "new", "active", "2026-06-30"]
const timestamps = [
  "2026-01-10T10:30:00Z",
  "2026-01-10T10:30:00.123Z",
  "2026-01-10T10:30:00+02:00",
  "2026-01-10T10:30Z"
]

/** A body that the encoded side of `ast` describes (valid as far as the generator knows). */
const example = (ast: AST.AST, rng: Rng, depth = 0): unknown => {
  if (ast === Fields.Timestamp.ast) return pick(rng, timestamps)
  if (ast === Fields.CalendarDate.ast) return pick(rng, ["2026-06-30", "2024-02-29"])
  if (ast === Fields.Percentage.ast) return Math.floor(rng() * 101)
  if (ast === JsonApi.Meta.ast) {
    return rng() < 0.5
      ? { totalPages: 3, totalRecords: 38 }
      : { total_pages: 4, total_count: 7, current_page: 2, per_page: 2 }
  }
  const surrogate = AST.getSurrogateAnnotation(ast)
  switch (ast._tag) {
    case "Declaration":
      return Option.isSome(surrogate) ? example(surrogate.value, rng, depth) : undefined
    case "Transformation":
      return example(ast.from, rng, depth)
    case "Refinement": {
      for (let i = 0; i < 20; i++) {
        const candidate = example(ast.from, rng, depth)
        if (Either.isRight(ParseResult.decodeUnknownEither(Schema.make(ast))(candidate))) return candidate
      }
      return example(ast.from, rng, depth)
    }
    case "TypeLiteral": {
      const out: Record<string, unknown> = {}
      for (const ps of ast.propertySignatures) {
        if (ps.isOptional && rng() < 0.3) continue
        out[ps.name as string] = example(ps.type, rng, depth + 1)
      }
      for (const is of ast.indexSignatures) {
        const count = depth > 3 ? 0 : Math.floor(rng() * 3)
        for (let i = 0; i < count; i++) {
          out[pick(rng, ["account", "contact", "owner"])] = example(is.type, rng, depth + 1)
        }
      }
      return out
    }
    case "TupleType": {
      const rest = ast.rest[0]
      const count = rest === undefined || depth > 3 ? 0 : Math.floor(rng() * 4)
      return Array.from({ length: count }, () => example(rest!.type, rng, depth + 1))
    }
    case "Union":
      return example(pick(rng, ast.types), rng, depth)
    case "Literal":
      return ast.literal
    case "StringKeyword":
      return pick(rng, strings)
    case "NumberKeyword":
      return pick(rng, [0, 1, 40, 50000, 1.5, -3])
    case "BooleanKeyword":
      return rng() < 0.5
    default:
      return null
  }
}

const junk: ReadonlyArray<unknown> = [
  null,
  "",
  "x",
  0,
  -1,
  1.5,
  101,
  1e21,
  true,
  [],
  {},
  "50000.0",
  "abc",
  "new",
  "lead",
  "2026-13-01T00:00:00Z",
  "2026-02-30T10:00:00Z",
  "2026-01-10",
  "2026-01-10T10:30:00",
  [{ id: "a", type: "b" }],
  { id: 1, type: "x" }
]

/** `body` with one member replaced, removed or added, somewhere in the tree. */
const mutate = (body: unknown, rng: Rng): unknown => {
  if (typeof body !== "object" || body === null) return rng() < 0.5 ? pick(rng, junk) : body
  const copy: any = Array.isArray(body) ? [...body] : { ...body }
  const keys = Object.keys(copy)
  if (keys.length === 0 || rng() < 0.15) {
    copy[pick(rng, ["extra", "unique_id", "type", "0"])] = pick(rng, junk)
    return copy
  }
  const key = pick(rng, keys)
  const roll = rng()
  if (roll < 0.2) delete copy[key]
  else if (roll < 0.45) copy[key] = pick(rng, junk)
  else copy[key] = mutate(copy[key], rng)
  return copy
}

const successSchemas = (): Array<{ readonly name: string; readonly schema: Schema.Schema<any, any> }> => {
  const out: Array<{ name: string; schema: Schema.Schema<any, any> }> = []
  HttpApi.reflect(PipelineApi, {
    onGroup() {},
    onEndpoint({ endpoint, group, successes }) {
      for (const [status, success] of successes) {
        if (Option.isSome(success.ast)) {
          out.push({ name: `${group.identifier}.${endpoint.name} ${status}`, schema: Schema.make(success.ast.value) })
        }
      }
    }
  })
  return out
}

const outcome = (result: Either.Either<unknown, ParseResult.ParseIssue>) =>
  Either.isRight(result)
    ? { ok: true as const, value: result.right }
    : { ok: false as const, issues: ParseResult.ArrayFormatter.formatIssueSync(result.left) }

describe("compiled decoding of JSON:API documents", () => {
  const schemas = successSchemas()

  it("covers every success body of the pipeline contract", () => {
    expect(schemas.length).toBeGreaterThanOrEqual(20)
  })

  for (const { name, schema } of schemas) {
    it(`${name}: same value or same issues as Effect's parser`, () => {
      const fast = ParseResult.decodeUnknownEither(schema)
      const reference = ParseResult.decodeUnknownEither(schema, { propertyOrder: "original" })
      const rng = prng(name.length * 7919 + name.charCodeAt(0))
      let accepted = 0
      let rejected = 0
      for (let i = 0; i < 400; i++) {
        const valid = example(schema.ast, rng)
        const body = i % 4 === 0 ? valid : mutate(mutate(valid, rng), rng)
        const a = outcome(fast(body))
        const b = outcome(reference(body))
        if (!isDeepStrictEqual(a, b)) {
          expect({ body, fast: a }).toStrictEqual({ body, fast: b })
        }
        if (a.ok) accepted++
        else rejected++
      }
      // Both sides of the fast path were exercised.
      expect(accepted).toBeGreaterThan(20)
      expect(rejected).toBeGreaterThan(20)
    })
  }

  it("decodes a resource's model with the same keys, in declaration order", () => {
    const [list] = schemas.filter((s) => s.name.startsWith("leads.list"))
    const body = {
      data: [{
        id: "l1",
        type: "lead",
        attributes: {
          status: "active",
          name: "Deal",
          unique_id: "l1",
          created_at: "2026-01-10T10:30:00Z",
          value: "50000.0",
          source: null
        },
        relationships: { account: { data: null } }
      }],
      meta: { totalPages: 1, totalRecords: 1 }
    }
    const page = Schema.decodeUnknownSync(list!.schema)(body) as { data: ReadonlyArray<object> }
    expect(Object.keys(page.data[0]!)).toEqual(["uniqueId", "name", "value", "status", "createdAt"])
    expect(page.data[0]).toEqual({
      uniqueId: "l1",
      name: "Deal",
      value: 50000,
      status: "active",
      createdAt: new Date("2026-01-10T10:30:00Z")
    })
  })
})
