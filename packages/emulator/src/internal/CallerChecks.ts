/**
 * The contract's auth middlewares (`Contract.BearerAuth`, `Contract.ApiKeyAuth`) as one check per
 * request, for the groups `Resources.group` builds.
 *
 * The emulator answers both schemes from the one caller `Credentials.middleware` resolved: the bearer
 * scheme checks its token refusal, the API-key scheme its tenant. HttpApiBuilder runs each scheme as a
 * middleware of its own (decoding the header through a schema, then the emulator's handler, then
 * providing `CallerApp`); served that way, they were about 35 Effect steps of every request. Here a
 * group that declares `ApiKeyAuth` then `BearerAuth` (or `ApiKeyAuth` alone) is built with one plain
 * middleware in their place that decides the same: the bearer token first (it is the outer of the two),
 * then the API key, with the same 401 documents, before the request is decoded, and provides the same
 * `CallerApp`. The contract itself is unchanged (its routes, errors and OpenAPI document).
 *
 * A group that the emulator's router serves (internal/DomainRouter.ts) gets a check that provides
 * nothing: the router puts the caller's `CallerApp` in the context it already sets for the route
 * (`addCallerApp`), so a request changes its context once instead of twice.
 *
 * @internal
 */
import { Contract } from "@blocks-crm/core-http"
import type * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiMiddleware from "@effect/platform/HttpApiMiddleware"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Credentials from "../Credentials.js"

/** `BearerAuth` and `ApiKeyAuth`, checked in that order. */
export class BearerAndApiKey extends HttpApiMiddleware.Tag<BearerAndApiKey>()(
  "@blocks-crm/emulator/internal/CallerChecks/BearerAndApiKey",
  { failure: Contract.UnauthorizedResponse.wire, provides: Contract.CallerApp }
) {}

/** `ApiKeyAuth` alone. */
export class ApiKeyOnly extends HttpApiMiddleware.Tag<ApiKeyOnly>()(
  "@blocks-crm/emulator/internal/CallerChecks/ApiKeyOnly",
  { failure: Contract.UnauthorizedResponse.wire, provides: Contract.CallerApp }
) {}

/** `BearerAndApiKey` on a route whose router provides `CallerApp`. */
export class RoutedBearerAndApiKey extends HttpApiMiddleware.Tag<RoutedBearerAndApiKey>()(
  "@blocks-crm/emulator/internal/CallerChecks/RoutedBearerAndApiKey",
  { failure: Contract.UnauthorizedResponse.wire }
) {}

/** `ApiKeyOnly` on a route whose router provides `CallerApp`. */
export class RoutedApiKeyOnly extends HttpApiMiddleware.Tag<RoutedApiKeyOnly>()(
  "@blocks-crm/emulator/internal/CallerChecks/RoutedApiKeyOnly",
  { failure: Contract.UnauthorizedResponse.wire }
) {}

/**
 * Adds the request's `CallerApp` to `services` (a route's context as the router builds it) when the
 * caller's API key is valid; the route's check refuses the request otherwise, before it is decoded.
 */
export const addCallerApp = (request: HttpServerRequest.HttpServerRequest, services: Map<string, unknown>): void => {
  const tenantId = Credentials.knownCaller(request)?.tenantId
  if (tenantId !== undefined) services.set(Contract.CallerApp.key, { tenantId })
}

/** The verdict on a caller: its tenant, or the 401 the first refusing scheme answers. */
const verdict = (bearer: boolean) => (caller: Credentials.Caller) =>
  bearer && caller.tokenRefusal !== undefined
    ? Effect.fail(Credentials.unauthorized(caller.tokenRefusal))
    : caller.tenantId !== undefined
    ? Effect.succeed({ tenantId: caller.tenantId })
    : Effect.fail(Credentials.unauthorized(caller.apiKeyRefusal ?? "The API key is not valid."))

/** The check: the request's caller (resolved once per request) judged by `verdict`. */
const check = (credentials: Context.Tag.Service<Credentials.Credentials>, bearer: boolean) => {
  const judge = verdict(bearer)
  const caller = Effect.provideService(Credentials.caller, Credentials.Credentials, credentials)
  return Effect.withFiberRuntime<{ readonly tenantId: string }, Contract.UnauthorizedResponse>((fiber) => {
    // The caller Credentials.middleware resolved for the request, judged in this step.
    const request = Context.getOption(fiber.currentContext, HttpServerRequest.HttpServerRequest)
    const known = request._tag === "Some" ? Credentials.knownCaller(request.value) : undefined
    if (known !== undefined) return judge(known)
    return Effect.flatMap(
      // The emulator's services are in every request's context; a route served some other way gets them here.
      Context.getOption(fiber.currentContext, Credentials.Credentials)._tag === "Some" ? Credentials.caller : caller,
      judge
    ) as Effect.Effect<{ readonly tenantId: string }, Contract.UnauthorizedResponse>
  })
}

/** Both checks, over the emulator's `Credentials`. */
export const layer = Layer.effectContext(
  Effect.map(
    Credentials.Credentials,
    (credentials) =>
      Context.make(BearerAndApiKey, check(credentials, true) as any).pipe(
        Context.add(ApiKeyOnly, check(credentials, false) as any),
        Context.add(RoutedBearerAndApiKey, check(credentials, true) as any),
        Context.add(RoutedApiKeyOnly, check(credentials, false) as any)
      )
  )
)

/**
 * The group with its auth middlewares replaced by one check, when they are exactly `ApiKeyAuth` then
 * `BearerAuth`, or `ApiKeyAuth` alone; undefined (serve it as declared) for any other set. `routed`:
 * the group's routes are served by the emulator's router, which provides `CallerApp` (`addCallerApp`).
 */
export const withOneCheck = (
  group: HttpApiGroup.HttpApiGroup.AnyWithProps,
  routed: boolean
): HttpApiGroup.HttpApiGroup.AnyWithProps | undefined => {
  const declared: ReadonlyArray<unknown> = [...group.middlewares]
  const replacement = declared.length === 2 && declared[0] === Contract.ApiKeyAuth &&
      declared[1] === Contract.BearerAuth
    ? (routed ? RoutedBearerAndApiKey : BearerAndApiKey)
    : declared.length === 1 && declared[0] === Contract.ApiKeyAuth
    ? (routed ? RoutedApiKeyOnly : ApiKeyOnly)
    : undefined
  if (replacement === undefined) return undefined
  return Object.assign(Object.create(Object.getPrototypeOf(group)), group, {
    middlewares: new Set([replacement])
  })
}
