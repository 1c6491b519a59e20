/**
 * `emulator [--port 4010] [--db FILE | --memory] [--api-key KEY]... [--token TOKEN]... [--faults] [--max-body-bytes N]`
 * Also mounted as `crm emulator` by the reference CLI.
 */
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
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
  log: Options.boolean("log").pipe(Options.withDescription("Log one line per request"))
}

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
        maxBodyBytes: opts.maxBodyBytes
      })
      yield* Console.log(banner(info))
      return yield* Effect.never
    })
  )).pipe(Command.withDescription("Serve the CRM API emulator on loopback"))
