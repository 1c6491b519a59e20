import { CrmConfig, CrmTransport } from "@blocks-crm/core-http"
import type { CrmError } from "@blocks-crm/core-http"
import * as NodeTransport from "@blocks-crm/core-http/NodeTransport"
import { describe, expect, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { API_KEY, TOKEN } from "./support/fixtures.js"

const withEnv = (env: Record<string, string>) =>
  Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))

const fromEnvFailure = (env: Record<string, string>) => CrmConfig.fromEnv().pipe(withEnv(env), Effect.flip)

const fullEnv = { BLOCKS_API_URL: "https://crm.example.test", BLOCKS_AUTH_TOKEN: TOKEN, BLOCKS_API_KEY: API_KEY }

describe("CrmConfig.fromEnv", () => {
  it.effect("names all three variables in one error when none is set", () =>
    Effect.gen(function*() {
      const error = yield* fromEnvFailure({})
      expect(error._tag).toBe("ConfigurationError")
      expect(error.problems.map((p) => p.name)).toEqual(["BLOCKS_API_URL", "BLOCKS_AUTH_TOKEN", "BLOCKS_API_KEY"])
      expect(error.message).toContain("BLOCKS_API_URL")
      expect(error.message).toContain("BLOCKS_AUTH_TOKEN")
      expect(error.message).toContain("BLOCKS_API_KEY")
      // Each one says what it is for.
      expect(error.problems[1]?.problem).toBe(`not set: ${CrmConfig.environmentVariables.BLOCKS_AUTH_TOKEN}`)
    }))

  it.effect("names only the missing variable", () =>
    Effect.gen(function*() {
      const { BLOCKS_AUTH_TOKEN: _, ...withoutToken } = fullEnv
      const error = yield* fromEnvFailure(withoutToken)
      expect(error.problems.map((p) => p.name)).toEqual(["BLOCKS_AUTH_TOKEN"])
      expect(error.message).not.toContain("BLOCKS_API_KEY")
      expect(error.message).not.toContain("BLOCKS_API_URL")

      const { BLOCKS_API_KEY: __, ...withoutKey } = fullEnv
      const error2 = yield* fromEnvFailure(withoutKey)
      expect(error2.problems.map((p) => p.name)).toEqual(["BLOCKS_API_KEY"])
    }))

  it.effect("treats blank values as missing", () =>
    Effect.gen(function*() {
      const error = yield* fromEnvFailure({ ...fullEnv, BLOCKS_API_URL: "   ", BLOCKS_API_KEY: "" })
      expect(error.problems.map((p) => p.name)).toEqual(["BLOCKS_API_URL", "BLOCKS_API_KEY"])
    }))

  it.effect("never echoes the token or key that are set when another variable is missing", () =>
    Effect.gen(function*() {
      const { BLOCKS_API_URL: _, ...withoutUrl } = fullEnv
      const error = yield* fromEnvFailure(withoutUrl)
      expect(error.problems.map((p) => p.name)).toEqual(["BLOCKS_API_URL"])
      for (const text of [error.message, JSON.stringify(error), String(error)]) {
        expect(text).not.toContain(TOKEN)
        expect(text).not.toContain(API_KEY)
      }
    }))

  it.effect("reports an invalid URL", () =>
    Effect.gen(function*() {
      const error = yield* fromEnvFailure({ ...fullEnv, BLOCKS_API_URL: "not a url" })
      expect(error.problems).toEqual([{ name: "BLOCKS_API_URL", problem: "is not a valid URL" }])
      expect(error.message).toContain("BLOCKS_API_URL - is not a valid URL")
      expect(error.message).not.toContain(TOKEN)

      const ftp = yield* fromEnvFailure({ ...fullEnv, BLOCKS_API_URL: "ftp://crm.example.test" })
      expect(ftp.problems).toEqual([{ name: "BLOCKS_API_URL", problem: "must be an http(s) URL, got protocol ftp:" }])
    }))

  it.effect("rejects credentials inside the URL without echoing them", () =>
    Effect.gen(function*() {
      const error = yield* fromEnvFailure({ ...fullEnv, BLOCKS_API_URL: `https://user:${TOKEN}@crm.example.test` })
      expect(error.problems.map((p) => p.name)).toEqual(["BLOCKS_API_URL"])
      expect(error.problems[0]?.problem).toContain("must not contain credentials")
      expect(JSON.stringify(error)).not.toContain(TOKEN)
      expect(error.message).not.toContain(TOKEN)
    }))

  it.effect("reads the optional variables and keeps the secrets redacted", () =>
    Effect.gen(function*() {
      const settings = yield* CrmConfig.fromEnv().pipe(
        withEnv({
          BLOCKS_API_URL: "https://crm.example.test/api/v1/",
          BLOCKS_AUTH_TOKEN: TOKEN,
          BLOCKS_API_KEY: API_KEY,
          BLOCKS_API_KEY_HEADER: "X-Api-Key",
          BLOCKS_TIMEOUT: "10 seconds",
          BLOCKS_MAX_RETRIES: "5"
        })
      )
      expect(settings.apiUrl.href).toBe("https://crm.example.test/api/v1")
      expect(settings.apiKeyHeader).toBe("X-Api-Key")
      expect(Duration.toMillis(settings.timeout)).toBe(10_000)
      expect(settings.retry.times).toBe(5)
      expect(Redacted.value(settings.authToken)).toBe(TOKEN)
      expect(Redacted.value(settings.apiKey)).toBe(API_KEY)
      expect(String(settings.authToken)).toBe("<redacted>")
      expect(JSON.stringify(settings)).not.toContain(TOKEN)
      expect(JSON.stringify(settings)).not.toContain(API_KEY)
    }))

  it.effect("reports an invalid optional variable", () =>
    Effect.gen(function*() {
      const header = yield* fromEnvFailure({ ...fullEnv, BLOCKS_API_KEY_HEADER: "Api-Key" })
      expect(header.problems.map((p) => p.name)).toEqual(["environment"])
      expect(header.problems[0]?.problem).toBe(
        `Invalid data at BLOCKS_API_KEY_HEADER: "Expected one of (AppId, X-Api-Key) but received "Api-Key""`
      )
      expect(header.message).not.toContain(TOKEN)
      expect(header.message).not.toContain(API_KEY)

      const retries = yield* fromEnvFailure({ ...fullEnv, BLOCKS_MAX_RETRIES: "many" })
      expect(retries.problems[0]?.problem).toContain("BLOCKS_MAX_RETRIES")
      expect(retries.problems[0]?.problem).toContain("Expected an integer value")

      const timeout = yield* fromEnvFailure({ ...fullEnv, BLOCKS_TIMEOUT: "soon" })
      expect(timeout.problems[0]?.problem).toContain("BLOCKS_TIMEOUT")
    }))

  it.effect("layerFetchFromEnv fails to build with the same error", () =>
    Effect.gen(function*() {
      const error = yield* Layer.build(CrmTransport.layerFetchFromEnv()).pipe(
        Effect.scoped,
        withEnv({ BLOCKS_API_URL: "https://crm.example.test" }),
        Effect.flip
      )
      expect(error._tag).toBe("ConfigurationError")
      expect(error.problems.map((p) => p.name)).toEqual(["BLOCKS_AUTH_TOKEN", "BLOCKS_API_KEY"])
    }))
})

describe("CrmConfig.make", () => {
  it.effect("applies the documented defaults", () =>
    Effect.gen(function*() {
      const settings = yield* CrmConfig.make({ apiUrl: "http://127.0.0.1:1", authToken: TOKEN, apiKey: API_KEY })
      expect(settings.apiUrl.href).toBe("http://127.0.0.1:1/")
      expect(settings.apiKeyHeader).toBe("AppId")
      expect(Duration.toMillis(settings.timeout)).toBe(30_000)
      expect(Option.isNone(settings.deadline)).toBe(true)
      expect(settings.retry.times).toBe(2)
      expect(Duration.toMillis(settings.retry.baseDelay)).toBe(200)
      expect(Duration.toMillis(settings.retry.maxRetryAfter)).toBe(30_000)
      expect(settings.idempotentPosts).toBe(true)
    }))

  it.effect("accepts Redacted credentials as given", () =>
    Effect.gen(function*() {
      const authToken = Redacted.make(TOKEN)
      const settings = yield* CrmConfig.make({ apiUrl: "https://x.test", authToken, apiKey: Redacted.make(API_KEY) })
      expect(settings.authToken).toBe(authToken)
      expect(Redacted.value(settings.apiKey)).toBe(API_KEY)
    }))

  it.effect("rejects blank credentials, naming each", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(CrmConfig.make({ apiUrl: "https://x.test", authToken: "", apiKey: "   " }))
      expect(error.problems).toEqual([
        { name: "authToken", problem: "is empty" },
        { name: "apiKey", problem: "is empty" }
      ])
    }))

  it.effect("reports every problem at once", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        CrmConfig.make({ apiUrl: "", authToken: " ", apiKey: API_KEY, retry: { times: -1 }, timeout: 0 })
      )
      expect(error.problems.map((p) => p.name)).toEqual(["apiUrl", "authToken", "retry.times", "timeout"])
      expect(error.message).not.toContain(API_KEY)
    }))

  it.effect("rejects a fractional retry count", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        CrmConfig.make({ apiUrl: "https://x.test", authToken: TOKEN, apiKey: API_KEY, retry: { times: 1.5 } })
      )
      expect(error.problems).toEqual([{ name: "retry.times", problem: "must be a whole number >= 0" }])
    }))

  it.effect("settings from JavaScript: undefined, null, numbers and objects are problems, never a TypeError", () =>
    Effect.gen(function*() {
      const unset = yield* Effect.flip(
        CrmConfig.make({
          apiUrl: "https://x.test",
          authToken: process.env["BLOCKS_NO_SUCH_VARIABLE"]!,
          apiKey: API_KEY
        })
      )
      expect(unset._tag).toBe("ConfigurationError")
      expect(unset.problems).toEqual([
        { name: "authToken", problem: "must be a string or a Redacted string, got undefined" }
      ])
      const wrongKinds = yield* Effect.flip(
        CrmConfig.make({ apiUrl: null, authToken: 42, apiKey: { key: API_KEY } } as unknown as CrmConfig.CrmOptions)
      )
      expect(wrongKinds.problems).toEqual([
        { name: "apiUrl", problem: "must be a string or a URL, got null" },
        { name: "authToken", problem: "must be a string or a Redacted string, got a number" },
        { name: "apiKey", problem: "must be a string or a Redacted string, got an object" }
      ])
      expect(wrongKinds.message).not.toContain(API_KEY)
      const redactedNumber = yield* Effect.flip(
        CrmConfig.make({ apiUrl: "https://x.test", authToken: Redacted.make(12345), apiKey: API_KEY } as any)
      )
      expect(redactedNumber.problems).toEqual([
        { name: "authToken", problem: "must be a string or a Redacted string, got a Redacted holding a number" }
      ])
      expect(redactedNumber.message).not.toContain("12345")
      const notAnObject = yield* Effect.flip(CrmConfig.make(undefined as unknown as CrmConfig.CrmOptions))
      expect(notAnObject.problems).toEqual([{
        name: "options",
        problem: "must be an object of settings, got undefined"
      }])
    }))

  it.effect("settings from JavaScript: optional settings of the wrong kind, null included, are each named", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(CrmConfig.make({
        apiUrl: "https://x.test",
        authToken: TOKEN,
        apiKey: API_KEY,
        apiKeyHeader: "x-api-key",
        timeout: "soon",
        deadline: null,
        retry: { times: "2", baseDelay: "fast", tries: 1 },
        idempotentPosts: "yes",
        maxResponseBytes: null
      } as unknown as CrmConfig.CrmOptions))
      const duration = "must be a duration (milliseconds or an Effect duration such as \"10 seconds\")"
      expect(error.problems).toEqual([
        { name: "apiKeyHeader", problem: "must be \"AppId\" or \"X-Api-Key\", got \"x-api-key\"" },
        { name: "retry.tries", problem: "is not a setting (settings: times, baseDelay, maxRetryAfter, schedule)" },
        { name: "retry.times", problem: "must be a whole number >= 0" },
        { name: "retry.baseDelay", problem: `${duration}, got a string` },
        { name: "timeout", problem: `${duration}, got a string` },
        { name: "deadline", problem: `${duration}, got null` },
        { name: "idempotentPosts", problem: "must be true or false, got a string" },
        { name: "maxResponseBytes", problem: "must be a whole number of bytes > 0" }
      ])
      const retryNumber = yield* Effect.flip(
        CrmConfig.make({ apiUrl: "https://x.test", authToken: TOKEN, apiKey: API_KEY, retry: 3 } as any)
      )
      expect(retryNumber.problems).toEqual([
        { name: "retry", problem: "must be an object (times, baseDelay, ...), got a number" }
      ])
      // Settings left undefined take their defaults, as the types allow.
      const settings = yield* CrmConfig.make({
        apiUrl: "https://x.test",
        authToken: TOKEN,
        apiKey: API_KEY,
        timeout: undefined,
        deadline: undefined
      })
      expect(Duration.toMillis(settings.timeout)).toBe(30_000)
      expect(Option.isNone(settings.deadline)).toBe(true)
    }))

  it.effect("a key that is not a setting is a problem, with the setting it most likely meant", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(CrmConfig.make({
        apiURL: "https://x.test",
        auth_token: TOKEN,
        apiKey: API_KEY,
        retries: 2
      } as unknown as CrmConfig.CrmOptions))
      expect(error.problems).toEqual([
        { name: "apiUrl", problem: "must be a string or a URL, got undefined" },
        { name: "authToken", problem: "must be a string or a Redacted string, got undefined" },
        { name: "apiURL", problem: "is not a setting: did you mean apiUrl?" },
        { name: "auth_token", problem: "is not a setting: did you mean authToken?" },
        {
          name: "retries",
          problem: "is not a setting (settings: apiUrl, authToken, apiKey, apiKeyHeader, timeout, deadline, retry, " +
            "idempotentPosts, maxResponseBytes)"
        }
      ])
      expect(error.message).not.toContain(TOKEN)
    }))

  it.effect("the transport layers fail to build with the same ConfigurationError", () =>
    Effect.gen(function*() {
      const options = { apiUrl: "https://x.test", authToken: undefined, apiKey: 7 } as unknown as CrmConfig.CrmOptions
      const builds: ReadonlyArray<Effect.Effect<unknown, CrmError.ConfigurationError, Scope.Scope>> = [
        Layer.build(CrmConfig.layer(options)),
        Layer.build(CrmTransport.layerFetch(options)),
        Layer.build(NodeTransport.layer(options))
      ]
      for (const build of builds) {
        const error = yield* Effect.flip(Effect.scoped(build))
        expect(error.problems).toEqual([
          { name: "authToken", problem: "must be a string or a Redacted string, got undefined" },
          { name: "apiKey", problem: "must be a string or a Redacted string, got a number" }
        ])
      }
      const fromEnv = yield* Effect.flip(
        Layer.build(CrmConfig.layerFromEnv({ timeout: null } as any)).pipe(Effect.scoped, withEnv(fullEnv))
      )
      expect(fromEnv.problems.map((p) => p.name)).toEqual(["BLOCKS_TIMEOUT"])
    }))
})
