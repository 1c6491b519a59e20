/**
 * A record's encoder compiled from its schema's AST, for the record store's writes: the value
 * `Schema.encodeSync(schema)` gives, built by plain closures (no `Either` per node, no copy of the
 * record per transformation), or `Fallback` where that encoding fails, and the store then runs
 * Effect's encoder, which reports the failure as it always did.
 *
 * Every node answers `Fallback` exactly when Effect's encoding of that node fails, and otherwise the
 * same value: a node this file does not model is encoded by Effect's parser for that node alone
 * (`ParseResult.encodeUnknownEither`), so the rest of the record keeps the fast path. Modelled: structs
 * (with renamed keys and the optional-or-null attributes of `Fields`), arrays, keywords, literals,
 * filters, unions of such, and three codecs of `Fields` by their schema (`Timestamp`, `Decimal`, an
 * `openEnum`).
 *
 * @internal
 */
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Either from "effect/Either"
import { identity } from "effect/Function"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"

/** "Effect's encoding fails here": the caller runs Effect's encoder for its error. */
export const Fallback: unique symbol = Symbol.for("@blocks-crm/emulator/RecordEncoder/Fallback")

/** An encoder of one node: the encoded value, or `Fallback`. */
export type Encoder = (value: unknown) => unknown

const hasOwn = Object.prototype.hasOwnProperty
const parseOptions: AST.ParseOptions = {}

/** Effect's own encoding of `ast`, as a node encoder: for what this file does not model. */
const byEffect = (ast: AST.AST): Encoder => {
  const encode = ParseResult.encodeUnknownEither(Schema.make(ast))
  return (value) => {
    const result = encode(value)
    return Either.isRight(result) ? result.right : Fallback
  }
}

/** `Fields.Timestamp` encodes a valid `Date` as its ISO text, without milliseconds when they are zero. */
const timestamp: Encoder = (value) => {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return Fallback
  const text = value.toISOString()
  return text.endsWith(".000Z") ? `${text.slice(0, -5)}Z` : text
}

/** `Fields.Decimal` encodes a finite number as itself (its union's first member). */
const decimal: Encoder = (value) => (typeof value === "number" && Number.isFinite(value) ? value : Fallback)

/** An `openEnum` encodes only the values it knows, each as itself. */
const knownValues = (ast: AST.Transformation): ReadonlyArray<string> | undefined => {
  const known = ast.annotations[Fields.KnownValues]
  return Array.isArray(known) && AST.isStringKeyword(ast.from) && AST.isStringKeyword(ast.to) &&
      ast.transformation._tag === "FinalTransformation"
    ? known
    : undefined
}

const encoders = new WeakMap<AST.AST, Encoder>()

/** The encoder of `ast`, compiled once per node. */
export const compile = (ast: AST.AST): Encoder => {
  let encoder = encoders.get(ast)
  if (encoder === undefined) {
    encoder = make(ast)
    encoders.set(ast, encoder)
  }
  return encoder
}

/** `Schema.DateFromSelf` and `Schema.ValidDateFromSelf` (a `Timestamp`'s type side) take a `Date`, the latter a valid one. */
const date: Encoder = (value) => (value instanceof Date ? value : Fallback)
const validDate: Encoder = (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value : Fallback)

const make = (ast: AST.AST): Encoder => {
  if (ast === Fields.Timestamp.ast) return timestamp
  if (ast === Fields.Decimal.ast) return decimal
  if (ast === Schema.ValidDateFromSelf.ast) return validDate
  if (ast === Schema.DateFromSelf.ast) return date
  switch (ast._tag) {
    case "StringKeyword":
      return (value) => (typeof value === "string" ? value : Fallback)
    case "NumberKeyword":
      return (value) => (typeof value === "number" ? value : Fallback)
    case "BooleanKeyword":
      return (value) => (typeof value === "boolean" ? value : Fallback)
    case "UndefinedKeyword":
      return (value) => (value === undefined ? value : Fallback)
    case "UnknownKeyword":
    case "AnyKeyword":
      return identity
    case "Literal": {
      const literal = ast.literal
      return (value) => (value === literal ? value : Fallback)
    }
    case "Refinement": {
      // Encoded as the refined schema (which checks the value's type first), then the filter holds of it.
      const from = compile(ast.from)
      return (value) => {
        const encoded = from(value)
        return encoded !== Fallback && Option.isNone(ast.filter(value, parseOptions, ast)) ? encoded : Fallback
      }
    }
    case "Union":
      return union(ast)
    case "TupleType":
      return array(ast)
    case "TypeLiteral":
      return struct(ast, ast, new Map()) ?? byEffect(ast)
    case "Transformation": {
      const known = knownValues(ast)
      if (known !== undefined) return (value) => (typeof value === "string" && known.includes(value) ? value : Fallback)
      return renamedStruct(ast) ?? byEffect(ast)
    }
    default:
      return byEffect(ast)
  }
}

/**
 * A node whose encoding never looks inside an object's keys: Effect's union tries such members in
 * their order (a member with literal keys would be picked by those keys first).
 */
const isPlain = (ast: AST.AST): boolean => {
  if (ast === Fields.Timestamp.ast || ast === Fields.Decimal.ast) return true
  switch (ast._tag) {
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "UndefinedKeyword":
    case "Literal":
      return true
    case "Refinement":
      return isPlain(ast.from)
    case "Transformation":
      return knownValues(ast) !== undefined
    default:
      return false
  }
}

/** A union of plain members: the first member that encodes the value, as Effect tries them. */
const union = (ast: AST.Union): Encoder => {
  if (!ast.types.every(isPlain)) return byEffect(ast)
  const members = ast.types.map(compile)
  return (value) => {
    for (const member of members) {
      const encoded = member(value)
      if (encoded !== Fallback) return encoded
    }
    return Fallback
  }
}

/** An array of one element schema (`Schema.Array`): each element encoded, in a new array. */
const array = (ast: AST.TupleType): Encoder => {
  if (ast.elements.length > 0 || ast.rest.length !== 1) return byEffect(ast)
  const element = compile(ast.rest[0]!.type)
  return (value) => {
    if (!Array.isArray(value)) return Fallback
    const out = new Array(value.length)
    for (let i = 0; i < value.length; i++) {
      const encoded = element(value[i])
      if (encoded === Fallback) return Fallback
      out[i] = encoded
    }
    return out
  }
}

interface Field {
  /** The key read from the record (the type side's name). */
  readonly key: PropertyKey
  /** Whether the type side leaves it out when absent (an absent required key is read as `undefined`). */
  readonly optional: boolean
  /** The key written (the wire's name) and whether the wire side may leave it out. */
  readonly wireKey: PropertyKey
  readonly wireOptional: boolean
  /** The type side's check, where its schema is not the wire side's (`Fields.optional` takes `null` only on the wire). */
  readonly check: Encoder | undefined
  readonly encode: Encoder
}

/**
 * The encoder of a struct: `wire` is the encoded side's TypeLiteral (its order is the output's),
 * `type` the type side's, and `renames` the type-side key of each renamed wire key. `undefined` when
 * the two sides do not pair up key for key.
 */
const struct = (
  wire: AST.TypeLiteral,
  type: AST.TypeLiteral,
  renames: ReadonlyMap<PropertyKey, PropertyKey>
): Encoder | undefined => {
  if (wire.indexSignatures.length > 0 || type.indexSignatures.length > 0 || wire.propertySignatures.length === 0) {
    return undefined
  }
  const typeSide = new Map(type.propertySignatures.map((signature) => [signature.name, signature]))
  const fields: Array<Field> = []
  for (const signature of wire.propertySignatures) {
    const key = renames.get(signature.name) ?? signature.name
    const typed = typeSide.get(key)
    if (typed === undefined) return undefined
    typeSide.delete(key)
    fields.push({
      key,
      optional: typed.isOptional,
      wireKey: signature.name,
      wireOptional: signature.isOptional,
      check: typed.type === signature.type ? undefined : compile(typed.type),
      encode: compile(signature.type)
    })
  }
  // A type-side key with no wire key is dropped by Effect only if absent, which this does not model.
  if (typeSide.size > 0) return undefined
  return (record) => {
    if (typeof record !== "object" || record === null || Array.isArray(record)) return Fallback
    const out: Record<PropertyKey, unknown> = {}
    for (const field of fields) {
      // Effect encodes the type side first (an absent optional key stays absent, an absent required
      // one is read as `undefined`), renames, then encodes the wire side, where the same holds.
      const value = (record as Record<PropertyKey, unknown>)[field.key]
      if (field.optional && !hasOwn.call(record, field.key)) {
        if (field.wireOptional) continue
      } else if (field.check !== undefined && field.check(value) === Fallback) {
        return Fallback
      }
      const encoded = field.encode(value)
      if (encoded === Fallback) return Fallback
      out[field.wireKey] = encoded
    }
    return out
  }
}

/**
 * `Schema.Struct` with renamed or optional-or-null attributes: a transformation between two
 * TypeLiterals whose property-signature transformations only rename (`fromKey`) or pass the value
 * through (`Fields.optional`), as their `identity` encodings say.
 */
const renamedStruct = (ast: AST.Transformation): Encoder | undefined => {
  if (
    !AST.isTypeLiteral(ast.from) || !AST.isTypeLiteral(ast.to) ||
    ast.transformation._tag !== "TypeLiteralTransformation"
  ) return undefined
  const renames = new Map<PropertyKey, PropertyKey>()
  for (const transformation of ast.transformation.propertySignatureTransformations) {
    if (transformation.encode !== identity) return undefined
    renames.set(transformation.from, transformation.to)
  }
  return struct(ast.from, ast.to, renames)
}
