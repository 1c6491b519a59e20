/**
 * A server that answers like a newer version of the API would, derived from a contract: every GET
 * endpoint of an `HttpApi` answers its declared success with a body that is valid for the contract
 * (generated from its schemas), then changed the ways an API changes without breaking its clients:
 *
 * - every set of values (an open one, `Fields.openEnum`, and a closed string literal alike, which a
 *   response model must therefore not hold) has a value this SDK does not know, absent optional ones
 *   too; a JSON:API `type` is an identity, not a set, and keeps its value;
 * - every object the contract describes member by member (attributes, nested values, a list's `meta`,
 *   the document itself) has members it does not describe;
 * - every resource has relationships of a type nobody knows, one with `data`, one with only `links`,
 *   one with only `meta`, and `links` and `meta` of its own;
 * - every document has an `included` of an unknown type, and `jsonapi` and `links`.
 *
 * For each endpoint it also says what a client must decode: the valid body with only the unknown
 * values put in, decoded by Effect's parser. Domain packages run it on their own contract, over each
 * transport (`checkEveryGet`).
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { ConfigurationError } from "@blocks-crm/core-http/CrmError"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as NodeTransport from "@blocks-crm/core-http/NodeTransport"
import * as HttpApi from "@effect/platform/HttpApi"
import type * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as Arbitrary from "effect/Arbitrary"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as FastCheck from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import type * as Scope from "effect/Scope"
import * as LoopbackServer from "./LoopbackServer.js"

// ---------------------------------------------------------------------------------------------
// Valid wire values, from a schema
// ---------------------------------------------------------------------------------------------

/** Deterministic seeds for `FastCheck.sample`, so a failure replays. */
const seeds = (start: number) => {
  let seed = start
  return () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) | 0)
}
type Seeds = ReturnType<typeof seeds>

const arbitraries = new WeakMap<AST.AST, FastCheck.Arbitrary<unknown>>()
const arbitraryOf = (ast: AST.AST): FastCheck.Arbitrary<unknown> => {
  let arbitrary = arbitraries.get(ast)
  if (arbitrary === undefined) {
    arbitrary = Arbitrary.make(Schema.typeSchema(Schema.make(ast)))
    arbitraries.set(ast, arbitrary)
  }
  return arbitrary
}

const isNullish = (ast: AST.AST) => (AST.isLiteral(ast) && ast.literal === null) || AST.isUndefinedKeyword(ast)

/** Whether the wire side of `ast` is an object described member by member (or a wrapper of one). */
const isStructured = (ast: AST.AST): boolean => {
  switch (ast._tag) {
    case "TypeLiteral":
    case "TupleType":
      return true
    case "Union":
      return ast.types.some(isStructured)
    case "Refinement":
    case "Transformation":
      return isStructured(ast.from)
    case "Declaration":
      return Option.isSome(AST.getSurrogateAnnotation(ast))
    default:
      return false
  }
}

const attempts = 200

/**
 * A wire value valid for `ast`, with every optional member present (and not null) and two items in
 * every array, so that every field is exercised. Structures are built member by member; anything else
 * is an `Arbitrary` value of its type side, encoded. Each candidate is checked by decoding it.
 */
const wireValue = (ast: AST.AST, next: Seeds): unknown => {
  const decode = ParseResult.decodeUnknownEither(Schema.make(ast))
  let lastProblem: unknown = undefined
  for (let attempt = 0; attempt < attempts; attempt++) {
    let candidate: unknown
    try {
      candidate = build(ast, next)
    } catch (problem) {
      lastProblem = problem
      continue
    }
    const decoded = decode(candidate)
    if (Either.isRight(decoded)) return candidate
    lastProblem = decoded.left
  }
  throw new Error(`No valid value for ${String(ast)} in ${attempts} attempts: ${String(lastProblem)}`)
}

const build = (ast: AST.AST, next: Seeds): unknown => {
  // `X | null` (an optional attribute): X, so that the attribute is exercised.
  if (AST.isUnion(ast) && ast.types.some(isNullish)) {
    const members = ast.types.filter((member) => !isNullish(member))
    return wireValue(members[Math.abs(next()) % members.length]!, next)
  }
  if (!isStructured(ast)) return leaf(ast, next)
  switch (ast._tag) {
    case "Declaration":
      return wireValue(Option.getOrThrow(AST.getSurrogateAnnotation(ast)), next)
    case "Refinement":
    case "Transformation":
      return wireValue(ast.from, next)
    case "Union": {
      const members = ast.types.filter((member) => !isNullish(member))
      return wireValue(members[Math.abs(next()) % members.length]!, next)
    }
    case "TupleType": {
      const rest = ast.rest[0]?.type
      return [
        ...ast.elements.map((element) => wireValue(element.type, next)),
        ...(rest === undefined ? [] : [wireValue(rest, next), wireValue(rest, next)])
      ]
    }
    case "TypeLiteral": {
      const out: Record<string, unknown> = {}
      for (const ps of ast.propertySignatures) out[ps.name as string] = wireValue(ps.type, next)
      for (const is of ast.indexSignatures) {
        if (AST.isStringKeyword(is.parameter)) out[`key_${Math.abs(next()) % 100}`] = wireValue(is.type, next)
      }
      return out
    }
    default:
      return leaf(ast, next)
  }
}

/** An `Arbitrary` value of the type side, encoded to the wire. */
const leaf = (ast: AST.AST, next: Seeds): unknown => {
  const [value] = FastCheck.sample(arbitraryOf(ast), { numRuns: 1, seed: next() })
  return Schema.encodeUnknownSync(Schema.make(ast))(value)
}

/**
 * A body valid for `schema` (its wire side), every optional member present and every array with two
 * items. Deterministic for a given `seed`.
 */
export const validBody = (schema: Schema.Schema.Any, seed = 26): unknown => wireValue(schema.ast, seeds(seed))

// ---------------------------------------------------------------------------------------------
// The newer API's changes
// ---------------------------------------------------------------------------------------------

/**
 * The values of a set a newer API may grow, when `ast` is one: an open set (`Fields.openEnum`), or a
 * closed one, a string literal or a union of them, which a newer API extends all the same (and which a
 * response model therefore must not hold: the suite then fails). A JSON:API resource's `type` is not
 * one (see `change`).
 */
const knownValues = (ast: AST.AST): ReadonlyArray<string> | undefined => {
  const open = ast.annotations[Fields.KnownValues] as ReadonlyArray<string> | undefined
  if (open !== undefined) return open
  if (AST.isLiteral(ast)) return typeof ast.literal === "string" ? [ast.literal] : undefined
  if (AST.isUnion(ast) && ast.types.every((m) => AST.isLiteral(m) && typeof m.literal === "string")) {
    return ast.types.map((m) => (m as AST.Literal).literal as string)
  }
  return undefined
}

/** The set inside `ast` (itself, or a member of `X | null`), if any. */
const valueSetIn = (ast: AST.AST): AST.AST | undefined =>
  knownValues(ast) !== undefined
    ? ast
    : AST.isUnion(ast)
    ? ast.types.find((m) => knownValues(m) !== undefined)
    : undefined

/** A JSON:API resource object (or a verdict, which has no id): its `type` says what it is, it is no set. */
const hasIdentity = (ast: AST.TypeLiteral) =>
  ast.propertySignatures.some((ps) => ps.name === "type") &&
  ast.propertySignatures.some((ps) => ps.name === "attributes")

/** Whether `ast` (a wire schema) holds a set of values anywhere: the answers that must carry unknown values. */
export const hasValueSet = (ast: AST.AST): boolean => {
  switch (ast._tag) {
    case "Declaration": {
      const surrogate = AST.getSurrogateAnnotation(ast)
      return Option.isSome(surrogate) && hasValueSet(surrogate.value)
    }
    case "Refinement":
      return hasValueSet(ast.from)
    case "Transformation":
      return knownValues(ast) !== undefined || hasValueSet(ast.from)
    case "Union":
      return knownValues(ast) !== undefined || ast.types.some(hasValueSet)
    case "TupleType":
      return ast.elements.some((e) => hasValueSet(e.type)) || ast.rest.some((r) => hasValueSet(r.type))
    case "TypeLiteral":
      return ast.propertySignatures.some((ps) => !(ps.name === "type" && hasIdentity(ast)) && hasValueSet(ps.type)) ||
        ast.indexSignatures.some((is) => hasValueSet(is.type))
    default:
      return knownValues(ast) !== undefined
  }
}

/** What a newer API put in: the values this SDK does not know, in the order they were written. */
interface Changes {
  readonly unknownValues: Array<string>
}

const accepts = (ast: AST.AST, value: unknown) =>
  Either.isRight(ParseResult.decodeUnknownEither(Schema.make(ast))(value))

/**
 * `value` (valid for `ast`) with a value it does not know in every set of values, absent optional
 * ones included. When `additions` is set, objects also get members they do not describe.
 */
const change = (ast: AST.AST, value: unknown, changes: Changes, additions: boolean): unknown => {
  if (knownValues(ast) !== undefined && typeof value === "string") {
    const unknown = `newer_${value}_${changes.unknownValues.length + 1}`
    changes.unknownValues.push(unknown)
    return unknown
  }
  switch (ast._tag) {
    case "Declaration": {
      const surrogate = AST.getSurrogateAnnotation(ast)
      return Option.isSome(surrogate) ? change(surrogate.value, value, changes, additions) : value
    }
    case "Refinement":
    case "Transformation":
      return change(ast.from, value, changes, additions)
    case "Union": {
      const member = ast.types.find((m) => accepts(m, value))
      return member === undefined ? value : change(member, value, changes, additions)
    }
    case "TupleType": {
      const rest = ast.rest[0]?.type
      if (!Array.isArray(value) || rest === undefined || ast.elements.length > 0) return value
      return value.map((item) => change(rest, item, changes, additions))
    }
    case "TypeLiteral": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return value
      const out: Record<string, unknown> = { ...value }
      for (const ps of ast.propertySignatures) {
        const key = ps.name as string
        if (key === "type" && hasIdentity(ast)) continue
        const set = valueSetIn(ps.type)
        if ((out[key] === undefined || out[key] === null) && set !== undefined) {
          out[key] = change(set, knownValues(set)![0], changes, additions)
        } else if (key in out) {
          out[key] = change(ps.type, out[key], changes, additions)
        }
      }
      if (!additions || ast.indexSignatures.length > 0) return out
      // Members it declares (a list's `meta`) are the contract's, and keep their values.
      const declared = new Set(ast.propertySignatures.map((ps) => ps.name))
      return { ...out, ...Object.fromEntries(Object.entries(unknownMembers(ast)).filter(([k]) => !declared.has(k))) }
    }
    default:
      return value
  }
}

const isResource = (ast: AST.TypeLiteral) =>
  ["id", "type", "attributes"].every((name) => ast.propertySignatures.some((ps) => ps.name === name))

const isDocument = (ast: AST.TypeLiteral) => ast.propertySignatures.some((ps) => ps.name === "data")

/** Members a newer API added to an object `ast` describes. */
const unknownMembers = (ast: AST.TypeLiteral): Record<string, unknown> => {
  const added: Record<string, unknown> = {
    newer_member: { added_in: "v2", values: [1, "two", null, { deep: true }] }
  }
  if (isResource(ast)) {
    added["links"] = { self: "https://api.example.test/v2/records/1" }
    added["meta"] = { revision: 7 }
  }
  if (isDocument(ast)) {
    added["meta"] = { request_id: "newer-request", newer_member: true }
    added["jsonapi"] = { version: "1.1" }
    added["links"] = { self: "https://api.example.test/v2/records" }
    added["included"] = [
      {
        id: "newer-1",
        type: "newer_type",
        attributes: { name: "from a newer API", newer_member: true },
        relationships: { owner: { data: { id: "u1", type: "newer_user" } } }
      }
    ]
  }
  return added
}

/** Relationships a newer API added to every resource, merged over the ones the body has. */
const addRelationships = (ast: AST.AST, value: unknown): unknown => {
  switch (ast._tag) {
    case "Declaration": {
      const surrogate = AST.getSurrogateAnnotation(ast)
      return Option.isSome(surrogate) ? addRelationships(surrogate.value, value) : value
    }
    case "Refinement":
    case "Transformation":
      return addRelationships(ast.from, value)
    case "Union": {
      const member = ast.types.find((m) => accepts(m, value))
      return member === undefined ? value : addRelationships(member, value)
    }
    case "TupleType": {
      const rest = ast.rest[0]?.type
      return Array.isArray(value) && rest !== undefined ? value.map((item) => addRelationships(rest, item)) : value
    }
    case "TypeLiteral": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return value
      const out: Record<string, unknown> = { ...value }
      if (isResource(ast)) {
        out["relationships"] = {
          ...(out["relationships"] as object | undefined),
          newer_relation: { data: { id: "newer-1", type: "newer_type" }, meta: { since: "v2" } },
          newer_links_only: { links: { related: "https://api.example.test/v2/records/1/newer" } },
          newer_meta_only: { meta: { count: 3 } }
        }
      }
      // Resources sit in `data` (a document's) only; attributes are never searched.
      const data = ast.propertySignatures.find((ps) => ps.name === "data")
      if (data !== undefined && "data" in out) out["data"] = addRelationships(data.type, out["data"])
      return out
    }
    default:
      return value
  }
}

/** What a newer API answers instead of `valid`, and what a client should decode it to. */
export interface NewerBody {
  /** Every change at once: unknown values, members, relationships, included resources. */
  readonly body: unknown
  /** `valid` with only the unknown values put in: the same model, minus nothing. */
  readonly withUnknownValues: unknown
  /** The values a client must keep as sent. */
  readonly unknownValues: ReadonlyArray<string>
}

/** The newer API's answer in place of `valid`, a body valid for `schema`. */
export const newerBody = (schema: Schema.Schema.Any, valid: unknown): NewerBody => {
  const values: Changes = { unknownValues: [] }
  const withUnknownValues = change(schema.ast, valid, values, false)
  const body = addRelationships(schema.ast, change(schema.ast, valid, { unknownValues: [] }, true))
  return { body, withUnknownValues, unknownValues: values.unknownValues }
}

// ---------------------------------------------------------------------------------------------
// A server answering a contract's GET endpoints
// ---------------------------------------------------------------------------------------------

/** One GET endpoint as the newer API answers it. */
export interface NewerApiEndpoint {
  /** `group.endpoint`, as the contract names them. */
  readonly name: string
  readonly group: HttpApiGroup.HttpApiGroup.AnyWithProps
  readonly endpoint: string
  readonly path: string
  readonly status: number
  /** The success schema the contract declares for it. */
  readonly schema: Schema.Schema<unknown, unknown>
  /** A request the derived client takes: path and URL parameters its schemas accept. */
  readonly request: { readonly path?: unknown; readonly urlParams?: unknown }
  /** What the server sends (JSON). */
  readonly body: unknown
  /**
   * What the call must decode to: Effect's parser on the valid body with the unknown values in (a
   * failure, when the contract's model refuses a value a newer API may send).
   */
  readonly expected: Either.Either<unknown, string>
  readonly unknownValues: ReadonlyArray<string>
}

/** A value of a request schema's type side (what the derived client takes), with every member present. */
const requestValue = (ast: AST.AST, next: Seeds): unknown => {
  const decode = ParseResult.decodeUnknownEither(Schema.make(ast))
  for (let attempt = 0; attempt < attempts; attempt++) {
    const wire = build(ast, next)
    // Path parameters are ids: a plain one reads better in a failure than a random string.
    const plain = AST.isTypeLiteral(ast)
      ? { ...(wire as object), ...Object.fromEntries(ast.propertySignatures.map((ps) => [ps.name, `id-${attempt}`])) }
      : wire
    for (const candidate of [plain, wire]) {
      const decoded = decode(candidate)
      if (Either.isRight(decoded)) return decoded.right
    }
  }
  throw new Error(`No valid request value for ${String(ast)}`)
}

/** Every GET endpoint of `api` with a JSON success, as the newer API answers it. */
export const endpointsOf = (api: HttpApi.HttpApi.Any, seed = 26): ReadonlyArray<NewerApiEndpoint> => {
  const next = seeds(seed)
  const out: Array<NewerApiEndpoint> = []
  HttpApi.reflect(api as unknown as HttpApi.HttpApi.AnyWithProps, {
    onGroup() {},
    onEndpoint({ endpoint, group, successes }) {
      if (endpoint.method !== "GET") return
      for (const [status, success] of successes) {
        if (Option.isNone(success.ast) || HttpApiSchema.getEncoding(success.ast.value).kind !== "Json") continue
        const schema = Schema.make<unknown, unknown, never>(success.ast.value)
        // As JSON carries it (an `Arbitrary` unknown may hold `undefined`, which JSON writes as null or leaves out).
        const valid = JSON.parse(JSON.stringify(wireValue(schema.ast, next)))
        const { body, unknownValues, withUnknownValues } = newerBody(schema, valid)
        const decodeWithParser = ParseResult.decodeUnknownEither(schema, { propertyOrder: "original" })
        out.push({
          name: `${group.identifier}.${endpoint.name}`,
          group,
          endpoint: endpoint.name,
          path: endpoint.path,
          status,
          schema,
          request: {
            ...(Option.isSome(endpoint.pathSchema) ? { path: requestValue(endpoint.pathSchema.value.ast, next) } : {}),
            ...(Option.isSome(endpoint.urlParamsSchema)
              ? { urlParams: requestValue(endpoint.urlParamsSchema.value.ast, next) }
              : {})
          },
          body,
          expected: Either.mapLeft(
            decodeWithParser(withUnknownValues),
            (issue) => ParseResult.TreeFormatter.formatIssueSync(issue)
          ),
          unknownValues
        })
        break
      }
    }
  })
  return out
}

/** `/leads/:uniqueId` as a test of a request's path; more literal segments win over parameters. */
const pathMatcher = (path: string) => {
  const segments = path.split("/")
  const pattern = new RegExp(
    `^${segments.map((s) => (s.startsWith(":") ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/")}$`
  )
  return {
    test: (pathname: string) => pattern.test(pathname),
    literals: segments.filter((s) => !s.startsWith(":")).length
  }
}

/** A loopback server answering every GET endpoint of a contract as a newer API would. */
export interface NewerApiServer extends LoopbackServer.LoopbackServer {
  readonly endpoints: ReadonlyArray<NewerApiEndpoint>
}

/**
 * A loopback server (real HTTP) for the current scope that answers each GET endpoint of `api` with
 * its newer body; anything else gets 501.
 */
export const serve = (api: HttpApi.HttpApi.Any, seed = 26): Effect.Effect<NewerApiServer, never, Scope.Scope> =>
  Effect.map(LoopbackServer.make, (server) => {
    const endpoints = endpointsOf(api, seed)
    const routes = endpoints.map((endpoint) => ({ endpoint, ...pathMatcher(endpoint.path) }))
    server.answer((request) => {
      const route = routes
        .filter((r) => request.method === "GET" && r.test(request.pathname))
        .sort((a, b) => b.literals - a.literals)[0]
      return route === undefined
        ? {
          status: 501,
          body: { errors: [{ status: "501", title: `No answer for ${request.method} ${request.url}` }] }
        }
        : { status: route.endpoint.status, body: route.endpoint.body }
    })
    return { ...server, endpoints }
  })

// ---------------------------------------------------------------------------------------------
// Calling every GET endpoint, on each transport
// ---------------------------------------------------------------------------------------------

/** A transport layer pointed at a server. */
export type TransportFor = (apiUrl: string) => Layer.Layer<CrmTransport.CrmTransport, ConfigurationError>

const settings = (apiUrl: string) => ({
  apiUrl,
  authToken: "tok_newer_api",
  apiKey: "key_newer_api",
  timeout: Duration.seconds(10),
  retry: { times: 0 }
})

/** Both transports: fetch (`CrmTransport.layerFetch`) and undici (`NodeTransport.layer`). */
export const transports: ReadonlyArray<readonly [name: string, layer: TransportFor]> = [
  ["CrmTransport.layerFetch", (apiUrl) => CrmTransport.layerFetch(settings(apiUrl))],
  ["NodeTransport.layer", (apiUrl) => NodeTransport.layer(settings(apiUrl))]
]

/** What one call answered. */
export interface CallResult {
  readonly endpoint: NewerApiEndpoint
  /** The decoded success, or the error's tag and message. */
  readonly result: Either.Either<unknown, string>
  /** The path of the request the server received. */
  readonly pathname: string | undefined
}

/**
 * Calls every GET endpoint of `api` through the client derived from its group (`ApiClient.group`, the
 * client each service is made of), over `transport`, against a newer API's server.
 */
export const callEveryGet = (
  api: HttpApi.HttpApi.Any,
  transport: TransportFor
): Effect.Effect<ReadonlyArray<CallResult>, ConfigurationError, Scope.Scope> =>
  Effect.gen(function*() {
    const server = yield* serve(api)
    const context = yield* Layer.build(transport(server.url))
    const results: Array<CallResult> = []
    for (const endpoint of server.endpoints) {
      const client = (yield* Effect.provide(ApiClient.group(endpoint.group), context)) as Record<
        string,
        (request: unknown) => Effect.Effect<unknown, { readonly _tag: string; readonly message: string }>
      >
      const before = server.requests.length
      const result = yield* Effect.either(
        Effect.mapError(client[endpoint.endpoint]!(endpoint.request), (error) => `${error._tag}: ${error.message}`)
      )
      results.push({ endpoint, result, pathname: server.requests[before]?.pathname })
    }
    return results
  })

/** Every string in `value`, however deep (what a decoded model kept). */
export const stringsIn = (value: unknown): ReadonlySet<string> => {
  const out = new Set<string>()
  const walk = (v: unknown): void => {
    if (typeof v === "string") out.add(v)
    else if (Array.isArray(v)) v.forEach(walk)
    else if (typeof v === "object" && v !== null && !(v instanceof Date)) Object.values(v).forEach(walk)
  }
  walk(value)
  return out
}

/** The endpoint type the contract reflects, for callers that need it. */
export type Endpoint = HttpApiEndpoint.HttpApiEndpoint.AnyWithProps
