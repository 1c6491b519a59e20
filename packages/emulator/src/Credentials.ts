/**
 * Who may call the emulator. Two kinds of credentials:
 * - the seeds (flags or the environment, printed once at start-up): every seeded API key is a tenant
 *   and may reach all of its companies; every seeded bearer token is an admin's, valid for any tenant;
 * - credentials the companies domain issues, stored as data (`credentials` table, by the SHA-256 of
 *   the secret): a company's API keys (accepted at once, refused once disabled or revoked), the tokens
 *   exchanged for them, and impersonation tokens, both until they expire.
 * Nothing logs a secret.
 */
import { Contract } from "@blocks-crm/core-http"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { createHash, randomBytes } from "node:crypto"
import * as Database from "./Database.js"
import { errorResponse } from "./ErrorDocuments.js"
import type { HttpMiddlewareFn } from "./HttpMiddlewareFn.js"
import * as Gates from "./internal/Gates.js"

/** The credentials the emulator accepts from the start: API keys (one tenant each) and bearer tokens. */
export interface Seeds {
  readonly apiKeys: ReadonlyArray<string>
  readonly tokens: ReadonlyArray<string>
}

/** The credentials of the local emulator when none are given, so a local database stays readable. */
export const localSeeds: Seeds = { apiKeys: ["pk_local_emulator"], tokens: ["tok_local_emulator"] }

/** How long an exchanged or impersonation token works, unless the emulator is told otherwise. */
export const defaultTokenTtl = Duration.hours(1)

/** How issued tokens expire: their lifetime and the clock they expire by. */
export interface Options {
  /** How long issued tokens work. Default: one hour. */
  readonly tokenTtl?: Duration.DurationInput | undefined
  /** The clock tokens expire by (a test moves it instead of sleeping). Default: the system clock. */
  readonly clock?: Clock.Clock | undefined
}

/** An API key a company holds. */
export interface IssuedKey {
  readonly tenantId: string
  readonly company: string
  readonly keyId: string
  readonly enabled: boolean
}

/** A token just issued: the secret, returned once, and when it expires. */
export interface IssuedToken {
  readonly secret: string
  readonly expiresAt: Date
  readonly expiresIn: number
}

/** Who is calling: resolves the API key and token of each request to a tenant, and issues credentials. */
export class Credentials extends Context.Tag("@blocks-crm/emulator/Credentials")<
  Credentials,
  {
    readonly seeds: Seeds
    /** The tenant an API key belongs to, if it is one of the seeds. */
    readonly tenantOf: (apiKey: string) => string | undefined
    /** Whether the token is one of the seeds (an admin's). */
    readonly isToken: (token: string) => boolean
    /** Who sent a request with these headers. */
    readonly resolve: (headers: Readonly<Record<string, string | undefined>>) => Effect.Effect<Caller>
    /**
     * Who sent a request with these headers, when that takes no query (the seeded credentials, or none
     * at all); undefined when only `resolve` can tell.
     */
    readonly resolveNow: (headers: Readonly<Record<string, string | undefined>>) => Caller | undefined
    /** The issued API key with this secret, enabled or not. */
    readonly issuedKey: (secret: string) => Effect.Effect<IssuedKey | undefined>
    /** Stores a company's new API key (its hash). */
    readonly issueKey: (key: Omit<IssuedKey, "enabled"> & { readonly secret: string }) => Effect.Effect<void>
    /** Enables or disables a key; its tokens follow it. */
    readonly setKeyEnabled: (tenantId: string, keyId: string, enabled: boolean) => Effect.Effect<void>
    /** Forgets a key and every token exchanged for it. */
    readonly revokeKey: (tenantId: string, keyId: string) => Effect.Effect<void>
    /** A new bearer token of the company: exchanged for `keyId`, or acting as `actingAs`. */
    readonly issueToken: (token: {
      readonly tenantId: string
      readonly company: string
      readonly keyId?: string | undefined
      readonly actingAs?: string | undefined
    }) => Effect.Effect<IssuedToken>
  }
>() {}

/**
 * Who sent a request, resolved once from its headers and used by everything that needs the tenant
 * (authentication, idempotency keys, queued faults), so they can never disagree.
 */
export interface Caller {
  /** The caller's tenant, when its API key is valid. */
  readonly tenantId: string | undefined
  /** Why the API key is refused; undefined when `tenantId` is set. */
  readonly apiKeyRefusal: string | undefined
  /** Why the bearer token is refused; undefined when it is valid. */
  readonly tokenRefusal: string | undefined
  /** The one company (url id) the credentials reach, when they were issued by a company; else all of the tenant's. */
  readonly company?: string | undefined
  /** Whether the bearer token is an admin's (a seeded token). */
  readonly admin?: boolean | undefined
  /** The user an impersonation token acts as. */
  readonly actingAs?: string | undefined
}

/**
 * The caller of each request `middleware` resolved, by the request's underlying message: a request
 * the router rewrites for a route is the same message, and no context has to be rebuilt to carry it.
 */
const callers = new WeakMap<object, Caller>()

const callerKey = (request: HttpServerRequest.HttpServerRequest): object | undefined =>
  typeof request.source === "object" && request.source !== null ? request.source : undefined

/**
 * The current request's caller: the one `middleware` resolved, or resolved here from the request's
 * headers when the routes are served without it.
 */
export const caller: Effect.Effect<Caller, never, Credentials> = Effect.withFiberRuntime((fiber) => {
  const context = fiber.currentContext
  const request = Context.getOption(context, HttpServerRequest.HttpServerRequest)
  const key = request._tag === "Some" ? callerKey(request.value) : undefined
  const known = key === undefined ? undefined : callers.get(key)
  if (known !== undefined) return Effect.succeed(known)
  const credentials = Context.unsafeGet(context, Credentials)
  return credentials.resolve(request._tag === "Some" ? request.value.headers : {})
})

/** The caller `middleware` resolved for `request`, if it did (synchronously, for the router). */
export const knownCaller = (request: HttpServerRequest.HttpServerRequest): Caller | undefined => {
  const key = callerKey(request)
  return key === undefined ? undefined : callers.get(key)
}

/**
 * The tenant of a call to an emulator admin route (`/__emulator/...`): those take the API's own
 * credentials (bearer token and API key), and answer 401 as an error document without them.
 */
export const adminTenant: Effect.Effect<string, HttpServerResponse.HttpServerResponse, Credentials> = Effect
  .flatMap(caller, (caller) => {
    const refusal = caller.tokenRefusal ?? caller.apiKeyRefusal
    return refusal !== undefined || caller.tenantId === undefined
      ? Effect.fail(errorResponse(401, "unauthorized", "Unauthorized", refusal ?? "The API key is not valid."))
      : Effect.succeed(caller.tenantId)
  })

/** A tenant id derived from the key, so the database never stores the key itself. */
export const tenantIdOf = (apiKey: string) => `tn_${createHash("sha256").update(apiKey).digest("hex").slice(0, 16)}`

/**
 * How an issued secret is stored. A plain SHA-256 suffices (unlike a password): the secrets are 192
 * random bits, so no dictionary or brute force reaches them, and an unsalted hash can be looked up.
 */
export const hashOf = (secret: string) => createHash("sha256").update(secret).digest("hex")

/** An empty header counts as absent. */
const present = (value: string | undefined) => (value === undefined || value === "" ? undefined : value)

interface KeyRow {
  readonly tenant_id: string
  readonly company: string
  readonly key_id: string
  readonly enabled: number
}

interface TokenRow {
  readonly tenant_id: string
  readonly company: string
  readonly expires_at: number
  readonly acting_as: string | null
  /** The enabled flag of the key it was exchanged for: null when none (impersonation) or revoked. */
  readonly key_enabled: number | null
  readonly key_id: string | null
}

const issuedKeyText = `SELECT tenant_id, company, key_id, enabled FROM credentials
  WHERE secret_hash = ? AND kind = 'api_key'`
const issuedTokenText = `SELECT t.tenant_id, t.company, t.expires_at, t.acting_as, t.key_id,
    k.enabled AS key_enabled
  FROM credentials t LEFT JOIN credentials k
    ON k.kind = 'api_key' AND k.tenant_id = t.tenant_id AND k.key_id = t.key_id
  WHERE t.secret_hash = ? AND t.kind = 'token'`

/** The credentials service over the seeds and the `credentials` table. */
export const layer = (seeds: Seeds, options: Options = {}): Layer.Layer<Credentials, never, SqlClient.SqlClient> =>
  Layer.effect(
    Credentials,
    Effect.map(SqlClient.SqlClient, (sql) => {
      // Hashed once here rather than on every request.
      const tenants = new Map(seeds.apiKeys.map((key) => [key, tenantIdOf(key)] as const))
      const tokens = new Set(seeds.tokens)
      const tenantOf = (apiKey: string) => tenants.get(apiKey)
      const isToken = (token: string) => tokens.has(token)
      const clock = options.clock ?? Clock.make()
      const ttl = Duration.decode(options.tokenTtl ?? defaultTokenTtl)
      // Looked up on requests with an issued key or token: fixed texts through Database.runner.
      const run = Database.runner(sql)

      const issuedKey = (secret: string) =>
        Effect.map(
          Effect.orDie(run<KeyRow>(issuedKeyText, [hashOf(secret)])),
          ([row]): IssuedKey | undefined =>
            row === undefined
              ? undefined
              : { tenantId: row.tenant_id, company: row.company, keyId: row.key_id, enabled: row.enabled === 1 }
        )
      const issuedToken = (secret: string) =>
        Effect.map(
          Effect.orDie(run<TokenRow>(issuedTokenText, [hashOf(secret)])),
          ([row]) => row
        )

      // Read as the platform's bearer scheme reads it: whatever follows "Bearer ".
      const tokenOf = (
        authorization: string
      ) => (/^bearer /i.test(authorization) ? authorization.slice(7) : authorization)

      const withToken = (
        token: string,
        tenantId: string | undefined,
        apiKeyRefusal: string | undefined,
        key: IssuedKey | undefined
      ): Effect.Effect<Caller> => {
        if (token === "") {
          return Effect.succeed({
            tenantId,
            apiKeyRefusal,
            tokenRefusal: "The Authorization bearer token is missing.",
            company: key?.company
          })
        }
        if (isToken(token)) {
          return Effect.succeed({
            tenantId,
            apiKeyRefusal,
            tokenRefusal: undefined,
            company: key?.company,
            admin: true
          })
        }
        return Effect.map(issuedToken(token), (row): Caller => {
          const refusal = row === undefined
            ? "The bearer token is not valid."
            : clock.unsafeCurrentTimeMillis() >= row.expires_at
            ? "The bearer token has expired; exchange the API key for a new one."
            : row.key_id !== null && row.key_enabled !== 1
            ? "The bearer token was exchanged for an API key that is disabled or revoked."
            : tenantId !== undefined && row.tenant_id !== tenantId ||
                key !== undefined && key.company !== row.company
            ? "The bearer token was issued for another company than the API key's."
            : undefined
          return {
            tenantId,
            apiKeyRefusal,
            tokenRefusal: refusal,
            company: key?.company ?? row?.company,
            actingAs: row?.acting_as ?? undefined
          }
        })
      }

      const withKey = (token: string, apiKey: string | undefined, header: string, key: IssuedKey | undefined) => {
        const tenantId = key?.enabled === true ? key.tenantId : undefined
        const apiKeyRefusal = tenantId !== undefined
          ? undefined
          : apiKey === undefined
          ? "The AppId header (your API key) is missing."
          : key !== undefined
          ? `The API key in ${header} is disabled.`
          : `The API key in ${header} is not valid.`
        return withToken(token, tenantId, apiKeyRefusal, key)
      }

      // Seeded credentials are answered without a query or a generator: they are what every request of a
      // test suite (and the benchmark) sends.
      const resolve = (headers: Readonly<Record<string, string | undefined>>): Effect.Effect<Caller> => {
        // The API key is in AppId (the reference) or X-Api-Key (the official SDK); AppId wins when both are sent.
        const appId = present(headers["appid"])
        const header = appId !== undefined ? "AppId" : "X-Api-Key"
        const apiKey = appId ?? present(headers["x-api-key"])
        const token = tokenOf(headers["authorization"] ?? "")
        const seededTenant = apiKey === undefined ? undefined : tenantOf(apiKey)
        if (seededTenant !== undefined) return withToken(token, seededTenant, undefined, undefined)
        if (apiKey === undefined) return withKey(token, apiKey, header, undefined)
        return Effect.flatMap(issuedKey(apiKey), (key) => withKey(token, apiKey, header, key))
      }
      const resolveNow = (headers: Readonly<Record<string, string | undefined>>): Caller | undefined => {
        const resolved = resolve(headers)
        // Answered without a query: `resolve` built the caller with Effect.succeed (an Exit).
        return Exit.isExit(resolved) && Exit.isSuccess(resolved)
          ? (resolved as Exit.Success<Caller, never>).value
          : undefined
      }

      return Credentials.of({
        seeds,
        tenantOf,
        isToken,
        resolve,
        resolveNow,
        issuedKey,
        issueKey: ({ company, keyId, secret, tenantId }) =>
          Effect.asVoid(Effect.orDie(sql`INSERT INTO credentials (secret_hash, kind, tenant_id, company, key_id)
            VALUES (${hashOf(secret)}, 'api_key', ${tenantId}, ${company}, ${keyId})`)),
        setKeyEnabled: (tenantId, keyId, enabled) =>
          Effect.asVoid(Effect.orDie(sql`UPDATE credentials SET enabled = ${enabled ? 1 : 0}
            WHERE tenant_id = ${tenantId} AND key_id = ${keyId} AND kind = 'api_key'`)),
        revokeKey: (tenantId, keyId) =>
          Effect.asVoid(Effect.orDie(sql`DELETE FROM credentials WHERE tenant_id = ${tenantId} AND key_id = ${keyId}`)),
        issueToken: ({ actingAs, company, keyId, tenantId }) =>
          Effect.gen(function*() {
            const secret = `tok_emu_${randomBytes(24).toString("hex")}`
            const expiresAt = clock.unsafeCurrentTimeMillis() + Duration.toMillis(ttl)
            yield* Effect.orDie(sql`INSERT INTO credentials
              (secret_hash, kind, tenant_id, company, key_id, expires_at, acting_as)
              VALUES (${hashOf(secret)}, 'token', ${tenantId}, ${company}, ${keyId ?? null}, ${expiresAt}, ${
              actingAs ?? null
            })`)
            return { secret, expiresAt: new Date(expiresAt), expiresIn: Math.round(Duration.toSeconds(ttl)) }
          })
      })
    })
  )

/** Resolves the caller of each request once, for everything downstream (`caller`). */
export const middleware: HttpMiddlewareFn<Credentials> = Gates.middleware((fiber, request, app) => {
  const credentials = Context.unsafeGet(fiber.currentContext, Credentials)
  const key = callerKey(request)
  if (key === undefined) return app
  const now = credentials.resolveNow(request.headers)
  if (now !== undefined) {
    callers.set(key, now)
    return app
  }
  return Effect.flatMap(credentials.resolve(request.headers), (resolved) => {
    callers.set(key, resolved)
    return app
  })
})

/** A 401 in the reference's format, naming what was wrong with the credentials. */
export const unauthorized = (detail: string) =>
  new Contract.UnauthorizedResponse({
    errors: [Contract.errorObject(401, "unauthorized", "Unauthorized", detail)]
  })

const tenantOfCaller = (caller: Caller) =>
  caller.tenantId !== undefined
    ? Effect.succeed({ tenantId: caller.tenantId })
    : Effect.fail(unauthorized(caller.apiKeyRefusal ?? "The API key is not valid."))

const tokenOfCaller = (caller: Caller) =>
  caller.tokenRefusal === undefined ? Effect.void : Effect.fail(unauthorized(caller.tokenRefusal))

/** `f` of the current request's caller: at once when `middleware` resolved it, else once resolved. */
const withCaller = <A, E>(
  credentials: Context.Tag.Service<Credentials>,
  f: (caller: Caller) => Effect.Effect<A, E>
): Effect.Effect<A, E> =>
  Effect.withFiberRuntime((fiber) => {
    const request = Context.getOption(fiber.currentContext, HttpServerRequest.HttpServerRequest)
    const key = request._tag === "Some" ? callerKey(request.value) : undefined
    const known = key === undefined ? undefined : callers.get(key)
    return known !== undefined
      ? f(known)
      : Effect.flatMap(credentials.resolve(request._tag === "Some" ? request.value.headers : {}), f)
  })

/** Provides the caller's tenant; both API-key schemes answer from the one resolution. */
export const apiKeyAuthLayer = Layer.effect(
  Contract.ApiKeyAuth,
  Effect.map(Credentials, (credentials) => {
    const check = () => withCaller(credentials, tenantOfCaller)
    return { appId: check, xApiKey: check }
  })
)

/** Checks `Authorization: Bearer <token>`. */
export const bearerAuthLayer = Layer.effect(
  Contract.BearerAuth,
  Effect.map(Credentials, (credentials) => ({
    bearer: () => withCaller(credentials, tokenOfCaller)
  }))
)
