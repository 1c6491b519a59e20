/**
 * A decoder compiled from a schema's AST for the common case, a valid body. It walks the AST once,
 * ahead of time, into plain closures (no `Either` per node, no intermediate objects, no `delete`), and
 * answers either the decoded value or `Fallback`. On `Fallback` the caller runs Effect's own parser, so
 * every failure (and anything the fast path does not handle) is decoded and reported exactly as before.
 *
 * The fast path must never accept what Effect's parser rejects, nor produce a different value: each
 * node mirrors `ParseResult`'s decoding of that node (default parse options), and every node it does not
 * model is delegated, whole, to Effect's parser for that node.
 *
 * @internal
 */
import type * as Either from "effect/Either"
import { identity } from "effect/Function"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { customDecoders, customTests, factories, Fallback, isDefaultShape } from "./decodeHints.js"
import { dropNull } from "./exactOptional.js"
import { registerFieldDecoders } from "./fieldDecoders.js"
import type { FastDecoder } from "./decodeHints.js"

export { Fallback, type FastDecoder, isDefaultShape } from "./decodeHints.js"

type Kind = "string" | "number" | "boolean" | "bigint" | "symbol" | "undefined" | "null" | "object" | "array"

const hasOwn = Object.prototype.hasOwnProperty

// ---------------------------------------------------------------------------------------------
// Generated struct code
// ---------------------------------------------------------------------------------------------

/**
 * Whether this runtime compiles generated code (a Content Security Policy can forbid it), asked the
 * first time a struct is compiled rather than at import: importing the SDK evaluates no code, so a
 * page whose policy forbids it reports no violation until a decoder is built.
 */
let runtimeGenerates: boolean | undefined
const runtimeCanGenerate = (): boolean => {
  if (runtimeGenerates === undefined) {
    try {
      runtimeGenerates = new Function("return true")() === true
    } catch {
      runtimeGenerates = false
    }
  }
  return runtimeGenerates
}

let generationWanted = true

/**
 * Turns code generation off (or back on, where the runtime allows it) for what is compiled next:
 * tests use it to check the closures that runtimes without `new Function` decode with.
 *
 * @internal
 */
export const setCodeGeneration = (enabled: boolean): void => {
  generationWanted = enabled
}

/**
 * A struct's reader as one generated function: with every key a literal, each property access gets
 * its own inline cache (one shape, one lookup), where a loop over keys shares one that sees them all.
 * Only keys enter the source, as JSON string literals; decoders and checks are passed in as values.
 * `undefined` when code cannot be generated: the caller keeps its closures.
 */
const generate = <F>(values: Record<string, unknown>, body: string): F | undefined => {
  if (!generationWanted || !runtimeCanGenerate()) return undefined
  try {
    return new Function(...Object.keys(values), `"use strict";\n${body}`)(...Object.values(values)) as F
  } catch {
    return undefined
  }
}

const literal = (key: string): string => JSON.stringify(key)

/** Own keys of `Object.prototype`: reading one of them off an object may find the inherited value. */
const inheritedKeys = new Set<string>(Object.getOwnPropertyNames(Object.prototype))

/**
 * Source that reads `input[key]` into `v`, then runs `present` when `input` has `key` as its own property
 * and `absent` otherwise. Generated code reads only objects whose prototype is `Object.prototype` or
 * null (`plainObject`): there a key that `Object.prototype` lacks is own exactly when the read finds a
 * value, or finds undefined and `hasOwnProperty` says so. One read per present field instead of a
 * `hasOwnProperty` call and a read.
 */
const readField = (key: string, present: string, absent: string): string => {
  const K = literal(key)
  return inheritedKeys.has(key)
    ? `if (hasOwn.call(input, ${K})) {\n v = input[${K}]\n ${present}\n} else {\n ${absent}\n}`
    : `v = input[${K}]\nif (v !== undefined || hasOwn.call(input, ${K})) {\n ${present}\n} else {\n ${absent}\n}`
}

/** Source that decodes `v` in place: its inline test when it has one, else its decoder `name`. */
const decodeInPlace = (test: ((x: string) => string) | undefined, name: string): string =>
  test === undefined ? `v = ${name}(v, options)\n if (v === F) return F` : `if (!${test("v")}) return F`

/**
 * Source that leaves a generated function with `fail` unless `input` is a plain object (JSON's
 * objects are): anything else is decoded by Effect's parser.
 */
const plainObject = (fail: string): string =>
  `if (typeof input !== "object" || input === null || Array.isArray(input)) return ${fail}
  const proto = getPrototypeOf(input)
  if (proto !== objectPrototype && proto !== null) return ${fail}`

/** What every generated function may use besides its own values. */
const generatedBasics = (): Record<string, unknown> => ({
  F: Fallback,
  hasOwn,
  getPrototypeOf: Object.getPrototypeOf,
  objectPrototype: Object.prototype
})

/** `Either.isRight` without the prototype walk of `isEither`: only an `Either` is tagged "Right". */
const rightOf = (result: unknown): unknown =>
  typeof result === "object" && result !== null && (result as { readonly _tag?: unknown })._tag === "Right"
    ? (result as Either.Right<unknown, unknown>).right
    : Fallback

const literalKind = (literal: AST.LiteralValue): Kind => (literal === null ? "null" : (typeof literal as Kind))

/** The runtime kinds a node can accept when decoding; `undefined` when it is not known (or any). */
const kindsOf = (ast: AST.AST): ReadonlySet<Kind> | undefined => {
  // A decoding fallback accepts anything.
  if (Option.isSome(AST.getDecodingFallbackAnnotation(ast))) return undefined
  switch (ast._tag) {
    case "StringKeyword":
    case "TemplateLiteral":
      return new Set(["string"])
    case "NumberKeyword":
      return new Set(["number"])
    case "BooleanKeyword":
      return new Set(["boolean"])
    case "BigIntKeyword":
      return new Set(["bigint"])
    case "SymbolKeyword":
    case "UniqueSymbol":
      return new Set(["symbol"])
    case "UndefinedKeyword":
      return new Set(["undefined"])
    case "Literal":
      return new Set([literalKind(ast.literal)])
    case "TypeLiteral":
      // `Struct({})` accepts any value but null and undefined.
      return ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0 ? undefined : new Set(["object"])
    case "TupleType":
      return new Set(["array"])
    case "Refinement":
      return kindsOf(ast.from)
    case "Transformation":
      return kindsOf(ast.from)
    case "Union": {
      const out = new Set<Kind>()
      for (const member of ast.types) {
        const kinds = kindsOf(member)
        if (kinds === undefined) return undefined
        for (const kind of kinds) out.add(kind)
      }
      return out
    }
    default:
      return undefined
  }
}

/** Effect's parser for one node, as a `FastDecoder`: exact by construction. */
const exact = (ast: AST.AST): FastDecoder => {
  const parse = ParseResult.decodeUnknownEither(Schema.make(ast))
  return (input, options) => rightOf(parse(input, options))
}

const cache = new WeakMap<AST.AST, FastDecoder>()

/** How many members a union may have to be tested inline (an enum's values, `X | null`). */
const inlineUnionLimit = 12

/**
 * A node whose decoding returns its input or fails (a keyword, a literal, a union of those), as the
 * source of a JavaScript test of a variable: generated struct code checks a field in line, with no
 * call per field. `undefined` for every other node, which keeps its compiled decoder.
 */
const inlineTest = (ast: AST.AST): ((x: string) => string) | undefined => {
  if (!isPlainNode(ast)) return undefined
  // Nodes with a hand-written decoder are never replaced by an inline test of their AST.
  registerFieldDecoders(ast)
  if (customDecoders.has(ast)) return customTests.get(ast)
  switch (ast._tag) {
    case "StringKeyword":
      return (x) => `(typeof ${x} === "string")`
    case "NumberKeyword":
      return (x) => `(typeof ${x} === "number")`
    case "BooleanKeyword":
      return (x) => `(typeof ${x} === "boolean")`
    case "UndefinedKeyword":
      return (x) => `(${x} === undefined)`
    case "Literal": {
      const value = ast.literal
      const source = value === null
        ? "null"
        : typeof value === "string"
        ? literal(value)
        : typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))
        ? String(value)
        : undefined
      return source === undefined ? undefined : (x) => `(${x} === ${source})`
    }
    case "Union": {
      if (ast.types.length > inlineUnionLimit) return undefined
      const tests: Array<(x: string) => string> = []
      for (const member of ast.types) {
        const test = inlineTest(member)
        if (test === undefined) return undefined
        tests.push(test)
      }
      return (x) => `(${tests.map((test) => test(x)).join(" || ")})`
    }
    default:
      return undefined
  }
}

/**
 * Compiles `ast` (decoding direction). Nodes that are not modelled (suspensions, non-disjoint unions,
 * tuples with elements, symbol keys, unusual parse options...) run Effect's parser for that node.
 */
export const compile = (ast: AST.AST): FastDecoder => {
  const cached = cache.get(ast)
  if (cached !== undefined) return cached
  registerFieldDecoders(ast)
  const custom = customDecoders.get(ast)
  const decoder = custom === undefined
    ? withAnnotations(ast)
    : typeof custom === "function"
    ? custom
    : custom.of(compile)
  cache.set(ast, decoder)
  return decoder
}

// The parse-option and fallback annotations that Effect's parser applies to every node.
const withAnnotations = (ast: AST.AST): FastDecoder => {
  if (Option.isSome(AST.getDecodingFallbackAnnotation(ast))) return exact(ast)
  const parseOptions = AST.getParseOptionsAnnotation(ast)
  if (Option.isNone(parseOptions)) return go(ast)
  const annotated = parseOptions.value
  if (!isDefaultShape(annotated)) return exact(ast)
  const decoder = go(ast)
  return (input, options) => decoder(input, { ...options, ...annotated })
}

const go = (ast: AST.AST): FastDecoder => {
  switch (ast._tag) {
    case "StringKeyword":
      return (u) => (typeof u === "string" ? u : Fallback)
    case "NumberKeyword":
      return (u) => (typeof u === "number" ? u : Fallback)
    case "BooleanKeyword":
      return (u) => (typeof u === "boolean" ? u : Fallback)
    case "UnknownKeyword":
    case "AnyKeyword":
      return (u) => u
    case "UndefinedKeyword":
      return (u) => (u === undefined ? u : Fallback)
    case "Literal": {
      const literal = ast.literal
      return (u) => (u === literal ? u : Fallback)
    }
    case "Refinement":
      return refinement(ast)
    case "Transformation":
      return transformation(ast)
    case "Declaration":
      return declaration(ast)
    case "TypeLiteral":
      return typeLiteral(ast)
    case "TupleType":
      return tupleType(ast)
    case "Union":
      return union(ast)
    default:
      return exact(ast)
  }
}

const refinement = (ast: AST.Refinement): FastDecoder => {
  const from = compile(ast.from)
  return (u, options) => {
    const a = from(u, options)
    if (a === Fallback) return Fallback
    return Option.isNone(ast.filter(a, options, ast)) ? a : Fallback
  }
}

const declaration = (ast: AST.Declaration): FastDecoder => {
  // A schema wrapped by `withFastDecode`, nested in another: decode its inner schema in line.
  if (factories.has(ast.decodeUnknown) && ast.typeParameters.length === 1) {
    return compileWrapped(ast.typeParameters[0]!, factories.get(ast.decodeUnknown))
  }
  const guard = guardOf(ast)
  if (guard !== undefined) return (u) => (guard(u) ? u : Fallback)
  const parse = ast.decodeUnknown(...ast.typeParameters)
  return (u, options) => rightOf(parse(u, options, ast))
}

const transformation = (ast: AST.Transformation): FastDecoder => {
  const t = ast.transformation
  switch (t._tag) {
    case "FinalTransformation": {
      const from = compile(ast.from)
      const to = compile(ast.to)
      return (u, options) => {
        const a = from(u, options)
        if (a === Fallback) return Fallback
        const b = rightOf(t.decode(a, options, ast, u))
        return b === Fallback ? Fallback : to(b, options)
      }
    }
    case "ComposeTransformation": {
      const from = compile(ast.from)
      const to = compile(ast.to)
      return (u, options) => {
        const a = from(u, options)
        return a === Fallback ? Fallback : to(a, options)
      }
    }
    case "TypeLiteralTransformation":
      return structTransformation(ast, t) ?? exact(ast)
  }
}

// ---------------------------------------------------------------------------------------------
// Structs with renamed and optional-with-null fields
// ---------------------------------------------------------------------------------------------

/** Declarations known to be plain guards (decoding returns the input or fails), with their guard. */
const guardDeclarations: ReadonlyMap<Function, (u: unknown) => boolean> = new Map([
  [(Schema.DateFromSelf.ast as AST.Declaration).decodeUnknown, Predicate.isDate]
])

/**
 * The guard of a plain-guard declaration. Keyed by its decoder: `typeAST` copies a declaration to
 * carry a transformation's annotations (`Timestamp`'s JSON Schema), and the copy decodes alike.
 */
const guardOf = (ast: AST.Declaration): ((u: unknown) => boolean) | undefined =>
  ast.typeParameters.length === 0 && isPlainNode(ast) ? guardDeclarations.get(ast.decodeUnknown) : undefined

/** A type side made of checks only: no declaration that could return something other than its input. */
const isChecksOnly = (ast: AST.AST): boolean => {
  switch (ast._tag) {
    case "Declaration":
      return guardOf(ast) !== undefined
    case "Refinement":
      return isChecksOnly(ast.from)
    case "Union":
      return ast.types.every(isChecksOnly)
    case "TypeLiteral":
      return ast.propertySignatures.every((ps) => isChecksOnly(ps.type)) &&
        ast.indexSignatures.every((is) => isChecksOnly(is.type))
    case "TupleType":
      return ast.elements.every((e) => isChecksOnly(e.type)) && ast.rest.every((r) => isChecksOnly(r.type))
    case "Transformation":
    case "Suspend":
      return false
    default:
      return true
  }
}

const isNullish = (ast: AST.AST): boolean => (AST.isLiteral(ast) && ast.literal === null) || AST.isUndefinedKeyword(ast)

/**
 * When a value decoded by `encoded` passes `type` for certain: `"always"`, `"unlessNullish"` (for
 * `NullOr(X)`: a value other than null came from `X`), or `"never"` known. Effect checks every
 * transformation's output against its `to` side, so a decoded value already satisfies its schema's
 * type side; when a field's type side is exactly that (the same AST) and holds checks only, checking
 * it again cannot fail, nor change the value.
 */
const impliedTypeSide = (encoded: AST.AST, type: AST.AST): "always" | "unlessNullish" | "never" => {
  if (!isChecksOnly(type)) return "never"
  if (sameChecks(AST.typeAST(encoded), type)) return "always"
  if (AST.isUnion(encoded)) {
    const others = encoded.types.filter((m) => !isNullish(m))
    if (others.length === 1 && sameChecks(AST.typeAST(others[0]!), type)) return "unlessNullish"
    // `X | Y | null` flattened from `NullOr(X | Y)`, and the type side `X | Y`.
    if (
      others.length > 1 && AST.isUnion(type) && isPlainNode(type) && type.types.length === others.length &&
      others.every((m, i) => sameChecks(AST.typeAST(m), type.types[i]!))
    ) return "unlessNullish"
  }
  return "never"
}

/**
 * Whether two type-side ASTs check the same thing: the same node, or keywords and literals alike,
 * refinements with the very same filter, unions of such members in the same order. (`typeAST` builds
 * new union and refinement nodes on every call, so identity alone misses them.)
 */
const sameChecks = (a: AST.AST, b: AST.AST): boolean => {
  if (a === b) return true
  if (a._tag !== b._tag || !isPlainNode(a) || !isPlainNode(b)) return false
  switch (a._tag) {
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "UndefinedKeyword":
      return true
    case "Literal":
      return a.literal === (b as AST.Literal).literal
    case "Refinement":
      return a.filter === (b as AST.Refinement).filter && sameChecks(a.from, (b as AST.Refinement).from)
    case "Declaration":
      return guardOf(a) !== undefined && guardOf(a) === guardOf(b as AST.Declaration)
    case "Union": {
      const other = b as AST.Union
      return a.types.length === other.types.length && a.types.every((t, i) => sameChecks(t, other.types[i]!))
    }
    default:
      return false
  }
}

/**
 * A `Struct` with renamed or optional-with-null fields. Effect decodes the encoded side into an object,
 * moves keys one transformation at a time (deleting the old key), then decodes the type side into a
 * new object. When no transformation reads a key that another one writes, that is the same as taking
 * each field once: decode its encoded value, apply its transformation, decode its type side, and write
 * it in the type side's declared order; which is what this does, with one object per struct.
 */
const structTransformation = (
  ast: AST.Transformation,
  t: AST.TypeLiteralTransformation
): FastDecoder | undefined => {
  const fromLiteral = ast.from
  const toLiteral = ast.to
  if (!AST.isTypeLiteral(fromLiteral) || !AST.isTypeLiteral(toLiteral)) return undefined
  if (fromLiteral.indexSignatures.length > 0 || toLiteral.indexSignatures.length > 0) return undefined
  const psts = t.propertySignatureTransformations
  const fromKeys = new Set<PropertyKey>(psts.map((p) => p.from))
  const toKeys = new Set<PropertyKey>(psts.map((p) => p.to))
  if (fromKeys.size !== psts.length || toKeys.size !== psts.length) return undefined
  for (const p of psts) {
    if (p.from !== p.to && (toKeys.has(p.from) || fromKeys.has(p.to))) return undefined
  }
  const encodedFields = new Map<PropertyKey, AST.PropertySignature>(
    fromLiteral.propertySignatures.map((ps) => [ps.name, ps])
  )
  if (encodedFields.size !== fromLiteral.propertySignatures.length) return undefined
  const byTo = new Map(psts.map((p) => [p.to, p]))
  const used = new Set<PropertyKey>()
  const steps: Array<FieldStep> = []
  for (const ps of toLiteral.propertySignatures) {
    const p = byTo.get(ps.name)
    const source = p === undefined ? ps.name : p.from
    const encoded = encodedFields.get(source)
    if (typeof ps.name !== "string" || typeof source !== "string" || encoded === undefined || used.has(source)) {
      return undefined
    }
    used.add(source)
    steps.push(fieldStep({
      name: ps.name,
      source,
      // Absent on the wire: fine only when the encoded side and the model both allow it.
      absentOk: encoded.isOptional && ps.isOptional,
      sourceOptional: encoded.isOptional,
      encoded: encoded.type,
      // A rename (`fromKey`) passes the value through: no `Option` round trip.
      transform: p === undefined || p.decode === identity || p.decode === dropNull ? undefined : p.decode,
      dropNull: p !== undefined && p.decode === dropNull,
      isOptional: ps.isOptional,
      type: ps.type,
      typeImplied: impliedTypeSide(encoded.type, ps.type)
    }))
  }
  if (used.size !== encodedFields.size) return undefined
  const count = steps.length
  const values = generatedBasics()
  const names = toLiteral.propertySignatures.map((ps) => ps.name as string)
  const layout = steps.every((step) => step.source !== undefined)
    ? objectLayout(names, toLiteral.propertySignatures.map((ps) => ps.isOptional), values)
    : keyByKey(names)
  const lines = steps.map((step, i) => {
    const code = step.source?.(i, values, layout.store(i))
    if (code !== undefined) return code
    values[`s${i}`] = step
    return `if (!s${i}(input, out, options)) return F`
  })
  const generated = generate<FastDecoder>(
    values,
    `return function (input, options) {
      ${plainObject("F")}
      ${layout.start}
      let v
      ${lines.join("\n")}
      ${layout.end}
    }`
  )
  if (generated !== undefined) return generated
  return (u, options) => {
    if (typeof u !== "object" || u === null || Array.isArray(u)) return Fallback
    const input = u as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (let i = 0; i < count; i++) {
      if (!steps[i]!(input, out, options)) return Fallback
    }
    return out
  }
}

/**
 * How a generated struct reader makes its object: code before the fields, the code that keeps a
 * decoded field `v`, and code after the fields that returns the object.
 */
interface ObjectLayout {
  readonly start: string
  readonly store: (field: number) => string
  readonly end: string
}

/** The object made first and each field written to it as it is decoded, in declared order. */
const keyByKey = (names: ReadonlyArray<string>): ObjectLayout => ({
  start: "const out = {}",
  store: (i) => `out[${literal(names[i]!)}] = v`,
  end: "return out"
})

/** Structs with more optional fields than this are made key by key. */
const shapesMaxOptional = 16
/** How many combinations of present optional fields get an object literal of their own. */
const shapesLimit = 64

/**
 * Fields decoded into locals (`o0`, `o1`, ...; bit `k` of `m` set when the `k`-th optional field is
 * present), then the object made by one object literal for that combination, generated on first
 * sight, with the present keys in declared order (as key by key). A literal's shape is held by its
 * boilerplate. Shapes made by adding keys one by one are held only by live objects: once none is
 * left, two full GCs drop them, and with them the optimized code specialised on them, which then
 * runs deoptimized until V8 optimizes it again. Past `shapesLimit` combinations, objects are made
 * key by key by one shared function.
 */
const objectLayout = (
  names: ReadonlyArray<string>,
  optional: ReadonlyArray<boolean>,
  values: Record<string, unknown>
): ObjectLayout => {
  const bits = new Map<number, number>()
  optional.forEach((isOptional, i) => {
    if (isOptional) bits.set(i, bits.size)
  })
  // A `__proto__` key in a literal sets the prototype; written key by key it goes through the
  // setter as Effect's parser writes it.
  if (names.length === 0 || bits.size > shapesMaxOptional || names.includes("__proto__")) return keyByKey(names)
  const params = ["m", ...names.map((_, i) => `o${i}`)].join(", ")
  const present = (m: number) =>
    names.flatMap((_, i) => {
      const bit = bits.get(i)
      return bit === undefined || (m & (1 << bit)) !== 0 ? [i] : []
    })
  const shapes: Array<Function | undefined> = []
  let made = 0
  let shared: Function | undefined
  const keyByKeyShape = (): Function =>
    shared ??= generate<Function>(
      {},
      `return function (${params}) {
        const out = {}
        ${
        names.map((name, i) => {
          const bit = bits.get(i)
          const write = `out[${literal(name)}] = o${i}`
          return bit === undefined ? write : `if ((m & ${1 << bit}) !== 0) ${write}`
        }).join("\n")
      }
        return out
      }`
    )!
  values["shapes"] = shapes
  values["shapeOf"] = (m: number): Function => {
    const shape = made < shapesLimit
      ? generate<Function>(
        {},
        `return function (${params}) {
          return { ${present(m).map((i) => `${literal(names[i]!)}: o${i}`).join(", ")} }
        }`
      )
      : undefined
    made++
    return shapes[m] = shape ?? keyByKeyShape()
  }
  return {
    start: `let m = 0, ${names.map((_, i) => `o${i}`).join(", ")}`,
    store: (i) => {
      const bit = bits.get(i)
      return bit === undefined ? `o${i} = v` : `o${i} = v; m |= ${1 << bit}`
    },
    end: `return (shapes[m] ?? shapeOf(m))(${params})`
  }
}

/** One field of a struct: reads it from `input`, writes it to `out` (or leaves it out); false: `Fallback`. */
type FieldStep =
  & ((input: Record<string, unknown>, out: Record<string, unknown>, options: AST.ParseOptions) => boolean)
  & {
    /**
     * The same step as source text for `generate` (its decoders put in `values`), when it has one;
     * `store` is the code that keeps the decoded `v` as this field's value.
     */
    source?: (i: number, values: Record<string, unknown>, store: string) => string
  }

/**
 * The non-null member of `X | null` (the encoded side of an optional-with-null field), when a value
 * other than null decodes through that member alone: the union holds `X` and the literal `null`, and
 * `X` cannot accept null.
 */
const nonNullMember = (ast: AST.AST): AST.AST | undefined => {
  if (!AST.isUnion(ast) || ast.types.length !== 2 || !isPlainNode(ast)) return undefined
  const others = ast.types.filter((m) => !(AST.isLiteral(m) && m.literal === null))
  if (others.length !== 1) return undefined
  const kinds = kindsOf(others[0]!)
  return kinds === undefined || kinds.has("null") ? undefined : others[0]
}

/** A union that holds the literal `null` and no other member that can accept null: null decodes to null. */
const nullOnlyAsNull = (ast: AST.AST): boolean => {
  if (!AST.isUnion(ast) || !isPlainNode(ast)) return false
  let nulls = 0
  for (const m of ast.types) {
    if (AST.isLiteral(m) && m.literal === null && isPlainNode(m)) {
      nulls++
      continue
    }
    const kinds = kindsOf(m)
    if (kinds === undefined || kinds.has("null")) return false
  }
  return nulls === 1
}

/**
 * A field's step, specialized for the common shapes (a required or renamed field whose type side the
 * encoded side implies; an optional field that drops null), so the happy path makes no `Option` and
 * no call it does not need. Each mirrors the general step at the end, which mirrors Effect's parser.
 */
const fieldStep = (field: {
  readonly name: string
  readonly source: string
  readonly absentOk: boolean
  readonly sourceOptional: boolean
  readonly encoded: AST.AST
  readonly transform: ((o: Option.Option<unknown>) => Option.Option<unknown>) | undefined
  readonly dropNull: boolean
  readonly isOptional: boolean
  readonly type: AST.AST
  readonly typeImplied: "always" | "unlessNullish" | "never"
}): FieldStep => {
  const { absentOk, isOptional, name, source, sourceOptional, typeImplied } = field
  const decodeEncoded = compile(field.encoded)
  const decodeType = compile(field.type)
  if (field.transform === undefined && !field.dropNull && typeImplied === "always") {
    const step: FieldStep = (input, out, options) => {
      if (!hasOwn.call(input, source)) return absentOk
      const value = decodeEncoded(input[source], options)
      if (value === Fallback) return false
      out[name] = value
      return true
    }
    const test = inlineTest(field.encoded)
    step.source = (i, values, store) => {
      values[`e${i}`] = decodeEncoded
      return readField(
        source,
        `${decodeInPlace(test, `e${i}`)}
        ${store}`,
        absentOk ? "" : "return F"
      )
    }
    return step
  }
  // Optional with null dropped: null leaves the field out; `decode` decodes any other value, which
  // then passes the type side (unless a transformation made it null or undefined).
  const dropsNullSource = (decode: FastDecoder, test: ((x: string) => string) | undefined) =>
  (
    i: number,
    values: Record<string, unknown>,
    store: string
  ) => {
    const absent = isOptional ? "" : "return F"
    // A test in line: a value other than null that passes it is the decoded value (never null or undefined).
    if (test !== undefined) {
      return readField(
        source,
        `if (v === null) { ${absent} }
        else {
          if (!${test("v")}) return F
          ${store}
        }`,
        absentOk ? "" : "return F"
      )
    }
    values[`e${i}`] = decode
    values[`t${i}`] = decodeType
    return readField(
      source,
      `if (v === null) { ${absent} }
      else {
        v = e${i}(v, options)
        if (v === F) return F
        if (v === null) { ${absent} }
        else {
          ${typeImplied === "always" ? "" : `if (v === undefined) { v = t${i}(v, options); if (v === F) return F }`}
          ${store}
        }
      }`,
      absentOk ? "" : "return F"
    )
  }
  const member = field.dropNull && typeImplied !== "never" ? nonNullMember(field.encoded) : undefined
  if (member === undefined && field.dropNull && typeImplied === "unlessNullish" && nullOnlyAsNull(field.encoded)) {
    // `X | Y | null`, null dropped: any other value decodes through the union, and passes the type side.
    const step: FieldStep = (input, out, options) => {
      if (!hasOwn.call(input, source)) return absentOk
      const raw = input[source]
      if (raw === null) return isOptional
      const value = decodeEncoded(raw, options)
      if (value === Fallback) return false
      if (value === null) return isOptional
      if (value === undefined) {
        const decoded = decodeType(value, options)
        if (decoded === Fallback) return false
        out[name] = decoded
        return true
      }
      out[name] = value
      return true
    }
    step.source = dropsNullSource(decodeEncoded, inlineTest(field.encoded))
    return step
  }
  if (member !== undefined) {
    // `X | null`, null dropped: the value is `X`'s, and a value `X` decoded passes the type side.
    const decodeMember = compile(member)
    const step: FieldStep = (input, out, options) => {
      if (!hasOwn.call(input, source)) return absentOk
      const raw = input[source]
      if (raw === null) return isOptional
      const value = decodeMember(raw, options)
      if (value === Fallback) return false
      // A member that decodes to null or undefined (a transformation) takes the general way.
      if (value === null) return isOptional
      if (value === undefined && typeImplied !== "always") {
        const decoded = decodeType(value, options)
        if (decoded === Fallback) return false
        out[name] = decoded
        return true
      }
      out[name] = value
      return true
    }
    step.source = dropsNullSource(decodeMember, inlineTest(member))
    return step
  }
  const transform = field.transform
  const dropNull = field.dropNull
  return (input, out, options) => {
    const has = hasOwn.call(input, source)
    let encoded: unknown = undefined
    if (has) {
      encoded = decodeEncoded(input[source], options)
      if (encoded === Fallback) return false
    } else if (!sourceOptional) {
      return false
    }
    let present = has
    let value = encoded
    if (dropNull) {
      present = has && encoded !== null
    } else if (transform !== undefined) {
      const o = transform(has ? Option.some(encoded) : Option.none())
      present = Option.isSome(o)
      value = present ? (o as Option.Some<unknown>).value : undefined
    }
    if (!present) return isOptional
    if (
      has && value === encoded &&
      (typeImplied === "always" || (typeImplied === "unlessNullish" && value !== null && value !== undefined))
    ) {
      out[name] = value
      return true
    }
    const decoded = decodeType(value, options)
    if (decoded === Fallback) return false
    out[name] = decoded
    return true
  }
}

const typeLiteral = (ast: AST.TypeLiteral): FastDecoder => {
  // `Struct({})` returns its input as is (any value but null and undefined): Effect's parser does that.
  if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0) return exact(ast)
  if (ast.propertySignatures.some((ps) => typeof ps.name === "symbol")) return exact(ast)
  if (ast.indexSignatures.some((is) => is.parameter._tag !== "StringKeyword")) return exact(ast)
  const names = ast.propertySignatures.map((ps) => ps.name as string)
  const optional = ast.propertySignatures.map((ps) => ps.isOptional)
  const decoders = ast.propertySignatures.map((ps) => compile(ps.type))
  const indexDecoders = ast.indexSignatures.map((is) => compile(is.type))
  const expected: Record<string, null> = Object.fromEntries(names.map((name) => [name, null]))
  const count = names.length
  if (indexDecoders.length === 0) {
    const values = generatedBasics()
    const layout = objectLayout(names, optional, values)
    const lines = names.map((name, i) => {
      values[`d${i}`] = decoders[i]
      const test = inlineTest(ast.propertySignatures[i]!.type)
      return readField(
        name,
        `${decodeInPlace(test, `d${i}`)}
        ${layout.store(i)}`,
        optional[i] ? "" : "return F"
      )
    })
    const generated = generate<FastDecoder>(
      values,
      `return function (input, options) {
        ${plainObject("F")}
        ${layout.start}
        let v
        ${lines.join("\n")}
        ${layout.end}
      }`
    )
    if (generated !== undefined) return generated
  }
  return (u, options) => {
    if (typeof u !== "object" || u === null || Array.isArray(u)) return Fallback
    const input = u as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (let i = 0; i < count; i++) {
      const name = names[i]!
      if (!hasOwn.call(input, name)) {
        if (optional[i]) continue
        return Fallback
      }
      const value = decoders[i]!(input[name], options)
      if (value === Fallback) return Fallback
      out[name] = value
    }
    for (const decode of indexDecoders) {
      for (const key of Object.keys(input)) {
        const value = decode(input[key], options)
        if (value === Fallback) return Fallback
        if (!hasOwn.call(expected, key)) out[key] = value
      }
    }
    return out
  }
}

const tupleType = (ast: AST.TupleType): FastDecoder => {
  // Only arrays (`Schema.Array`): no fixed elements, one rest element.
  const rest = ast.rest[0]
  if (ast.elements.length > 0 || ast.rest.length !== 1 || rest === undefined) return exact(ast)
  const item = compile(rest.type)
  // Generated, so that each array's loop has call feedback of its own: a closure's code (and its
  // feedback) is shared by every array of every schema, and its call of `item` goes megamorphic.
  const generated = generate<FastDecoder>(
    { F: Fallback, item },
    `return function (u, options) {
      if (!Array.isArray(u)) return F
      const length = u.length
      const out = new Array(length)
      for (let i = 0; i < length; i++) {
        const value = item(u[i], options)
        if (value === F) return F
        out[i] = value
      }
      return out
    }`
  )
  if (generated !== undefined) return generated
  return (u, options) => {
    if (!Array.isArray(u)) return Fallback
    const length = u.length
    const out = new Array<unknown>(length)
    for (let i = 0; i < length; i++) {
      const value = item(u[i], options)
      if (value === Fallback) return Fallback
      out[i] = value
    }
    return out
  }
}

/**
 * A union, mirroring the order Effect tries its members in. A member that cannot accept the input's
 * kind (a string for a struct) or a literal that is not equal to it fails for certain, so it is
 * skipped; the first member that could accept the input decides: its value, or `Fallback` when the
 * fast path does not accept it. For primitive inputs Effect tries the members in declaration order;
 * for objects and arrays it may reorder members by their literal tags, so there a kind must have one
 * member only (disjoint unions such as `null | object | array`), or the union runs Effect's parser.
 */
const union = (ast: AST.Union): FastDecoder => {
  const buckets = new Map<Kind, Array<AST.AST>>()
  for (const member of ast.types) {
    const kinds = kindsOf(member)
    if (kinds === undefined) return exact(ast)
    for (const kind of kinds) {
      const bucket = buckets.get(kind)
      if (bucket === undefined) buckets.set(kind, [member])
      else bucket.push(member)
    }
  }
  const decoderFor = (kind: Kind): FastDecoder | undefined => {
    const members = buckets.get(kind)
    if (members === undefined) return undefined
    return (kind === "object" || kind === "array") && members.length > 1 ? exact(ast) : ordered(members)
  }
  const string = decoderFor("string")
  const number = decoderFor("number")
  const boolean = decoderFor("boolean")
  const nul = decoderFor("null")
  const object = decoderFor("object")
  const array = decoderFor("array")
  const undef = decoderFor("undefined")
  const bigint = decoderFor("bigint")
  const symbol = decoderFor("symbol")
  return (u, options) => {
    let decode: FastDecoder | undefined
    switch (typeof u) {
      case "string":
        decode = string
        break
      case "number":
        decode = number
        break
      case "boolean":
        decode = boolean
        break
      case "object":
        decode = u === null ? nul : Array.isArray(u) ? array : object
        break
      case "undefined":
        decode = undef
        break
      case "bigint":
        decode = bigint
        break
      case "symbol":
        decode = symbol
        break
      default:
        decode = undefined
    }
    return decode === undefined ? Fallback : decode(u, options)
  }
}

const isPlainLiteral = (ast: AST.AST): ast is AST.Literal =>
  AST.isLiteral(ast) && !Number.isNaN(ast.literal) && Option.isNone(AST.getParseOptionsAnnotation(ast))

/** Members of one kind, in declaration order: leading literals are compared, the next member decides. */
const ordered = (members: ReadonlyArray<AST.AST>): FastDecoder => {
  const firstOther = members.findIndex((m) => !isPlainLiteral(m))
  const literals = new Set<unknown>(
    (firstOther === -1 ? members : members.slice(0, firstOther)).map((m) => (m as AST.Literal).literal)
  )
  const other = firstOther === -1 ? undefined : compile(members[firstOther]!)
  const list = [...literals]
  const count = list.length
  // A few literals (an enum's values): comparing them beats hashing the input.
  const has = count <= 8
    ? (u: unknown) => {
      for (let i = 0; i < count; i++) if (list[i] === u) return true
      return false
    }
    : (u: unknown) => literals.has(u)
  if (other === undefined) return (u) => (has(u) ? u : Fallback)
  if (count === 0) return other
  return (u, options) => (has(u) ? u : other(u, options))
}

// ---------------------------------------------------------------------------------------------
// Checks without output, for members a decoding discards (see `projection`)
// ---------------------------------------------------------------------------------------------

/**
 * Checks that hold for certain when they return true (false: not known, decode to find out). For
 * values that are discarded after validation, such as the members of a JSON:API resource besides its
 * attributes, so that nothing is built for them.
 */
type FastCheck = (input: unknown, options: AST.ParseOptions) => boolean

const checkCache = new WeakMap<AST.AST, FastCheck>()

const compileCheck = (ast: AST.AST): FastCheck => {
  const cached = checkCache.get(ast)
  if (cached !== undefined) return cached
  const check = isChecksOnly(ast) && AST.typeAST(ast) === ast && isPlainNode(ast) ? goCheck(ast) : viaDecode(ast)
  checkCache.set(ast, check)
  return check
}

/** Struct checks written in line, at most this deep (a relationship's `data` identifier is three down). */
const inlineCheckDepth = 4

/**
 * A check as the source of a JavaScript expression over `x` (itself an expression without side
 * effects, such as `v["data"]`), for generated check code: keywords, literals and structs in line,
 * unions of those, and a call of the compiled check (put in `values`) for anything else. It mirrors
 * `goCheck` node for node, so it accepts exactly what the compiled check accepts.
 */
const inlineCheck = (ast: AST.AST, x: string, values: Record<string, unknown>, depth = 0): string => {
  const call = () => {
    const name = `k${Object.keys(values).length}`
    values[name] = compileCheck(ast)
    return `${name}(${x}, options)`
  }
  if (!(isChecksOnly(ast) && AST.typeAST(ast) === ast && isPlainNode(ast))) return call()
  const test = inlineTest(ast)
  if (test !== undefined) return test(x)
  switch (ast._tag) {
    case "TypeLiteral": {
      if (
        depth >= inlineCheckDepth || ast.indexSignatures.length > 0 || ast.propertySignatures.length === 0 ||
        ast.propertySignatures.some((ps) => typeof ps.name !== "string")
      ) return call()
      // Effect's parser (default options, not `exact`) decodes a required key's value read with
      // `input[key]`, own or not, and skips an optional key that is not own: the check reads alike.
      const fields = ast.propertySignatures.map((ps) => {
        const K = literal(ps.name as string)
        const check = inlineCheck(ps.type, `${x}[${K}]`, values, depth + 1)
        return ps.isOptional ? `((${x}[${K}] === undefined && !hasOwn.call(${x}, ${K})) || ${check})` : check
      })
      return `(typeof ${x} === "object" && ${x} !== null && !Array.isArray(${x}) && ${fields.join(" && ")})`
    }
    case "Union":
      return unionCheck(ast.types.map((member) => (v) => inlineCheck(member, x, v, depth + 1)), values)
    default:
      return call()
  }
}

/**
 * A union's check as a source expression: any member accepting is enough, whatever the order, so
 * the members tested in line come before those that call a compiled check.
 */
const unionCheck = (
  members: ReadonlyArray<(values: Record<string, unknown>) => string>,
  values: Record<string, unknown>
): string => {
  const inline: Array<string> = []
  const calls: Array<string> = []
  for (const member of members) {
    const before = Object.keys(values).length
    const source = member(values)
    ;(Object.keys(values).length === before ? inline : calls).push(source)
  }
  return `(${[...inline, ...calls].join(" || ")})`
}

// Without parse-option or fallback annotations, which only the decoder applies.
const isPlainNode = (ast: AST.AST): boolean =>
  Option.isNone(AST.getParseOptionsAnnotation(ast)) && Option.isNone(AST.getDecodingFallbackAnnotation(ast))

const isScalar = (ast: AST.AST): boolean =>
  ast._tag === "Refinement" ? isScalar(ast.from) : ast._tag !== "TypeLiteral" && ast._tag !== "TupleType"

const viaDecode = (ast: AST.AST): FastCheck => {
  const decode = compile(ast)
  return (u, options) => decode(u, options) !== Fallback
}

// Only for checks-only nodes, whose decoded value is the input (or a copy of it).
const goCheck = (ast: AST.AST): FastCheck => {
  switch (ast._tag) {
    case "StringKeyword":
      return (u) => typeof u === "string"
    case "NumberKeyword":
      return (u) => typeof u === "number"
    case "BooleanKeyword":
      return (u) => typeof u === "boolean"
    case "Literal": {
      const literal = ast.literal
      return (u) => u === literal
    }
    case "Refinement": {
      // A filter sees the decoded value; for a struct or tuple that is a copy without excess keys,
      // not the input, so only decoding answers for those.
      if (!isScalar(ast.from)) return viaDecode(ast)
      const from = compileCheck(ast.from)
      return (u, options) => from(u, options) && Option.isNone(ast.filter(u, options, ast))
    }
    case "TypeLiteral": {
      if (ast.propertySignatures.some((ps) => typeof ps.name === "symbol")) return viaDecode(ast)
      if (ast.indexSignatures.some((is) => is.parameter._tag !== "StringKeyword")) return viaDecode(ast)
      const fields = ast.propertySignatures.map((ps) => ({
        name: ps.name as string,
        isOptional: ps.isOptional,
        check: compileCheck(ps.type)
      }))
      const values = ast.indexSignatures.map((is) => compileCheck(is.type))
      const inlined = generatedBasics()
      const generated = generate<FastCheck>(
        inlined,
        `return function (input, options) {
          ${
          // Fields are read as own only off plain objects; keys alone (a record) are own whatever the prototype.
          ast.propertySignatures.length > 0
            ? plainObject("false")
            : `if (typeof input !== "object" || input === null || Array.isArray(input)) return false`}
          let v
          ${
          ast.propertySignatures.map((ps) =>
            readField(
              ps.name as string,
              `if (!${inlineCheck(ps.type, "v", inlined)}) return false`,
              ps.isOptional ? "" : "return false"
            )
          ).join("\n")
        }
          ${
          // Own enumerable string keys, as Object.keys lists them, without building the list.
          ast.indexSignatures.length === 0 ? "" : `for (const key in input) {
            if (!hasOwn.call(input, key)) continue
            v = input[key]
            ${ast.indexSignatures.map((is) => `if (!${inlineCheck(is.type, "v", inlined)}) return false`).join("\n")}
          }`}
          return true
        }`
      )
      if (generated !== undefined) return generated
      return (u, options) => {
        if (typeof u !== "object" || u === null || Array.isArray(u)) return false
        const input = u as Record<string, unknown>
        for (const field of fields) {
          if (!hasOwn.call(input, field.name)) {
            if (field.isOptional) continue
            return false
          }
          if (!field.check(input[field.name], options)) return false
        }
        for (const check of values) {
          for (const key of Object.keys(input)) if (!check(input[key], options)) return false
        }
        return true
      }
    }
    case "TupleType": {
      const rest = ast.rest[0]
      if (ast.elements.length > 0 || ast.rest.length !== 1 || rest === undefined) return viaDecode(ast)
      const item = compileCheck(rest.type)
      return (u, options) => {
        if (!Array.isArray(u)) return false
        for (let i = 0; i < u.length; i++) if (!item(u[i], options)) return false
        return true
      }
    }
    case "Union": {
      // Accepted when any member accepts, whatever the order.
      const members = ast.types.map(compileCheck)
      const inlined = generatedBasics()
      const generated = generate<FastCheck>(
        inlined,
        `return function (u, options) {
          return ${unionCheck(ast.types.map((member) => (v) => inlineCheck(member, "u", v)), inlined)}
        }`
      )
      if (generated !== undefined) return generated
      const count = members.length
      return (u, options) => {
        for (let i = 0; i < count; i++) if (members[i]!(u, options)) return true
        return false
      }
    }
    default:
      return viaDecode(ast)
  }
}

/**
 * A transformation whose decoding is, by the caller's word, `(from) => from[key]` over a struct:
 * `key` is decoded, the other members only checked, and no object is built for the struct.
 */
const projection = (ast: AST.AST, key: string): FastDecoder | undefined => {
  if (!AST.isTransformation(ast) || ast.transformation._tag !== "FinalTransformation") return undefined
  const from = ast.from
  if (!AST.isTypeLiteral(from) || from.indexSignatures.length > 0 || !isPlainNode(from)) return undefined
  if (from.propertySignatures.some((ps) => typeof ps.name !== "string")) return undefined
  const target = from.propertySignatures.find((ps) => ps.name === key)
  if (target === undefined) return undefined
  const decodeTarget = compile(target.type)
  const others = from.propertySignatures.filter((ps) => ps !== target).map((ps) => ({
    name: ps.name as string,
    isOptional: ps.isOptional,
    check: compileCheck(ps.type),
    type: ps.type
  }))
  const to = compile(ast.to)
  const inlined = { ...generatedBasics(), decodeTarget, to }
  const generated = generate<FastDecoder>(
    inlined,
    // Members in declared order, which is the order servers write them in: a page fresh from
    // JSON.parse is read forwards through memory.
    `return function (input, options) {
      ${plainObject("F")}
      let v
      let t
      ${
      from.propertySignatures.map((ps) =>
        ps === target
          ? readField(
            key,
            `t = decodeTarget(v, options)
            if (t === F) return F`,
            target.isOptional ? "" : "return F"
          )
          : readField(
            ps.name as string,
            `if (!${inlineCheck(ps.type, "v", inlined)}) return F`,
            ps.isOptional ? "" : "return F"
          )
      ).join("\n")
    }
      return to(t, options)
    }`
  )
  if (generated !== undefined) return generated
  return (u, options) => {
    if (typeof u !== "object" || u === null || Array.isArray(u)) return Fallback
    const input = u as Record<string, unknown>
    for (const field of others) {
      if (!hasOwn.call(input, field.name)) {
        if (field.isOptional) continue
        return Fallback
      }
      if (!field.check(input[field.name], options)) return Fallback
    }
    let value: unknown = undefined
    if (hasOwn.call(input, key)) {
      value = decodeTarget(input[key], options)
      if (value === Fallback) return Fallback
    } else if (!target.isOptional) {
      return Fallback
    }
    return to(value, options)
  }
}

/**
 * The fast decoder of `inner`, a projection when one was declared and it applies (the compiled path
 * of a `withFastDecode` declaration).
 */
export const compileWrapped = (inner: AST.AST, project: string | undefined): FastDecoder =>
  (project === undefined ? undefined : projection(inner, project)) ?? compile(inner)
