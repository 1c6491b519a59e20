/**
 * The emulator for test runners and scripts, as Promises: `startEmulator()` serves every built-in
 * domain in memory on a free loopback port and answers where it listens and the credentials to use.
 *
 *   const emulator = await startEmulator()
 *   const client = createCrmClient({ apiUrl: emulator.url, authToken: emulator.authToken, apiKey: emulator.apiKey, domains: [pipeline] })
 *   await emulator.reset()   // between tests: every tenant's data gone, the credentials still valid
 *   await emulator.close()
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Scope from "effect/Scope"
import type * as Credentials from "./Credentials.js"
import * as Emulator from "./Emulator.js"
import type { EmulatorDomain } from "./EmulatorDomain.js"
import type * as Fixtures from "./Fixtures.js"

/** How to start it; every option may be left out. */
export interface StartEmulatorOptions {
  /** The port; 0 (the default) picks a free one. */
  readonly port?: number | undefined
  /** The interface to listen on. Default: 127.0.0.1. */
  readonly host?: string | undefined
  /** Keep data in memory (the default unless `db` is given). */
  readonly memory?: boolean | undefined
  /** A SQLite file to keep data in, kept between runs. */
  readonly db?: string | undefined
  /** The domains to serve. Default: `builtInDomains`; add a team's own with `[...builtInDomains, mine]`. */
  readonly domains?: ReadonlyArray<EmulatorDomain> | undefined
  /** Records to start with: a JSON (or JSON:API) file's path, or the fixtures as a value (`Fixtures`). */
  readonly seed?: Fixtures.Source | undefined
  /** The origins a browser page may call from. Default: loopback pages on any port; `[]` turns CORS off. */
  readonly corsOrigins?: ReadonlyArray<string> | undefined
  /** Accept `X-Emulator-Fault` and `/__emulator/faults`. Off by default. */
  readonly faults?: boolean | undefined
  /** The accepted API keys (one tenant each) and bearer tokens. Default: `pk_local_emulator`, `tok_local_emulator`. */
  readonly seeds?: Credentials.Seeds | undefined
}

/** A running emulator: where it listens, the first tenant's credentials, and its controls. */
export interface RunningEmulator {
  /** The base URL, e.g. `http://127.0.0.1:38121` (the SDK's `apiUrl`, `BLOCKS_API_URL`). */
  readonly url: string
  /** A bearer token it accepts (`BLOCKS_AUTH_TOKEN`). */
  readonly authToken: string
  /** The first tenant's API key (`BLOCKS_API_KEY`). */
  readonly apiKey: string
  /** Every tenant: its API key and the id its records are stored under. */
  readonly tenants: ReadonlyArray<{ readonly apiKey: string; readonly tenantId: string }>
  /** Empties every tenant's data (fixtures included); the credentials keep working. */
  readonly reset: () => Promise<void>
  /** Stops listening and closes the database; resolves once it has. */
  readonly close: () => Promise<void>
}

const run = async <A, E>(effect: Effect.Effect<A, E>): Promise<A> => {
  const exit = await Effect.runPromiseExit(effect)
  if (Exit.isSuccess(exit)) return exit.value
  // The error itself (a FixtureError naming the bad record, a DatabaseError, …), not a wrapper.
  throw Cause.squash(exit.cause)
}

/**
 * Starts the emulator and resolves once it answers requests; rejects with the reason (a bad fixture
 * file names the path of its first bad record, and nothing is loaded) when it cannot.
 */
export const startEmulator = async (options: StartEmulatorOptions = {}): Promise<RunningEmulator> => {
  const scope = Effect.runSync(Scope.make())
  const close = () => run(Scope.close(scope, Exit.void))
  const database = options.db !== undefined && options.memory !== true ? options.db : ":memory:"
  const info = await run(
    Scope.extend(
      Emulator.start({
        port: options.port ?? 0,
        host: options.host,
        database,
        domains: options.domains,
        seed: options.seed,
        corsOrigins: options.corsOrigins,
        faults: options.faults,
        seeds: options.seeds
      }),
      scope
    )
  ).catch(async (error: unknown) => {
    await close()
    throw error
  })
  return {
    url: info.url,
    authToken: info.seeds.tokens[0] ?? "",
    apiKey: info.seeds.apiKeys[0] ?? "",
    tenants: info.tenants,
    reset: () => run(info.reset),
    close
  }
}
