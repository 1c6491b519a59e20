/**
 * Where the CLI sends its calls. With `BLOCKS_API_URL` (or `--api-url`) set: that API, with the token
 * and key from `BLOCKS_AUTH_TOKEN` / `BLOCKS_API_KEY` (or `--token` / `--api-key`), validated by
 * core-http's `CrmConfig` so a missing one fails naming every missing variable. Without it: the
 * emulator, started in this process on the local database (imported only then: it is the largest
 * part of the CLI to load). Either way calls go over `node:http`
 * (`CrmTransport.layer` on `NodeHttpClient`): for the few requests of a command, starting fast matters
 * more than the throughput undici gives, and loading undici (the package, or Node's own behind
 * `fetch`) cost more CPU than the rest of a `crm leads list`.
 */
import type { ConfigurationError } from "@blocks-crm/core-http/CrmError"
import * as CrmConfig from "@blocks-crm/core-http/CrmConfig"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as Cause from "effect/Cause"
import * as Config from "effect/Config"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Console from "effect/Console"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"

/** The embedded emulator could not start (an unwritable database file, say). */
export class EmbeddedEmulatorError extends Data.TaggedError("EmbeddedEmulatorError")<{
  readonly database: string
  readonly reason: string
}> {
  override get message() {
    return `The embedded emulator could not start on ${this.database}: ${this.reason}`
  }
}

/** The connection flags of a command, as parsed. */
export interface ConnectionFlags {
  readonly apiUrl: Option.Option<string>
  readonly token: Option.Option<Redacted.Redacted<string>>
  readonly apiKey: Option.Option<Redacted.Redacted<string>>
  readonly db: Option.Option<string>
}

const nonBlank = (value: Option.Option<string>) => Option.filter(value, (v) => v.trim() !== "")

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === "object" && error !== null && "message" in error
    ? String(error.message)
    : String(error)

const overNodeHttp = <E>(config: Layer.Layer<CrmConfig.CrmConfig, E>) =>
  CrmTransport.layer.pipe(Layer.provide([config, NodeHttpClient.layer]))

/** The emulator on `--db` or its default database (`CRM_EMULATOR_DB`, else the data directory), for as long as the layer lives. */
export const embeddedTransport = (
  db: Option.Option<string>,
  notice: (database: string) => string = (database) =>
    `Using the embedded emulator at ${database} (set BLOCKS_API_URL to use a real API)`
): Layer.Layer<CrmTransport.CrmTransport, EmbeddedEmulatorError> =>
  Layer.unwrapScoped(
    Effect.gen(function*() {
      const { Database, Emulator } = yield* Effect.promise(() => import("@blocks-crm/emulator"))
      const database = Option.getOrElse(nonBlank(db), Database.defaultDatabasePath)
      // A database that cannot be opened surfaces as a thrown error or a defect as well as a failure.
      const info = yield* Effect.suspend(() => Emulator.start({ port: 0, database })).pipe(
        Effect.catchAllCause((cause) =>
          Cause.isInterruptedOnly(cause)
            ? Effect.interrupt
            : Effect.fail(new EmbeddedEmulatorError({ database, reason: describe(Cause.squash(cause)) }))
        )
      )
      yield* Console.error(notice(database))
      return overNodeHttp(CrmConfig.layer({
        apiUrl: info.url,
        authToken: info.seeds.tokens[0]!,
        apiKey: info.seeds.apiKeys[0]!
      })).pipe(Layer.orDie)
    })
  )

/** The transport a command runs on: a remote API, or the embedded emulator. */
export type Transport = Layer.Layer<CrmTransport.CrmTransport, ConfigurationError | EmbeddedEmulatorError>

/**
 * The transport the flags and the environment ask for. Flags win over the environment: they are laid
 * over it as the variables they stand for, so core-http reads both the same way.
 */
export const transport = (flags: ConnectionFlags): Transport =>
  Layer.unwrapEffect(
    Effect.gen(function*() {
      const envUrl = yield* Config.option(Config.string("BLOCKS_API_URL")).pipe(
        Effect.orElseSucceed(() => Option.none())
      )
      if (Option.isNone(Option.orElse(nonBlank(flags.apiUrl), () => nonBlank(envUrl)))) {
        const embedded: Transport = embeddedTransport(flags.db)
        return embedded
      }
      const overrides = new Map<string, string>([
        // A blank flag counts as not given, as it does when choosing between embedded and remote.
        ...Option.toArray(Option.map(nonBlank(flags.apiUrl), (v) => ["BLOCKS_API_URL", v] as const)),
        ...Option.toArray(
          Option.map(nonBlank(Option.map(flags.token, Redacted.value)), (v) => ["BLOCKS_AUTH_TOKEN", v] as const)
        ),
        ...Option.toArray(
          Option.map(nonBlank(Option.map(flags.apiKey, Redacted.value)), (v) => ["BLOCKS_API_KEY", v] as const)
        )
      ])
      const current = yield* Effect.configProviderWith(Effect.succeed)
      const provider = ConfigProvider.orElse(ConfigProvider.fromMap(overrides), () => current)
      const remote: Transport = overNodeHttp(CrmConfig.layerFromEnv()).pipe(
        Layer.provide(Layer.setConfigProvider(provider))
      )
      return remote
    })
  )
