/**
 * Derives a domain's client from its contract. Each endpoint of an `HttpApiGroup` becomes a function
 * that checks its request against the endpoint's schemas (`InvalidInput`, nothing sent), runs on the
 * shared transport, and otherwise fails only with `ApiError`: undeclared statuses, non-JSON bodies and
 * bodies that do not match the schema all become `UnexpectedResponse`, naming the path.
 *
 * @since 0.1.0
 */
import type * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Schema from "effect/Schema"
import type { Simplify } from "effect/Types"
import { Public } from "./Contract.js"
import { InvalidInput } from "./CrmError.js"
import type { ApiError } from "./CrmError.js"
import { CrmTransport, withCallOptions } from "./CrmTransport.js"
import { endpointClient } from "./internal/endpointClient.js"
import { withUrlParamsSchema } from "./internal/endpointSchemas.js"
import { issuesOf, requestCheckOf, validatorOf, withoutUndefined } from "./internal/requestCheck.js"
import { successesOf } from "./internal/successes.js"
import type { EndpointRequest as CheckedRequest } from "./internal/requestCheck.js"
import { RecordCache, wrapEndpoint } from "./RecordCache.js"

/**
 * An object whose optional properties may also be `undefined` (which counts as not given); any other
 * type as it is.
 *
 * @since 0.2.0
 */
export type UndefinedAllowed<T> = T extends ReadonlyArray<unknown> | Date | Uint8Array | FormData ? T
  : T extends object ? Simplify<
      & { readonly [K in keyof T as {} extends Pick<T, K> ? never : K]: T[K] }
      & { readonly [K in keyof T as {} extends Pick<T, K> ? K : never]?: T[K] | undefined }
    >
  : T

/**
 * A derived endpoint's request: in its path, URL parameters and payload, a property set to `undefined`
 * counts as not given (so a method's `params?: PageParams` passes through as it is).
 *
 * @since 0.2.0
 */
export type UndefinedAsAbsent<Request> = {
  readonly [K in keyof Request]: K extends "path" | "urlParams" | "payload" ? UndefinedAllowed<Request[K]> : Request[K]
}

/**
 * One derived endpoint: its request (path, urlParams, payload) in, its success model out. The request
 * is checked against the endpoint's schemas first; `method` is the name of the service method the call
 * is made for (`search` over `list`), as an `InvalidInput` names it (default: the endpoint's name).
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
    request: UndefinedAsAbsent<
      Simplify<HttpApiEndpoint.HttpApiEndpoint.ClientRequest<_Path, _UrlParams, _Payload, _Headers, false>>
    >,
    method?: string
  ) => Effect.Effect<_Success, ApiError | InvalidInput>
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

/**
 * The derived client of one group, on the shared transport. Only that group is reachable from the
 * call, so a service built on it bundles its own schemas and no other resource's.
 *
 * Each endpoint checks its request before anything is sent, against the endpoint's own schemas (type
 * side): the path parameters, the URL parameters and the payload (for a Rails-style body, the model
 * inside it). A failure is `InvalidInput` named `<group>.<endpoint>` (or `<group>.<method>` when the
 * call names the service method it is made for), listing every problem of the first part that has any;
 * a key the schema does not know is one (nothing a caller passes is dropped). A path of one parameter
 * is the method's id argument: its problem is the input's own (`(input): must be ...`). The checks are
 * compiled once per endpoint.
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
  Effect.zipWith(CrmTransport, Effect.serviceOption(RecordCache), (transport, cache) => {
    const client: Record<string, unknown> = {}
    const { annotations, endpoints } = group as unknown as HttpApiGroup.HttpApiGroup.AnyWithProps
    // The group read as `HttpApi.reflect` reads it (its endpoints, their successes and annotations),
    // without building an `HttpApi` around it.
    for (const endpoint of Object.values(endpoints)) {
      // With a RecordCache in context, `get` is cached and writes drop their resource's entries.
      const call = wrapEndpoint(
        cache,
        transport.settings,
        endpoint,
        endpointClient(group.identifier, endpoint, successesOf(endpoint), transport.client)
      )
      // A public endpoint or group (the ICS feed, a webhook) is sent without the credentials.
      const isPublic = Context.getOption(Context.merge(annotations, endpoint.annotations), Public)
      client[endpoint.name] = withUrlParamsSchema(
        Option.getOrElse(isPublic, () => false)
          ? (input: EndpointRequest | undefined, method?: string) =>
            withCallOptions(call(input, method), { anonymous: true })
          : call,
        Option.getOrUndefined(endpoint.urlParamsSchema) as Schema.Schema.Any | undefined
      )
    }
    return client as GroupClient<Group>
  })

/**
 * Validates an input against its schema before anything is sent. A failure lists every problem with
 * its path, as `InvalidInput`. A key the schema does not know is a problem too (nothing the caller
 * sends is silently dropped), and a snake_case key is pointed to its camelCase name. Properties set to
 * `undefined` count as not given.
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
 * // "Invalid input for leads.create: account_id: unknown key: the SDK takes camelCase, use accountId"
 * Effect.runPromise(Effect.flip(checkCreate({ name: "Deal", account_id: "a1" }))).then((error) => console.log(error.message))
 * ```
 *
 * @since 0.1.0
 */
export const validate = <A, I>(schema: Schema.Schema<A, I>, operation: string) => {
  const check = validatorOf(schema)
  return (input: unknown): Effect.Effect<A, InvalidInput> => {
    const result = check(withoutUndefined(input))
    return result._tag === "Right"
      ? Effect.succeed(result.right)
      : Effect.fail(new InvalidInput({ operation, issues: issuesOf(result.left) }))
  }
}

/**
 * The input check the derived client runs for `endpoint`, as an effect: the CLI, and any tool that
 * builds requests from the contract, check them exactly as the SDK does. `operation` names the call
 * in the `InvalidInput` (`leads.follows.create`). Compiled once per endpoint, shared with the client.
 *
 * @example
 * ```ts
 * import { ApiClient } from "@blocks-crm/core-http"
 * import { LeadsGroup } from "@blocks-crm/pipeline"
 * import { Effect } from "effect"
 *
 * const create = LeadsGroup.endpoints.create
 * // Fails with InvalidInput: "Invalid input for leads.create: name: must not be blank"
 * Effect.runPromise(Effect.flip(ApiClient.checkRequest(create, "leads.create")({ payload: { name: " " } })))
 * ```
 *
 * @since 0.2.0
 */
export const checkRequest = (
  endpoint: HttpApiEndpoint.HttpApiEndpoint.Any,
  operation: string
): (request: EndpointRequest) => Effect.Effect<void, InvalidInput> => {
  const check = requestCheckOf(endpoint as unknown as HttpApiEndpoint.HttpApiEndpoint.AnyWithProps)
  return (request) => {
    const issues = check(request)
    return issues === undefined ? Effect.void : Effect.fail(new InvalidInput({ operation, issues }))
  }
}

/**
 * A request as a derived endpoint and `checkRequest` take it: the parts the endpoint declares.
 *
 * @since 0.2.0
 */
export interface EndpointRequest extends CheckedRequest {}
