/**
 * Derives a domain's client from its contract. Each endpoint of an `HttpApiGroup` becomes a function
 * that runs on the shared transport and fails only with `ApiError`: undeclared statuses, non-JSON
 * bodies and bodies that do not match the schema all become `UnexpectedResponse`, naming the path.
 *
 * @since 0.1.0
 */
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiClient from "@effect/platform/HttpApiClient"
import type * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { Simplify } from "effect/Types"
import { excerpt, InvalidInput, isApiError, UnexpectedResponse } from "./CrmError.js"
import type { ApiError } from "./CrmError.js"
import { CrmTransport, currentExchangeSink } from "./CrmTransport.js"
import type { Exchange } from "./CrmTransport.js"
import { scrubError } from "./internal/redact.js"

/**
 * One derived endpoint: its request (path, urlParams, payload) in, its success model out.
 *
 * @since 0.1.0
 */
export type EndpointClient<Endpoint> = Endpoint extends HttpApiEndpoint.HttpApiEndpoint<
  infer _Name,
  infer _Method,
  infer _Path,
  infer _UrlParams,
  infer _Payload,
  infer _Headers,
  infer _Success,
  infer _Error,
  infer _R,
  infer _RE
> ? (
    request: Simplify<HttpApiEndpoint.HttpApiEndpoint.ClientRequest<_Path, _UrlParams, _Payload, _Headers, false>>
  ) => Effect.Effect<_Success, ApiError>
  : never

/**
 * The derived client of one group: a function per endpoint, named as the contract names it.
 *
 * @since 0.1.0
 */
export type GroupClient<Group extends HttpApiGroup.HttpApiGroup.Any> = Group extends
  HttpApiGroup.HttpApiGroup<infer _Name, infer Endpoints, infer _E, infer _R, infer _TopLevel> ? {
    readonly [Endpoint in Endpoints as HttpApiEndpoint.HttpApiEndpoint.Name<Endpoint>]: EndpointClient<Endpoint>
  }
  : never

const renderPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out === "" ? String(key) : `${out}.${String(key)}`),
    ""
  )

const firstIssue = (error: ParseResult.ParseError) => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  return issues[0]
}

const isJsonText = (text: string): boolean => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** Why decoding (or reporting) a body threw instead of failing. */
const undecodable = (cause: unknown): string =>
  cause instanceof RangeError && /call stack/i.test(cause.message)
    ? "a value in the body is nested too deeply to decode"
    : `the body could not be decoded (${cause instanceof Error ? cause.message : "unknown failure"})`

const toApiError = (error: unknown, exchange: Exchange | undefined, defect = false): ApiError => {
  if (isApiError(error)) return error
  const body = exchange?.body ?? ""
  // A body that is not JSON at all fails at the parse (an issue with no path): report what came instead.
  const isJson = exchange === undefined || isJsonText(body)
  let issue: ReturnType<typeof firstIssue> | undefined
  let reason: string
  try {
    issue = !defect && isJson && ParseResult.isParseError(error) ? firstIssue(error) : undefined
    reason = issue !== undefined
      ? issue.message
      : !isJson
      ? `expected JSON, got ${exchange?.contentType ?? "no content type"}`
      : defect
      ? undecodable(error)
      : error instanceof Error
      ? error.message
      : String(error)
  } catch (cause) {
    // Reporting can fail where decoding did not: a value nested thousands deep overflows the formatter.
    issue = undefined
    reason = undecodable(cause)
  }
  const unexpected = new UnexpectedResponse({
    method: exchange?.method ?? "",
    url: exchange?.url ?? "",
    requestId: exchange?.requestId ?? "",
    status: exchange?.status ?? 0,
    contentType: exchange?.contentType,
    bodyExcerpt: excerpt(body),
    path: issue === undefined || issue.path.length === 0 ? undefined : excerpt(renderPath(issue.path)),
    // A mismatch quotes the value it got, which can be the whole body.
    reason: excerpt(reason, 1_000)
  })
  return exchange === undefined ? unexpected : scrubError(unexpected, exchange.scrub)
}

const wrap = (endpointFn: (request: unknown) => Effect.Effect<unknown, unknown>) => (request: unknown) =>
  Effect.suspend(() => {
    let exchange: Exchange | undefined
    return Effect.locally(
      endpointFn(request),
      currentExchangeSink,
      (e) => {
        exchange = e
      }
    ).pipe(
      Effect.mapError((error) => toApiError(error, exchange)),
      // A body can break the decoder itself (a value nested thousands deep overflows the stack). Once a
      // response has arrived, that is the response's fault, reported like any other bad body.
      Effect.catchAllDefect((defect) =>
        exchange === undefined ? Effect.die(defect) : Effect.fail(toApiError(defect, exchange, true))
      )
    )
  })

/**
 * The derived client of one group, on the shared transport. Only that group is reachable from the
 * call, so a service built on it bundles its own schemas and no other resource's.
 *
 * @example
 * ```ts
 * import { ApiClient } from "@blocks-crm/core-http"
 * import { LeadsGroup } from "@blocks-crm/pipeline"
 * import { Effect } from "effect"
 *
 * const lead = Effect.gen(function*() {
 *   const endpoints = yield* ApiClient.group(LeadsGroup)
 *   return yield* endpoints.get({ path: { uniqueId: "lead-1" } })
 * })
 * ```
 *
 * @since 0.2.0
 */
export const group = <Group extends HttpApiGroup.HttpApiGroup.Any>(
  group: Group
): Effect.Effect<GroupClient<Group>, never, CrmTransport> =>
  Effect.gen(function*() {
    const transport = yield* CrmTransport
    const api = HttpApi.make("crm").add(group as unknown as HttpApiGroup.HttpApiGroup.AnyWithProps)
    const derived = yield* (HttpApiClient.group(api, {
      group: group.identifier,
      httpClient: transport.client
    }) as unknown as Effect.Effect<Record<string, (request: unknown) => Effect.Effect<unknown, unknown>>>)
    return Object.fromEntries(Object.entries(derived).map(([key, fn]) => [key, wrap(fn)])) as GroupClient<Group>
  })

const withoutUndefined = (input: unknown): unknown =>
  typeof input === "object" && input !== null && !Array.isArray(input) && !(input instanceof Date)
    ? Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))
    : input

/**
 * One issue per field: a value outside an enum fails once per member ("Expected "new", actual "won"");
 * those become `Expected one of "new" | "contacted", actual "won"`.
 */
const mergeByPath = (
  issues: ReadonlyArray<{ readonly path: string; readonly message: string }>
): ReadonlyArray<{ readonly path: string; readonly message: string }> => {
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

/**
 * Validates an input against its schema before anything is sent. A failure lists every problem with
 * its path, as `InvalidInput`. Properties set to `undefined` count as not given.
 *
 * @example
 * ```ts
 * import { ApiClient } from "@blocks-crm/core-http"
 * import { CreateLeadRequest } from "@blocks-crm/pipeline"
 * import { Effect } from "effect"
 *
 * const checkCreate = ApiClient.validate(CreateLeadRequest, "leads.create")
 * // Fails with InvalidInput: "Invalid input for leads.create: name: must not be blank"
 * Effect.runPromise(Effect.flip(checkCreate({ name: " " }))).then((error) => console.log(error.message))
 * ```
 *
 * @since 0.1.0
 */
export const validate = <A, I>(schema: Schema.Schema<A, I>, operation: string) => {
  const check = Schema.validateEither(Schema.typeSchema(schema), { errors: "all", onExcessProperty: "ignore" })
  return (input: unknown): Effect.Effect<A, InvalidInput> => {
    const result = check(withoutUndefined(input))
    return result._tag === "Right"
      ? Effect.succeed(result.right)
      : Effect.fail(
        new InvalidInput({
          operation,
          issues: mergeByPath(
            ParseResult.ArrayFormatter.formatErrorSync(result.left).map((issue) => ({
              path: renderPath(issue.path),
              message: issue.message
            }))
          )
        })
      )
  }
}
