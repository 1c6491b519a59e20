/**
 * The input check of a request, derived from an endpoint's schemas: path, URL parameters and payload,
 * each against its type side, every problem listed, unknown keys refused. Compiled once per endpoint
 * (the derived client and the CLI share it).
 */
import type * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { isFormData } from "./formData.js"

/** One problem of an input: where (`name`, `tags[0]`, `""` for the input itself) and what. */
export interface Issue {
  readonly path: string
  readonly message: string
}

/**
 * The model a caller passes for a payload whose wire form wraps it (`JsonApi.wrapped`: `{ "lead": {...} }`
 * on the wire, the lead's request model in code). Set on the wrapping schema.
 */
export const RequestModelId: unique symbol = Symbol.for("@blocks-crm/core-http/RequestModel")

export const renderPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out === "" ? String(key) : `${out}.${String(key)}`),
    ""
  )

const isPlainObject = (input: unknown): input is Record<string, unknown> => {
  if (typeof input !== "object" || input === null) return false
  const proto = Object.getPrototypeOf(input)
  return proto === Object.prototype || proto === null
}

/**
 * Properties set to `undefined` count as not given (an object's own keys; a class instance, bytes or
 * form data are left as they are). Returns the input itself when it has none.
 */
export const withoutUndefined = (input: unknown): unknown => {
  if (!isPlainObject(input)) return input
  for (const key in input) {
    if (input[key] === undefined) {
      return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))
    }
  }
  return input
}

/**
 * One issue per field: a value outside an enum fails once per member ("Expected "new", actual "won"");
 * those become `Expected one of "new" | "contacted", actual "won"`.
 */
const mergeByPath = (issues: ReadonlyArray<Issue>): ReadonlyArray<Issue> => {
  const byPath = new Map<string, Array<string>>()
  for (const issue of issues) {
    const messages = byPath.get(issue.path) ?? []
    if (!messages.includes(issue.message)) messages.push(issue.message)
    byPath.set(issue.path, messages)
  }
  return [...byPath].map(([path, messages]) => {
    const alternatives = messages.map((m) => /^Expected (.+), actual (.+)$/s.exec(m))
    if (messages.length > 1 && alternatives.every((m) => m !== null)) {
      const expected = alternatives.map((m) => m![1]).join(" | ")
      return { path, message: `Expected one of ${expected}, actual ${alternatives[0]![2]}` }
    }
    return { path, message: messages.join("; ") }
  })
}

const camelCase = (key: string): string => key.replace(/_+([a-z0-9])/g, (_, c: string) => c.toUpperCase())

/**
 * The message for a key the schema does not know. The SDK takes camelCase, so a snake_case key that
 * spells a known one (the wire's `account_id` for `accountId`) says which; any other names the keys it takes.
 * Effect reports the keys a struct takes as `is unexpected, expected: "a" | "b"`.
 */
const unknownKeyMessage = (key: PropertyKey | undefined, effectMessage: string): string => {
  if (typeof key === "number") return "unexpected element"
  const known = /expected: (.*)$/s.exec(effectMessage)?.[1]?.split(" | ").map((k) => {
    try {
      return String(JSON.parse(k))
    } catch {
      return k
    }
  }) ?? []
  if (typeof key === "string" && known.includes(camelCase(key)) && camelCase(key) !== key) {
    return `unknown key: the SDK takes camelCase, use ${camelCase(key)}`
  }
  return known.length === 0 ? "unknown key" : `unknown key (known: ${known.join(", ")})`
}

/** The issues of a failed check, as `InvalidInput` lists them. */
export const issuesOf = (error: ParseResult.ParseError): ReadonlyArray<Issue> =>
  mergeByPath(
    ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => ({
      path: renderPath(issue.path),
      message: issue._tag === "Unexpected" ? unknownKeyMessage(issue.path.at(-1), issue.message) : issue.message
    }))
  )

/** Checks a value against a schema's type side: every problem, unknown keys refused. */
export const validatorOf = <A, I>(schema: Schema.Schema<A, I>) =>
  Schema.validateEither(Schema.typeSchema(schema), { errors: "all", onExcessProperty: "error" })

type Check = (input: unknown) => ReadonlyArray<Issue> | undefined

const checkOf = (schema: Schema.Schema.Any): Check => {
  const validate = validatorOf(schema as Schema.Schema<unknown, unknown>)
  return (input) => {
    const result = validate(withoutUndefined(input))
    return result._tag === "Right" ? undefined : issuesOf(result.left)
  }
}

/**
 * The path's check. A path of one parameter is the method's one id argument (`get(uniqueId)`,
 * `listForAccount(accountId, ...)`), so its problems are the input's own (`(input): must be ...`); with
 * several, each is named (`followId: must be ...`).
 */
const pathCheckOf = (schema: Schema.Schema.Any): Check => {
  const ast = AST.typeAST(schema.ast)
  if (ast._tag === "TypeLiteral" && ast.propertySignatures.length === 1 && ast.indexSignatures.length === 0) {
    const { name, type } = ast.propertySignatures[0]!
    const one = checkOf(Schema.make(type))
    return (path) =>
      one(typeof path === "object" && path !== null ? (path as Record<PropertyKey, unknown>)[name] : undefined)
  }
  return checkOf(schema)
}

/** The model a caller passes for a payload: the wrapped one for a Rails-style body, else its type side. */
const payloadModelOf = (schema: Schema.Schema.Any): Schema.Schema.Any =>
  Option.getOrElse(
    AST.getAnnotation<Schema.Schema.Any>(schema.ast, RequestModelId),
    () => schema
  )

/** A request as the derived client takes it. */
export interface EndpointRequest {
  readonly path?: unknown
  readonly urlParams?: unknown
  readonly payload?: unknown
  readonly headers?: unknown
}

/**
 * The problems of a request's first part that has any (path, then URL parameters, then payload), or
 * `undefined` when it is valid. Headers are the SDK's own (signatures), not a caller's input.
 */
export type RequestCheck = (request: EndpointRequest) => ReadonlyArray<Issue> | undefined

const compile = (endpoint: HttpApiEndpoint.HttpApiEndpoint.AnyWithProps): RequestCheck => {
  const path = Option.getOrUndefined(Option.map(endpoint.pathSchema, pathCheckOf))
  const urlParams = Option.getOrUndefined(Option.map(endpoint.urlParamsSchema, checkOf))
  const payload = Option.getOrUndefined(Option.map(endpoint.payloadSchema, (s) => checkOf(payloadModelOf(s))))
  return (request) =>
    path?.(request.path) ??
      urlParams?.(request.urlParams ?? {}) ??
      // A multipart body is built by the SDK from checked inputs.
      (isFormData(request.payload) ? undefined : payload?.(request.payload))
}

const compiled = new WeakMap<object, RequestCheck>()

/** The endpoint's check, compiled on first use and kept for the endpoint's lifetime. */
export const requestCheckOf = (endpoint: HttpApiEndpoint.HttpApiEndpoint.AnyWithProps): RequestCheck => {
  let check = compiled.get(endpoint)
  if (check === undefined) {
    check = compile(endpoint)
    compiled.set(endpoint, check)
  }
  return check
}
