/**
 * Who may call the emulator. Every API key is a tenant; every bearer token is valid for any tenant.
 * The seeds come from flags or the environment and are printed once at start-up; nothing logs them after.
 */
import { Contract } from "@blocks-crm/core-http"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { createHash } from "node:crypto"
import { errorResponse } from "./ErrorDocuments.js"
import type { HttpMiddlewareFn } from "./HttpMiddlewareFn.js"

export interface Seeds {
  readonly apiKeys: ReadonlyArray<string>
  readonly tokens: ReadonlyArray<string>
}

/** The credentials of the local emulator when none are given, so a local database stays readable. */
export const localSeeds: Seeds = { apiKeys: ["pk_local_emulator"], tokens: ["tok_local_emulator"] }

export class Credentials extends Context.Tag("@blocks-crm/emulator/Credentials")<
  Credentials,
  {
    readonly seeds: Seeds
    /** The tenant an API key belongs to, if it is one of the seeds. */
    readonly tenantOf: (apiKey: string) => string | undefined
    readonly isToken: (token: string) => boolean
    /** Who sent a request with these headers. */
    readonly resolve: (headers: Readonly<Record<string, string | undefined>>) => Caller
  }
>() {}

/**
 * Who sent a request, resolved once from its headers and used by everything that needs the tenant
 * (authentication, idempotency keys, queued faults), so they can never disagree.
 */
export interface Caller {
  /** The caller's tenant, when its API key is one of the seeds. */
  readonly tenantId: string | undefined
  /** Why the API key is refused; undefined when `tenantId` is set. */
  readonly apiKeyRefusal: string | undefined
  /** Why the bearer token is refused; undefined when it is valid. */
  readonly tokenRefusal: string | undefined
}

/** The current request's caller (provided by `middleware`). */
export class RequestCaller
  extends Context.Tag("@blocks-crm/emulator/Credentials/RequestCaller")<RequestCaller, Caller>()
{}

/**
 * The tenant of a call to an emulator admin route (`/__emulator/...`): those take the API's own
 * credentials (bearer token and API key), and answer 401 as an error document without them.
 */
export const adminTenant: Effect.Effect<string, HttpServerResponse.HttpServerResponse, RequestCaller> = Effect
  .flatMap(RequestCaller, (caller) => {
    const refusal = caller.tokenRefusal ?? caller.apiKeyRefusal
    return refusal !== undefined || caller.tenantId === undefined
      ? Effect.fail(errorResponse(401, "unauthorized", "Unauthorized", refusal ?? "The API key is not valid."))
      : Effect.succeed(caller.tenantId)
  })

/** A tenant id derived from the key, so the database never stores the key itself. */
export const tenantIdOf = (apiKey: string) => `tn_${createHash("sha256").update(apiKey).digest("hex").slice(0, 16)}`

/** An empty header counts as absent. */
const present = (value: string | undefined) => (value === undefined || value === "" ? undefined : value)

export const layer = (seeds: Seeds): Layer.Layer<Credentials> => {
  // Hashed once here rather than on every request.
  const tenants = new Map(seeds.apiKeys.map((key) => [key, tenantIdOf(key)] as const))
  const tokens = new Set(seeds.tokens)
  const tenantOf = (apiKey: string) => tenants.get(apiKey)
  const isToken = (token: string) => tokens.has(token)
  return Layer.succeed(Credentials, {
    seeds,
    tenantOf,
    isToken,
    resolve: (headers) => {
      // The API key is in AppId (the reference) or X-Api-Key (the official SDK); AppId wins when both are sent.
      const appId = present(headers["appid"])
      const header = appId !== undefined ? "AppId" : "X-Api-Key"
      const apiKey = appId ?? present(headers["x-api-key"])
      const tenantId = apiKey === undefined ? undefined : tenantOf(apiKey)
      // Read as the platform's bearer scheme reads it: whatever follows "Bearer ".
      const authorization = headers["authorization"] ?? ""
      const token = /^bearer /i.test(authorization) ? authorization.slice(7) : authorization
      return {
        tenantId,
        apiKeyRefusal: tenantId !== undefined
          ? undefined
          : apiKey === undefined
          ? "The AppId header (your API key) is missing."
          : `The API key in ${header} is not valid.`,
        tokenRefusal: token === ""
          ? "The Authorization bearer token is missing."
          : isToken(token)
          ? undefined
          : "The bearer token is not valid."
      }
    }
  })
}

/** Resolves the caller of each request once, for everything downstream. */
export const middleware: HttpMiddlewareFn<Credentials> = (app) =>
  Effect.flatMap(
    Credentials,
    (credentials) =>
      Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) =>
        Effect.provideService(app, RequestCaller, credentials.resolve(request.headers)))
  )

/** The resolved caller; resolved here when the routes are served without `middleware`. */
const currentCaller = (credentials: Context.Tag.Service<Credentials>): Effect.Effect<Caller> =>
  Effect.flatMap(Effect.serviceOption(RequestCaller), (caller) =>
    caller._tag === "Some"
      ? Effect.succeed(caller.value)
      : Effect.map(
        Effect.serviceOption(HttpServerRequest.HttpServerRequest),
        (request) => credentials.resolve(request._tag === "Some" ? request.value.headers : {})
      ))

export const unauthorized = (detail: string) =>
  new Contract.UnauthorizedResponse({
    errors: [Contract.errorObject(401, "unauthorized", "Unauthorized", detail)]
  })

/** Provides the caller's tenant; both API-key schemes answer from the one resolution. */
export const apiKeyAuthLayer = Layer.effect(
  Contract.ApiKeyAuth,
  Effect.map(Credentials, (credentials) => {
    const check = () =>
      Effect.flatMap(currentCaller(credentials), (caller) =>
        caller.tenantId !== undefined
          ? Effect.succeed({ tenantId: caller.tenantId })
          : Effect.fail(unauthorized(caller.apiKeyRefusal ?? "The API key is not valid.")))
    return { appId: check, xApiKey: check }
  })
)

/** Checks `Authorization: Bearer <token>`. */
export const bearerAuthLayer = Layer.effect(
  Contract.BearerAuth,
  Effect.map(Credentials, (credentials) => ({
    bearer: () =>
      Effect.flatMap(
        currentCaller(credentials),
        (caller) => caller.tokenRefusal === undefined ? Effect.void : Effect.fail(unauthorized(caller.tokenRefusal))
      )
  }))
)
