/**
 * `blocks-crm-emulator [--port 4010] [--host H] [--db FILE | --memory] [--json] [--seed FILE] [--faults]
 * [--cors-origin ORIGIN]... [--api-key KEY]... [--token TOKEN]... [--max-body-bytes N] [--log]`
 * Also mounted as `crm emulator` by the reference CLI.
 */
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { identity } from "effect/Function"
import * as Logger from "effect/Logger"
import * as Option from "effect/Option"
import { localSeeds } from "./Credentials.js"
import type { Seeds } from "./Credentials.js"
import * as Emulator from "./Emulator.js"
import * as RequestBody from "./RequestBody.js"

const fromEnv = (name: string) => (process.env[name] ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "")

const options = {
  port: Options.integer("port").pipe(
    Options.withDefault(4010),
    Options.withDescription("Port to listen on (0 picks a free one)")
  ),
  host: Options.text("host").pipe(Options.withDefault("127.0.0.1"), Options.withDescription("Interface to listen on")),
  db: Options.file("db").pipe(
    Options.optional,
    Options.withDescription("SQLite file (default: your data directory, or ./.crm/emulator.db)")
  ),
  memory: Options.boolean("memory").pipe(Options.withDescription("Keep data in memory only")),
  // Repeatable and optional: without any, the environment's or the local seeds are used.
  apiKeys: Options.text("api-key").pipe(
    Options.repeated,
    Options.withDefault([]),
    Options.withDescription(
      "An accepted API key, repeatable; each key is a tenant (env EMULATOR_API_KEYS; default: the local seeds)"
    )
  ),
  tokens: Options.text("token").pipe(
    Options.repeated,
    Options.withDefault([]),
    Options.withDescription("An accepted bearer token, repeatable (env EMULATOR_TOKENS; default: the local seeds)")
  ),
  faults: Options.boolean("faults").pipe(
    Options.withDescription("Enable fault injection (X-Emulator-Fault, /__emulator/faults)")
  ),
  maxBodyBytes: Options.integer("max-body-bytes").pipe(
    Options.withDefault(RequestBody.defaultMaxBodyBytes),
    Options.withDescription("The largest request body accepted, in bytes (413 above it)")
  ),
  log: Options.boolean("log").pipe(Options.withDescription("Log one line per request (on stderr)")),
  json: Options.boolean("json").pipe(
    Options.withDescription(
      `Print one JSON line on stdout once listening: {"url","authToken","apiKey","tenants"}; the rest goes to stderr`
    )
  ),
  seed: Options.file("seed", { exists: "yes" }).pipe(
    Options.optional,
    Options.withDescription("A JSON (or JSON:API) file of records per tenant and domain to start with")
  ),
  corsOrigins: Options.text("cors-origin").pipe(
    Options.repeated,
    Options.withDefault([]),
    Options.withDescription(
      "An origin browser pages may call from, repeatable: https://app.example, http://host:* (any port), or * (no credentials). Default: http://localhost:*, http://127.0.0.1:*, http://[::1]:*"
    )
  )
}

/** The `--json` line: where it listens, the first tenant's credentials, and every tenant. */
export const jsonLine = (info: Emulator.EmulatorInfo): string =>
  JSON.stringify({
    url: info.url,
    authToken: info.seeds.tokens[0],
    apiKey: info.seeds.apiKeys[0],
    tenants: info.tenants.map((tenant) => ({ apiKey: tenant.apiKey, tenantId: tenant.tenantId }))
  })

const seedsFrom = (apiKeys: ReadonlyArray<string>, tokens: ReadonlyArray<string>): Seeds => {
  const keys = apiKeys.length > 0 ? apiKeys : fromEnv("EMULATOR_API_KEYS")
  const toks = tokens.length > 0 ? tokens : fromEnv("EMULATOR_TOKENS")
  return { apiKeys: keys.length > 0 ? keys : localSeeds.apiKeys, tokens: toks.length > 0 ? toks : localSeeds.tokens }
}

/** The start-up banner: the only place the seeded credentials are ever printed. */
export const banner = (info: Emulator.EmulatorInfo) =>
  [
    `CRM emulator listening on ${info.url}  (domains: ${info.domains.join(", ")})`,
    `  database   ${info.database}`,
    `  docs       ${info.url}/docs   openapi ${info.url}/openapi.json`,
    `  export BLOCKS_API_URL=${info.url}`,
    `  export BLOCKS_AUTH_TOKEN=${info.seeds.tokens[0]}`,
    `  export BLOCKS_API_KEY=${info.seeds.apiKeys[0]}`,
    ...(info.seeds.apiKeys.length > 1
      ? [`  other API keys (one tenant each): ${info.seeds.apiKeys.slice(1).join(", ")}`]
      : []),
    ...(info.seeds.tokens.length > 1 ? [`  other tokens: ${info.seeds.tokens.slice(1).join(", ")}`] : [])
  ].join("\n")

/** The emulator's command line (`blocks-crm-emulator`, and `crm emulator` in the reference CLI). */
export const emulatorCommand = Command.make("emulator", options, (opts) =>
  Effect.scoped(
    Effect.gen(function*() {
      const info = yield* Emulator.start({
        port: opts.port,
        host: opts.host,
        database: opts.memory ? ":memory:" : Option.getOrUndefined(opts.db),
        seeds: seedsFrom(opts.apiKeys, opts.tokens),
        faults: opts.faults,
        logRequests: opts.log,
        maxBodyBytes: opts.maxBodyBytes,
        seed: Option.getOrUndefined(opts.seed),
        corsOrigins: opts.corsOrigins.length > 0 ? opts.corsOrigins : undefined
      })
      if (opts.json) {
        // stdout carries the one line a script reads; the banner is for the person watching stderr.
        yield* Console.error(banner(info))
        yield* Console.log(jsonLine(info))
      } else {
        yield* Console.log(banner(info))
      }
      return yield* Effect.never
    })
  ).pipe(
    // With --json, logs (--log, warnings) go to stderr too, so stdout holds exactly the one line.
    opts.json
      ? Effect.provide(Logger.replace(Logger.defaultLogger, Logger.withConsoleError(Logger.defaultLogger)))
      : identity
  )).pipe(Command.withDescription("Serve the CRM API emulator on loopback"))
