/**
 * Who may call the emulator. Every API key is a tenant; every bearer token is valid for any tenant.
 * The seeds come from flags or the environment and are printed once at start-up; nothing logs them after.
 */
import { Contract } from "@blocks-crm/core-http"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { createHash } from "node:crypto"

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
  }
>() {}

/** A tenant id derived from the key, so the database never stores the key itself. */
export const tenantIdOf = (apiKey: string) => `tn_${createHash("sha256").update(apiKey).digest("hex").slice(0, 16)}`

export const layer = (seeds: Seeds): Layer.Layer<Credentials> =>
  Layer.succeed(Credentials, {
    seeds,
    tenantOf: (apiKey) => (seeds.apiKeys.includes(apiKey) ? tenantIdOf(apiKey) : undefined),
    isToken: (token) => seeds.tokens.includes(token)
  })

const unauthorized = (detail: string) =>
  new Contract.UnauthorizedResponse({
    errors: [Contract.errorObject(401, "unauthorized", "Unauthorized", detail)]
  })

/** Checks `AppId` / `X-Api-Key` against the seeded keys and provides the caller's tenant. */
export const apiKeyAuthLayer = Layer.effect(
  Contract.ApiKeyAuth,
  Effect.map(Credentials, (credentials) => {
    const check = (header: string) => (key: Redacted.Redacted<string>) => {
      const value = Redacted.value(key)
      const tenantId = value === "" ? undefined : credentials.tenantOf(value)
      if (tenantId !== undefined) return Effect.succeed({ tenantId })
      if (value !== "") return Effect.fail(unauthorized(`The API key in ${header} is not valid.`))
      // The schemes are tried in turn (AppId, then X-Api-Key) and the last failure is the answer, so an
      // absent X-Api-Key must not report an AppId that was sent but is not valid as missing.
      return Effect.flatMap(Effect.serviceOption(HttpServerRequest.HttpServerRequest), (request) => {
        const appId = Option.match(request, { onNone: () => "", onSome: (r) => r.headers["appid"] ?? "" })
        return Effect.fail(
          unauthorized(appId === "" ? "The AppId header (your API key) is missing." : "The API key in AppId is not valid.")
        )
      })
    }
    return { appId: check("AppId"), xApiKey: check("X-Api-Key") }
  })
)

/** Checks `Authorization: Bearer <token>`. */
export const bearerAuthLayer = Layer.effect(
  Contract.BearerAuth,
  Effect.map(Credentials, (credentials) => ({
    bearer: (token: Redacted.Redacted<string>) => {
      const value = Redacted.value(token)
      return value !== "" && credentials.isToken(value)
        ? Effect.void
        : Effect.fail(unauthorized(value === "" ? "The Authorization bearer token is missing." : "The bearer token is not valid."))
    }
  }))
)

