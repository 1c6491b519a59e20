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
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"

/** "Not decoded here": run Effect's parser instead. */
export const Fallback: unique symbol = Symbol.for("@blocks-crm/core-http/fastDecode/Fallback")

/** A compiled decoder: the decoded value, or `Fallback`. */
export type FastDecoder = (input: unknown, options: AST.ParseOptions) => unknown

type Kind = "string" | "number" | "boolean" | "bigint" | "symbol" | "undefined" | "null" | "object" | "array" | "function"

const hasOwn = Object.prototype.hasOwnProperty

const kindOf = (u: unknown): Kind => (u === null ? "null" : Array.isArray(u) ? "array" : typeof u)

const literalKind = (literal: AST.LiteralValue): Kind => (literal === null ? "null" : (typeof literal as Kind))

/** The runtime kinds a node can accept when decoding; `undefined` when it is not known (or any). */
const kindsOf = (ast: AST.AST): ReadonlySet<Kind> | undefined => {
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
      return new Set(["object"])
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
  return (input, options) => {
    const result = parse(input, options)
    return Either.isEither(result) && Either.isRight(result) ? result.right : Fallback
  }
}

const cache = new WeakMap<AST.AST, FastDecoder>()

/**
 * Compiles `ast` (decoding direction). Nodes that are not modelled (suspensions, non-disjoint unions,
 * tuples with elements, symbol keys, unusual parse options...) run Effect's parser for that node.
 */
export const compile = (ast: AST.AST): FastDecoder => {
  const cached = cache.get(ast)
  if (cached !== undefined) return cached
  const decoder = withAnnotations(ast)
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

/** Options under which the fast path's output is the parser's output (they only change failures). */
export const isDefaultShape = (options: AST.ParseOptions | undefined): boolean =>
  options === undefined ||
  ((options.onExcessProperty === undefined || options.onExcessProperty === "ignore") &&
    (options.propertyOrder === undefined || options.propertyOrder === "none"))

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
  const parse = ast.decodeUnknown(...ast.typeParameters)
  return (u, options) => {
    const result = parse(u, options, ast)
    return Either.isEither(result) && Either.isRight(result) ? result.right : Fallback
  }
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
        const result = t.decode(a, options, ast, u)
        if (!Either.isEither(result) || Either.isLeft(result)) return Fallback
        return to(result.right, options)
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

/**
 * A `Struct` with renamed or optional-with-null fields: Effect decodes the encoded side, moves keys one
 * transformation at a time (deleting the old key), then decodes the type side into a new object. When
 * no transformation reads a key another one writes, that is the same as reading each field once from
 * the encoded side and writing the type side in its declared order, which is what this does.
 */
const structTransformation = (
  ast: AST.Transformation,
  t: AST.TypeLiteralTransformation
): FastDecoder | undefined => {
  if (!AST.isTypeLiteral(ast.from) || !AST.isTypeLiteral(ast.to)) return undefined
  if (ast.from.indexSignatures.length > 0 || ast.to.indexSignatures.length > 0) return undefined
  const psts = t.propertySignatureTransformations
  const fromKeys = new Set<PropertyKey>(psts.map((p) => p.from))
  const toKeys = new Set<PropertyKey>(psts.map((p) => p.to))
  if (fromKeys.size !== psts.length || toKeys.size !== psts.length) return undefined
  for (const p of psts) {
    if (p.from !== p.to && (toKeys.has(p.from) || fromKeys.has(p.to))) return undefined
  }
  const from = compile(ast.from)
  const byTo = new Map(psts.map((p) => [p.to, p]))
  const fields = ast.to.propertySignatures.map((ps) => {
    if (typeof ps.name === "symbol") return undefined
    const p = byTo.get(ps.name)
    return {
      name: ps.name,
      isOptional: ps.isOptional,
      decode: compile(ps.type),
      source: p === undefined ? ps.name : p.from,
      transform: p?.decode
    }
  })
  if (fields.some((f) => f === undefined)) return undefined
  const steps = fields as ReadonlyArray<NonNullable<(typeof fields)[number]>>
  const count = steps.length
  return (u, options) => {
    const encoded = from(u, options) as Record<PropertyKey, unknown> | typeof Fallback
    if (encoded === Fallback) return Fallback
    const out: Record<PropertyKey, unknown> = {}
    for (let i = 0; i < count; i++) {
      const step = steps[i]!
      let present: boolean
      let value: unknown
      if (step.transform === undefined) {
        present = hasOwn.call(encoded, step.source)
        value = present ? encoded[step.source] : undefined
      } else {
        const o = step.transform(hasOwn.call(encoded, step.source) ? Option.some(encoded[step.source]) : Option.none())
        present = Option.isSome(o)
        value = present ? (o as Option.Some<unknown>).value : undefined
      }
      if (!present) {
        if (step.isOptional) continue
        return Fallback
      }
      const decoded = step.decode(value, options)
      if (decoded === Fallback) return Fallback
      out[step.name] = decoded
    }
    return out
  }
}

const typeLiteral = (ast: AST.TypeLiteral): FastDecoder => {
  if (ast.propertySignatures.some((ps) => typeof ps.name === "symbol")) return exact(ast)
  if (ast.indexSignatures.some((is) => is.parameter._tag !== "StringKeyword")) return exact(ast)
  const names = ast.propertySignatures.map((ps) => ps.name as string)
  const optional = ast.propertySignatures.map((ps) => ps.isOptional)
  const decoders = ast.propertySignatures.map((ps) => compile(ps.type))
  const indexDecoders = ast.indexSignatures.map((is) => compile(is.type))
  const expected: Record<string, null> = Object.fromEntries(names.map((name) => [name, null]))
  const count = names.length
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
 * A union whose members accept disjoint kinds of value (`null` | string, number | string, an object |
 * an array), or several literals of one kind: exactly one member can accept an input, so the member
 * order Effect tries does not matter. Other unions run Effect's parser.
 */
const union = (ast: AST.Union): FastDecoder => {
  const table = new Map<Kind, { member?: AST.AST; literals?: Set<unknown> }>()
  for (const member of ast.types) {
    const kinds = kindsOf(member)
    if (kinds === undefined) return exact(ast)
    const isLiteral = AST.isLiteral(member) && !Number.isNaN(member.literal)
    for (const kind of kinds) {
      const entry = table.get(kind)
      if (entry === undefined) {
        table.set(kind, isLiteral ? { literals: new Set([(member as AST.Literal).literal]) } : { member })
      } else if (entry.literals !== undefined && isLiteral) {
        entry.literals.add((member as AST.Literal).literal)
      } else {
        return exact(ast)
      }
    }
  }
  const dispatch = new Map<Kind, FastDecoder>()
  for (const [kind, entry] of table) {
    const literals = entry.literals
    dispatch.set(
      kind,
      literals !== undefined ? (u) => (literals.has(u) ? u : Fallback) : compile(entry.member!)
    )
  }
  return (u, options) => {
    const decode = dispatch.get(kindOf(u))
    return decode === undefined ? Fallback : decode(u, options)
  }
}

/**
 * `schema` with the same encoded and type sides, decoded through the compiled fast path first. It is
 * a declaration over `schema` whose surrogate is `schema` itself, so JSON Schema, OpenAPI and union
 * discrimination see `schema` unchanged; encoding is `schema`'s own.
 *
 * @internal
 */
export const withFastDecode = <A, I, R>(schema: Schema.Schema<A, I, R>): Schema.Schema<A, I, R> =>
  Schema.make(
    new AST.Declaration(
      [schema.ast],
      (inner) => {
        const fast = compile(inner)
        const parse = ParseResult.decodeUnknown(Schema.make(inner))
        return (input, options) => {
          if (isDefaultShape(options)) {
            const value = fast(input, options)
            if (value !== Fallback) return ParseResult.succeed(value)
          }
          return parse(input, options)
        }
      },
      (inner) => {
        const encode = ParseResult.encodeUnknown(Schema.make(inner))
        return (input, options) => encode(input, options)
      },
      { [AST.SurrogateAnnotationId]: schema.ast }
    )
  )
