/**
 * What the CLI reads from a contract's schemas: the fields of a request (their camelCase names, whether
 * they are required, their descriptions and the schema that parses them), the kind of value a flag
 * takes, and the model a success document carries (its fields, and the noun of one record).
 *
 * Only the schemas' ASTs are read, so a domain needs no CLI code: the same data `OpenApi.fromApi` uses.
 */
import { Contract } from "@blocks-crm/core-http"
import * as Option from "effect/Option"
import * as AST from "effect/SchemaAST"
import * as Schema from "effect/Schema"

/** One field of a request or a model, by its camelCase (type-side) name. */
export interface Field {
  readonly name: string
  readonly optional: boolean
  /** The whole schema of the field (wire → model): a flag's text is decoded with it. */
  readonly ast: AST.AST
  readonly description: string | undefined
}

/** How a flag reads its value. */
export type Kind =
  | { readonly _tag: "text" }
  | { readonly _tag: "integer" }
  | { readonly _tag: "number" }
  | { readonly _tag: "boolean" }
  | { readonly _tag: "timestamp" }
  | { readonly _tag: "choice"; readonly choices: ReadonlyArray<string> }
  /** Anything else (a nested struct, an array): JSON text. */
  | { readonly _tag: "json" }

/** The schema behind wrappers that change nothing a reader needs: suspensions and fast-decode surrogates. */
const unwrapDeclaration = (ast: AST.AST): AST.AST => {
  if (ast._tag === "Suspend") return unwrapDeclaration(ast.f())
  if (ast._tag === "Declaration") {
    const surrogate = AST.getSurrogateAnnotation(ast)
    if (Option.isSome(surrogate)) return unwrapDeclaration(surrogate.value)
  }
  return ast
}

/** The encoded (wire) structure of a schema: through declarations, transformations and refinements. */
const wireOf = (ast: AST.AST): AST.AST => {
  const inner = unwrapDeclaration(ast)
  if (inner._tag === "Transformation" || inner._tag === "Refinement") return wireOf(inner.from)
  return inner
}

const isOpaque = (ast: AST.AST) => unwrapDeclaration(ast)._tag === "Declaration"

// The keywords as Schema declares them: their description ("a string") says nothing a flag's kind does
// not. A keyword annotated by the contract (`Schema.String.annotations({ description })`) is a new node.
const bareKeywords: ReadonlySet<AST.AST> = new Set<AST.AST>([
  AST.stringKeyword,
  AST.numberKeyword,
  AST.booleanKeyword,
  AST.bigIntKeyword,
  AST.unknownKeyword,
  AST.anyKeyword,
  AST.objectKeyword
])

const descriptionOf = (annotated: AST.Annotated, type: AST.AST): string | undefined =>
  Option.getOrUndefined(
    Option.orElse(
      AST.getDescriptionAnnotation(annotated),
      () => (bareKeywords.has(type) ? Option.none() : AST.getDescriptionAnnotation(type))
    )
  )

/**
 * The fields of a struct schema under their model names, each with the schema that decodes its wire
 * value. A struct with renamed keys (`account_id` → `accountId`) is a transformation between two
 * structs: the names come from its type side, the schemas from its wire side. `undefined` when the
 * schema is not a struct.
 */
export const structFields = (schema: AST.AST): ReadonlyArray<Field> | undefined => {
  const ast = unwrapDeclaration(schema)
  switch (ast._tag) {
    case "Refinement":
      return structFields(ast.from)
    case "TypeLiteral":
      return ast.propertySignatures.flatMap((ps) =>
        typeof ps.name === "string"
          ? [{ name: ps.name, optional: ps.isOptional, ast: ps.type, description: descriptionOf(ps, ps.type) }]
          : []
      )
    case "Transformation": {
      const from = unwrapDeclaration(ast.from)
      const to = unwrapDeclaration(ast.to)
      if (from._tag !== "TypeLiteral" || to._tag !== "TypeLiteral") {
        return isOpaque(ast.to) ? structFields(ast.from) : structFields(ast.to)
      }
      const renames = ast.transformation._tag === "TypeLiteralTransformation"
        ? new Map(ast.transformation.propertySignatureTransformations.map((t) => [t.to, t.from]))
        : new Map<PropertyKey, PropertyKey>()
      return to.propertySignatures.flatMap((ps) => {
        if (typeof ps.name !== "string") return []
        const wireName = renames.get(ps.name) ?? ps.name
        const wire = from.propertySignatures.find((candidate) => candidate.name === wireName)
        const type = wire?.type ?? ps.type
        return [{
          name: ps.name,
          optional: ps.isOptional,
          ast: type,
          description: descriptionOf(ps, type) ?? (wire === undefined ? undefined : descriptionOf(wire, type))
        }]
      })
    }
    default:
      return undefined
  }
}

/**
 * A request body's fields. A Rails-style wrapped body (`{ "lead": {...} }`, `JsonApi.wrapped`) is a
 * one-key struct on the wire whose model is the inner object: its fields are the inner struct's.
 */
export const payloadFields = (
  schema: AST.AST
): { readonly ast: AST.AST; readonly fields: ReadonlyArray<Field> } | undefined => {
  const ast = unwrapDeclaration(schema)
  if (ast._tag === "Transformation" && isOpaque(ast.to)) {
    const from = unwrapDeclaration(ast.from)
    if (from._tag === "TypeLiteral" && from.propertySignatures.length === 1) {
      const inner = from.propertySignatures[0]!.type
      const fields = structFields(inner)
      if (fields !== undefined) return { ast: inner, fields }
    }
  }
  const fields = structFields(ast)
  return fields === undefined ? undefined : { ast, fields }
}

const kindOfType = (ast: AST.AST): Kind => {
  switch (ast._tag) {
    case "Refinement": {
      const base = kindOfType(ast.from)
      const isInt = AST.getSchemaIdAnnotation(ast).pipe(Option.exists((id) => id === Schema.IntSchemaId))
      return base._tag === "number" && isInt ? { _tag: "integer" } : base
    }
    case "StringKeyword":
    case "TemplateLiteral":
      return { _tag: "text" }
    case "NumberKeyword":
      return { _tag: "number" }
    case "BooleanKeyword":
      return { _tag: "boolean" }
    case "Literal":
      return typeof ast.literal === "string" ? { _tag: "choice", choices: [ast.literal] } : { _tag: "json" }
    case "Enums":
      return { _tag: "choice", choices: ast.enums.map(([, value]) => String(value)) }
    case "Declaration": {
      const constructor = AST.getTypeConstructorAnnotation(ast).pipe(Option.map((c) => c._tag), Option.getOrUndefined)
      // A secret (`Schema.Redacted(String)`) is typed as text; its schema wraps it again.
      return constructor === "Date"
        ? { _tag: "timestamp" }
        : constructor === "effect/Redacted"
        ? { _tag: "text" }
        : { _tag: "json" }
    }
    case "Suspend":
      return kindOfType(ast.f())
    case "Union": {
      // `null` and `undefined` members only say a value may be absent.
      const present = ast.types.filter((t) =>
        !(t._tag === "UndefinedKeyword" || (t._tag === "Literal" && t.literal === null))
      )
      const kinds = present.map(kindOfType)
      if (kinds.every((k) => k._tag === "choice")) {
        return { _tag: "choice", choices: kinds.flatMap((k) => (k._tag === "choice" ? k.choices : [])) }
      }
      const first = kinds[0]
      return first !== undefined && kinds.every((k) => k._tag === first._tag) ? first : { _tag: "json" }
    }
    default:
      return { _tag: "json" }
  }
}

/** The kind of value a field holds, read from its model side. */
export const kindOf = (ast: AST.AST): Kind => kindOfType(AST.typeAST(ast))

/** Bounds a field's refinements declare (`0 to 100`, `>= 0`), for its help. */
export const rangeOf = (ast: AST.AST): string | undefined => {
  const bounds: { min?: number; max?: number; exclusiveMin?: number; exclusiveMax?: number } = {}
  const visit = (node: AST.AST): void => {
    if (node._tag === "Transformation") return visit(node.to)
    if (node._tag !== "Refinement") return
    const json = AST.getJSONSchemaAnnotation(node)
    if (Option.isSome(json)) {
      const j = json.value as Record<string, unknown>
      if (typeof j.minimum === "number") bounds.min = Math.max(j.minimum, bounds.min ?? -Infinity)
      if (typeof j.maximum === "number") bounds.max = Math.min(j.maximum, bounds.max ?? Infinity)
      if (typeof j.exclusiveMinimum === "number") bounds.exclusiveMin = j.exclusiveMinimum
      if (typeof j.exclusiveMaximum === "number") bounds.exclusiveMax = j.exclusiveMaximum
    }
    visit(node.from)
  }
  visit(unwrapDeclaration(ast))
  const { exclusiveMax, exclusiveMin, max, min } = bounds
  if (min !== undefined && max !== undefined) return `${min} to ${max}`
  const parts = [
    min !== undefined ? `>= ${min}` : exclusiveMin !== undefined ? `> ${exclusiveMin}` : undefined,
    max !== undefined ? `<= ${max}` : exclusiveMax !== undefined ? `< ${exclusiveMax}` : undefined
  ].filter((part) => part !== undefined)
  return parts.length === 0 ? undefined : parts.join(", ")
}

/** What an endpoint answers with, as the CLI prints it. */
export type Success =
  | { readonly _tag: "page"; readonly model: Model }
  | { readonly _tag: "collection"; readonly model: Model }
  | { readonly _tag: "record"; readonly model: Model | undefined }
  | { readonly _tag: "none" }

/** The model of a record: its fields, the columns a table of it shows, and the noun for one. */
export interface Model {
  readonly fields: ReadonlyArray<Field>
  readonly columns: ReadonlyArray<Field>
  readonly noun: string | undefined
}

const isScalar = (field: Field) => kindOf(field.ast)._tag !== "json"

const modelOf = (ast: AST.AST, noun: string | undefined): Model | undefined => {
  const fields = structFields(ast)
  if (fields === undefined) return undefined
  const annotated = unwrapDeclaration(ast)
  const picked = (annotated.annotations[Contract.TableColumns] ??
    (annotated._tag === "Transformation" ? annotated.to.annotations[Contract.TableColumns] : undefined)) as
      | ReadonlyArray<string>
      | undefined
  const columns = picked === undefined
    ? fields.filter(isScalar)
    : picked.flatMap((name) => fields.filter((field) => field.name === name))
  return { fields, columns, noun }
}

/** A JSON:API resource (`{ id, type, attributes }`) → its attributes' model, named by its `type`. */
const resourceModel = (ast: AST.AST): Model | undefined => {
  const wire = wireOf(ast)
  if (wire._tag !== "TypeLiteral") return modelOf(ast, undefined)
  const attributes = wire.propertySignatures.find((ps) => ps.name === "attributes")
  if (attributes === undefined) return modelOf(ast, undefined)
  const type = wire.propertySignatures.find((ps) => ps.name === "type")?.type
  const noun = type?._tag === "Literal" && typeof type.literal === "string" ? type.literal : undefined
  return modelOf(attributes.type, noun)
}

const elementOf = (ast: AST.AST): AST.AST | undefined => {
  const wire = wireOf(ast)
  return wire._tag === "TupleType" && wire.elements.length === 0 && wire.rest.length === 1
    ? wire.rest[0]!.type
    : undefined
}

/** The shape of an endpoint's success: a page of a listing, a plain list, one record, or nothing. */
export const successOf = (schema: AST.AST): Success => {
  const ast = unwrapDeclaration(schema)
  if (ast._tag === "VoidKeyword" || ast._tag === "UndefinedKeyword") return { _tag: "none" }
  if (ast._tag === "Union") {
    const member = ast.types.find((t) => successOf(t)._tag !== "none")
    return member === undefined ? { _tag: "none" } : successOf(member)
  }
  const wire = wireOf(ast)
  if (wire._tag === "TypeLiteral") {
    const data = wire.propertySignatures.find((ps) => ps.name === "data")
    if (data !== undefined) {
      const element = elementOf(data.type)
      const hasMeta = wire.propertySignatures.some((ps) => ps.name === "meta")
      if (element !== undefined) {
        const model = resourceModel(element)
        if (model !== undefined) return hasMeta ? { _tag: "page", model } : { _tag: "collection", model }
      }
      if (!hasMeta) return { _tag: "record", model: resourceModel(data.type) }
    }
  }
  const element = elementOf(ast)
  if (element !== undefined) {
    const model = modelOf(element, undefined)
    if (model !== undefined) return { _tag: "collection", model }
  }
  return { _tag: "record", model: modelOf(ast, undefined) }
}
