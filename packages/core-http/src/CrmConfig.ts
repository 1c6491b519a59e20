/**
 * Where the API is and how to talk to it. Built from the environment (`BLOCKS_API_URL`,
 * `BLOCKS_AUTH_TOKEN`, `BLOCKS_API_KEY`) or given in code; the token and the API key stay `Redacted`.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Schedule from "effect/Schedule"
import { ConfigurationError } from "./CrmError.js"
import type { CrmError } from "./CrmError.js"
import {
  durationOf,
  isSettings,
  kindOf,
  parseUrl,
  retryPolicyOf,
  secretOf,
  unknownKeys
} from "./internal/settingChecks.js"
import type { Add } from "./internal/settingChecks.js"

/**
 * The header that carries the API key: `AppId` as the reference documents, or `X-Api-Key` as the
 * official SDK sends it.
 *
 * @since 0.1.0
 */
export type ApiKeyHeader = "AppId" | "X-Api-Key"

/**
 * How failed attempts are retried. Retries apply only to idempotent calls (GET, PUT, DELETE, and POST
 * with an `Idempotency-Key`) and only for timeouts, transport errors, 408, 429, 500, 502, 503 and 504.
 *
 * @since 0.1.0
 */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 2; 0 disables retries. */
  readonly times: number
  /** First backoff delay, doubled each retry, with jitter. Default 200 ms. */
  readonly baseDelay: Duration.Duration
  /** Longest `Retry-After` the SDK will wait; a longer one fails with `RateLimited`. Default 30 s. */
  readonly maxRetryAfter: Duration.Duration
  /** Replaces the backoff schedule (its input is the failure); the method and status rules still apply. */
  readonly schedule?: Schedule.Schedule<unknown, CrmError> | undefined
}

/**
 * The resolved settings every request uses.
 *
 * @since 0.1.0
 */
export interface CrmSettings {
  readonly apiUrl: URL
  readonly authToken: Redacted.Redacted<string>
  readonly apiKey: Redacted.Redacted<string>
  readonly apiKeyHeader: ApiKeyHeader
  /** Limit for one attempt, including reading the body. Default 30 s. */
  readonly timeout: Duration.Duration
  /** Limit for a whole call, retries included. None by default. */
  readonly deadline: Option.Option<Duration.Duration>
  readonly retry: RetryPolicy
  /** Send a generated `Idempotency-Key` with every POST (so POSTs can be retried safely). Default true. */
  readonly idempotentPosts: boolean
  /**
   * Largest response body read, in bytes, after decompression; a larger one fails with
   * `ResponseTooLarge` without being read further. Default 32 MiB.
   */
  readonly maxResponseBytes: number
}

/**
 * What you pass to configure the client in code. Only the three credentials are required.
 *
 * @since 0.1.0
 */
export interface CrmOptions {
  readonly apiUrl: string | URL
  readonly authToken: string | Redacted.Redacted<string>
  readonly apiKey: string | Redacted.Redacted<string>
  readonly apiKeyHeader?: ApiKeyHeader | undefined
  readonly timeout?: Duration.DurationInput | undefined
  readonly deadline?: Duration.DurationInput | undefined
  readonly retry?: Partial<RetryPolicy> | undefined
  readonly idempotentPosts?: boolean | undefined
  /** Largest response body read, in bytes (after decompression). Default 32 MiB. */
  readonly maxResponseBytes?: number | undefined
}

/**
 * The resolved settings the transport reads, provided by `layer` (options in code) or `layerFromEnv`
 * (the `BLOCKS_*` environment variables). Building either validates every setting first.
 *
 * @example
 * ```ts
 * import { CrmConfig } from "@blocks-crm/core-http"
 * import { Effect } from "effect"
 *
 * const apiUrl = Effect.map(CrmConfig.CrmConfig, (settings) => settings.apiUrl.href)
 * Effect.runPromise(Effect.provide(apiUrl, CrmConfig.layerFromEnv({ timeout: "10 seconds" })))
 * ```
 *
 * @since 0.1.0
 * @category tags
 */
export class CrmConfig extends Context.Tag("@blocks-crm/core-http/CrmConfig")<CrmConfig, CrmSettings>() {}

/**
 * The retry policy used where none is given: 2 retries, a first backoff of 200 ms, and a `Retry-After`
 * honoured up to 30 s.
 *
 * @since 0.1.0
 */
export const defaultRetryPolicy: RetryPolicy = {
  times: 2,
  baseDelay: Duration.millis(200),
  maxRetryAfter: Duration.seconds(30)
}

/**
 * The default `maxResponseBytes` (32 MiB): far above any page the API sends, far below what hurts a process.
 *
 * @since 0.2.0
 */
export const defaultMaxResponseBytes = 32 * 1024 * 1024

/**
 * What each required environment variable is for, as the reference's pre-flight check explains it; a
 * `ConfigurationError` quotes it for every variable that is missing.
 *
 * @since 0.1.0
 */
export const environmentVariables = {
  BLOCKS_API_URL: "API base URL (e.g. https://crm.api.us.23blocks.com)",
  BLOCKS_AUTH_TOKEN: "your authentication token (sent as Authorization: Bearer)",
  BLOCKS_API_KEY: "your API key (sent as the AppId header)"
} as const

const settingNames: ReadonlyArray<keyof CrmOptions> = [
  "apiUrl",
  "authToken",
  "apiKey",
  "apiKeyHeader",
  "timeout",
  "deadline",
  "retry",
  "idempotentPosts",
  "maxResponseBytes"
]

/**
 * Validates options given in code. Every problem is reported at once, including what a JavaScript
 * caller can pass that the types forbid: a missing or non-string credential (`process.env.UNSET`), a
 * value of the wrong kind, a `null`, or a key that is not a setting. No value is quoted: a setting may
 * be a secret.
 *
 * @since 0.1.0
 */
export const make = (options: CrmOptions): Effect.Effect<CrmSettings, ConfigurationError> =>
  Effect.suspend(() => {
    const problems: Array<{ name: string; problem: string }> = []
    const add: Add = (name, problem) => {
      problems.push({ name, problem })
    }
    if (!isSettings(options, "options", "of settings", add)) return Effect.fail(new ConfigurationError({ problems }))
    // Optional settings: absent or `undefined` take the default; anything else must be of their kind.
    const { apiKeyHeader, deadline, idempotentPosts, maxResponseBytes = defaultMaxResponseBytes, retry, timeout } =
      options as { readonly [K in keyof CrmOptions]?: unknown }
    const url = parseUrl(options.apiUrl)
    if (typeof url === "string") add("apiUrl", url)
    const authToken = secretOf(options.authToken, "authToken", add)
    const apiKey = secretOf(options.apiKey, "apiKey", add)
    if (apiKeyHeader !== undefined && apiKeyHeader !== "AppId" && apiKeyHeader !== "X-Api-Key") {
      add(
        "apiKeyHeader",
        `must be "AppId" or "X-Api-Key", got ${
          typeof apiKeyHeader === "string" ? `"${apiKeyHeader}"` : kindOf(apiKeyHeader)
        }`
      )
    }
    const policy = retry === undefined ? defaultRetryPolicy : retryPolicyOf(retry, add, defaultRetryPolicy)
    const limit = timeout === undefined ? Duration.seconds(30) : durationOf(timeout, "timeout", add)
    if (limit !== undefined && !Duration.greaterThan(limit, Duration.zero)) add("timeout", "must be > 0")
    const settings = {
      apiUrl: url as URL,
      authToken: authToken!,
      apiKey: apiKey!,
      apiKeyHeader: (apiKeyHeader ?? "AppId") as ApiKeyHeader,
      retry: policy,
      timeout: limit!,
      deadline: Option.fromNullable(deadline === undefined ? undefined : durationOf(deadline, "deadline", add)),
      idempotentPosts: (idempotentPosts ?? true) as boolean,
      maxResponseBytes: maxResponseBytes as number
    }
    if (idempotentPosts !== undefined && typeof idempotentPosts !== "boolean") {
      add("idempotentPosts", `must be true or false, got ${kindOf(idempotentPosts)}`)
    }
    if (!Number.isSafeInteger(maxResponseBytes) || (maxResponseBytes as number) <= 0) {
      add("maxResponseBytes", "must be a whole number of bytes > 0")
    }
    unknownKeys(options, settingNames, add)
    return problems.length > 0 ? Effect.fail(new ConfigurationError({ problems })) : Effect.succeed(settings)
  })

/**
 * Reads the environment through Effect `Config`: `BLOCKS_API_URL`, `BLOCKS_AUTH_TOKEN`,
 * `BLOCKS_API_KEY` (required), and optionally `BLOCKS_API_KEY_HEADER` (`AppId` | `X-Api-Key`),
 * `BLOCKS_TIMEOUT` (e.g. `10 seconds`), `BLOCKS_MAX_RETRIES` and `BLOCKS_MAX_RESPONSE_BYTES`. When any required variable is missing,
 * the error names every missing one and what it is for.
 *
 * @since 0.1.0
 */
export const fromEnv = (overrides?: Partial<Omit<CrmOptions, "apiUrl" | "authToken" | "apiKey">>) =>
  Effect.gen(function*() {
    const read = yield* Effect.all({
      apiUrl: Config.option(Config.string("BLOCKS_API_URL")),
      authToken: Config.option(Config.redacted("BLOCKS_AUTH_TOKEN")),
      apiKey: Config.option(Config.redacted("BLOCKS_API_KEY")),
      apiKeyHeader: Config.option(Config.literal("AppId", "X-Api-Key")("BLOCKS_API_KEY_HEADER")),
      timeout: Config.option(Config.duration("BLOCKS_TIMEOUT")),
      maxRetries: Config.option(Config.integer("BLOCKS_MAX_RETRIES")),
      maxResponseBytes: Config.option(Config.integer("BLOCKS_MAX_RESPONSE_BYTES"))
    }).pipe(
      Effect.mapError((error) =>
        new ConfigurationError({
          problems: [{ name: "environment", problem: String(error).replace(/^\((.*)\)$/s, "$1") }]
        })
      )
    )
    const blank = (value: Option.Option<string>) =>
      Option.getOrElse(Option.map(value, (v) => v.trim()), () => "") === ""
    const present = {
      BLOCKS_API_URL: !blank(read.apiUrl),
      BLOCKS_AUTH_TOKEN: !blank(Option.map(read.authToken, Redacted.value)),
      BLOCKS_API_KEY: !blank(Option.map(read.apiKey, Redacted.value))
    }
    const missing = (["BLOCKS_API_URL", "BLOCKS_AUTH_TOKEN", "BLOCKS_API_KEY"] as const).filter((name) =>
      !present[name]
    )
    if (missing.length > 0) {
      return yield* new ConfigurationError({
        problems: missing.map((name) => ({ name, problem: `not set: ${environmentVariables[name]}` }))
      })
    }
    return yield* make({
      apiUrl: Option.getOrThrow(read.apiUrl),
      authToken: Option.getOrThrow(read.authToken),
      apiKey: Option.getOrThrow(read.apiKey),
      ...Option.match(read.apiKeyHeader, { onNone: () => ({}), onSome: (apiKeyHeader) => ({ apiKeyHeader }) }),
      ...Option.match(read.timeout, { onNone: () => ({}), onSome: (timeout) => ({ timeout }) }),
      ...Option.match(read.maxRetries, { onNone: () => ({}), onSome: (times) => ({ retry: { times } }) }),
      ...Option.match(read.maxResponseBytes, {
        onNone: () => ({}),
        onSome: (maxResponseBytes) => ({ maxResponseBytes })
      }),
      ...overrides
    }).pipe(
      // Name the variable the user set, not the option it became.
      Effect.mapError((error) =>
        new ConfigurationError({
          problems: error.problems.map((p) => ({ ...p, name: envNames[p.name] ?? p.name }))
        })
      )
    )
  })

const envNames: Record<string, string> = {
  apiUrl: "BLOCKS_API_URL",
  authToken: "BLOCKS_AUTH_TOKEN",
  apiKey: "BLOCKS_API_KEY",
  timeout: "BLOCKS_TIMEOUT",
  "retry.times": "BLOCKS_MAX_RETRIES",
  maxResponseBytes: "BLOCKS_MAX_RESPONSE_BYTES"
}

/**
 * Provides `CrmConfig` from options given in code; building it fails with `ConfigurationError`, listing
 * every invalid option at once.
 *
 * @example
 * ```ts
 * import { CrmConfig } from "@blocks-crm/core-http"
 * import { Redacted } from "effect"
 *
 * const config = CrmConfig.layer({
 *   apiUrl: "https://crm.api.us.23blocks.com",
 *   authToken: Redacted.make(process.env.BLOCKS_AUTH_TOKEN ?? ""),
 *   apiKey: Redacted.make(process.env.BLOCKS_API_KEY ?? "")
 * })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: CrmOptions): Layer.Layer<CrmConfig, ConfigurationError> =>
  Layer.effect(CrmConfig, make(options))

/**
 * Provides `CrmConfig` from the `BLOCKS_*` environment variables (see `fromEnv`); `overrides` take
 * precedence over the optional variables.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFromEnv = (
  overrides?: Partial<Omit<CrmOptions, "apiUrl" | "authToken" | "apiKey">>
): Layer.Layer<CrmConfig, ConfigurationError> => Layer.effect(CrmConfig, fromEnv(overrides))
