/**
 * Answers that carry stored records as they were stored. A record read from (or just written to) a
 * collection keeps the JSON it is stored as (`RecordStore.storedJsonOf`), written by its model's
 * schema when it was validated. Where an endpoint's success schema puts that model, unchanged, in its
 * body (the `attributes` of a JSON:API resource, in a document or a page), the answer is written around
 * the stored JSON instead of encoding the record again: the text is the one the success schema's
 * encoder would write, byte for byte, for any record whose stored JSON its own model schema wrote
 * (`StoredAnswers.test.ts` compares the two over every built-in resource).
 *
 * Anything the writer does not know (a union of successes, a schema it does not read, a value that is
 * not what the schema says) goes back to HttpApiBuilder's own encoding, errors included.
 */
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { storedJsonOf } from "./RecordStore.js"

/** "Not written here": the value goes to the schema's own encoder. */
const Declined: unique symbol = Symbol("@blocks-crm/emulator/StoredAnswers/Declined")
type Declined = typeof Declined

/** Writes the JSON of a value of a schema's type; `undefined` for a member JSON leaves out. */
type Writer = (value: unknown, used: Used) => string | undefined | Declined

/** Whether a write used any stored JSON (else it saved nothing, and the schema's encoder may as well run). */
interface Used {
  stored: boolean
}

const writers = new WeakMap<AST.AST, Writer>()

/** The writer of `ast`, built once per node. */
const writerOf = (ast: AST.AST): Writer => {
  let writer = writers.get(ast)
  if (writer === undefined) {
    // A node that refers to itself (a suspended schema) finds this placeholder until it is built.
    writers.set(ast, (value, used) => writer!(value, used))
    writer = withStored(ast, build(ast))
    writers.set(ast, writer)
  }
  return writer
}

/** A value whose stored JSON `ast` wrote is that JSON; any other value is written by `write`. */
const withStored = (ast: AST.AST, write: Writer): Writer => (value, used) => {
  const stored = storedJsonOf(value)
  if (stored !== undefined && stored.schema === ast) {
    used.stored = true
    return stored.text
  }
  return write(value, used)
}

/** The schema's own encoder and `JSON.stringify`, as HttpApiBuilder writes a body. */
const encoded = (ast: AST.AST): Writer => {
  const encode = ParseResult.encodeUnknownEither(Schema.make(ast))
  return (value) => {
    const result = encode(value)
    return Either.isRight(result) ? JSON.stringify(result.right) : Declined
  }
}

/**
 * The schema a core-http document or resource (`withFastDecode`) encodes with: a declaration whose
 * encoding is its one type parameter's own, which it keeps as its surrogate. Annotating the declaration
 * (`addSuccess(document, { status: 201 })` does) annotates a copy of the surrogate too, so the surrogate
 * is the type parameter itself or a node that differs from it in its annotations alone.
 */
const innerOf = (ast: AST.Declaration): AST.AST | undefined => {
  const inner = ast.typeParameters[0]
  if (inner === undefined || ast.typeParameters.length !== 1) return undefined
  const surrogate = ast.annotations[AST.SurrogateAnnotationId]
  return surrogate === inner || isAnnotatedCopy(surrogate, inner) ? inner : undefined
}

/** Whether `copy` is `node` with other annotations: the same kind of node, every other field the same. */
const isAnnotatedCopy = (copy: unknown, node: AST.AST): boolean => {
  if (typeof copy !== "object" || copy === null || Object.getPrototypeOf(copy) !== Object.getPrototypeOf(node)) {
    return false
  }
  const fields = Object.keys(node)
  return Object.keys(copy).length === fields.length &&
    fields.every((key) =>
      key === "annotations" ||
      (copy as Record<string, unknown>)[key] === (node as unknown as Record<string, unknown>)[key]
    )
}

const build = (ast: AST.AST): Writer => {
  switch (ast._tag) {
    case "StringKeyword":
      return (value) => (typeof value === "string" ? JSON.stringify(value) : Declined)
    case "Literal": {
      const literal = ast.literal
      const text = JSON.stringify(literal)
      return (value) => (value === literal ? text : Declined)
    }
    case "Declaration": {
      const inner = innerOf(ast)
      return inner !== undefined ? writerOf(inner) : encoded(ast)
    }
    case "Transformation":
      return transformation(ast)
    case "TypeLiteral":
      return ast.indexSignatures.length === 0 ? typeLiteral(ast) : encoded(ast)
    case "TupleType": {
      const rest = ast.rest[0]
      if (ast.elements.length > 0 || ast.rest.length !== 1 || rest === undefined) return encoded(ast)
      const item = writerOf(rest.type)
      return (value, used) => {
        if (!Array.isArray(value)) return Declined
        let text = "["
        for (let i = 0; i < value.length; i++) {
          const written = item(value[i], used)
          if (written === Declined) return Declined
          text += (i === 0 ? "" : ",") + (written ?? "null")
        }
        return text + "]"
      }
    }
    default:
      return encoded(ast)
  }
}

/**
 * `Schema.transform(from, to, { encode })` where `to` encodes a value as it is (a declaration without
 * type parameters, core-http's `trusted`): the transformation's own `encode`, then `from`'s writer.
 */
const transformation = (ast: AST.Transformation): Writer => {
  if (
    ast.transformation._tag !== "FinalTransformation" || ast.to._tag !== "Declaration" ||
    ast.to.typeParameters.length > 0
  ) {
    return encoded(ast)
  }
  const to = ParseResult.encodeUnknownEither(Schema.make(ast.to))
  const encode = ast.transformation.encode
  const from = writerOf(ast.from)
  return (value, used) => {
    const checked = to(value)
    if (Either.isLeft(checked)) return Declined
    const result = encode(checked.right, {}, ast, value)
    // Schema.transform's functions answer at once; anything else is left to the encoder.
    if (!Either.isEither(result) || Either.isLeft(result)) return Declined
    return from(result.right, used)
  }
}

/** An object: its declared members in declaration order, as the struct encoder builds it. */
const typeLiteral = (ast: AST.TypeLiteral): Writer => {
  const members = ast.propertySignatures.map((signature) => {
    if (typeof signature.name !== "string") return undefined
    return {
      name: signature.name,
      key: JSON.stringify(signature.name),
      optional: signature.isOptional,
      write: writerOf(signature.type)
    }
  })
  if (members.some((member) => member === undefined)) return encoded(ast)
  return (value, used) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return Declined
    const record = value as Record<string, unknown>
    let text = "{"
    let first = true
    for (const member of members) {
      const { key, name, optional, write } = member!
      const present = Object.prototype.hasOwnProperty.call(record, name)
      if (!present && optional) continue
      const written = write(record[name], used)
      if (written === Declined) return Declined
      if (written === undefined) continue
      text += (first ? "" : ",") + key + ":" + written
      first = false
    }
    return text + "}"
  }
}

/**
 * The nodes of `ast` its writer reaches (where it may meet a stored record), through the same nodes
 * `build` writes itself: a value whose stored JSON no such node wrote would be encoded whole by the
 * writer and then again by HttpApiBuilder, so it is not written here at all.
 */
const reachable = (ast: AST.AST, found: Set<AST.AST> = new Set()): Set<AST.AST> => {
  if (found.has(ast)) return found
  found.add(ast)
  switch (ast._tag) {
    case "Declaration": {
      const inner = innerOf(ast)
      if (inner !== undefined) reachable(inner, found)
      break
    }
    case "Transformation":
      if (ast.transformation._tag === "FinalTransformation") reachable(ast.from, found)
      break
    case "TypeLiteral":
      for (const signature of ast.propertySignatures) reachable(signature.type, found)
      break
    case "TupleType":
      for (const rest of ast.rest) reachable(rest.type, found)
      break
  }
  return found
}

/**
 * How an endpoint answers a handler's value with the stored JSON in it: a function to the response,
 * or `undefined` when the endpoint's success is not one JSON body. The function answers `undefined`
 * where the value holds no stored record its success schema carries as it is stored (or one the writer
 * declines), and HttpApiBuilder encodes it.
 */
export const answerer = (
  success: Schema.Schema.Any
): ((value: unknown) => HttpServerResponse.HttpServerResponse | undefined) | undefined => {
  const ast = success.ast
  if (ast._tag === "Union" || HttpApiSchema.isVoid(ast)) return undefined
  const encoding = HttpApiSchema.getEncoding(ast)
  if (encoding.kind !== "Json") return undefined
  const options = { status: HttpApiSchema.getStatusSuccessAST(ast), contentType: encoding.contentType }
  const carried = reachable(ast)
  let write: Writer | undefined
  return (value) => {
    const stored = storedSchemaOf(value)
    if (stored === undefined || !carried.has(stored)) return undefined
    const used: Used = { stored: false }
    const text = (write ??= writerOf(ast))(value, used)
    return typeof text === "string" && used.stored ? HttpServerResponse.text(text, options) : undefined
  }
}

/** The schema that stored the value, or the first item of a page or list of them. */
const storedSchemaOf = (value: unknown): AST.AST | undefined => {
  if (typeof value !== "object" || value === null) return undefined
  const stored = storedJsonOf(value)
  if (stored !== undefined) return stored.schema
  const items = Array.isArray(value) ? value : (value as { readonly data?: unknown }).data
  return Array.isArray(items) && items.length > 0 ? storedJsonOf(items[0])?.schema : undefined
}
