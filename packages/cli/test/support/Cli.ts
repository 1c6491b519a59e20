/**
 * `crm ...args` run in this process against a running emulator, with its output captured: what the
 * command tests share.
 */
import { Emulator } from "@blocks-crm/emulator"
import * as NodeContext from "@effect/platform-node/NodeContext"
import type * as Console from "effect/Console"
import { afterAll, beforeAll } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Scope from "effect/Scope"
import { main } from "../../src/cli/Cli.js"

/** The client's settings for an emulator started here (its first tenant's credentials), without retries. */
export const settingsFor = (info: Emulator.EmulatorInfo) => ({
  apiUrl: info.url,
  authToken: info.seeds.tokens[0]!,
  apiKey: info.seeds.apiKeys[0]!,
  retry: { times: 0 }
})

/** A command's exit code and what it printed. */
export interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `crm ...args` on `info`'s emulator, as the seeded caller unless `as` names other credentials. */
export const run = (
  info: Emulator.EmulatorInfo,
  args: ReadonlyArray<string>,
  as: { readonly token?: string; readonly apiKey?: string } = {}
): Promise<Run> =>
  Effect.gen(function*() {
    const stdout: Array<string> = []
    const stderr: Array<string> = []
    const console = yield* Effect.console
    const capture: Console.Console = {
      ...console,
      log: (...parts) => Effect.sync(() => void stdout.push(parts.join(" "))),
      error: (...parts) => Effect.sync(() => void stderr.push(parts.join(" ")))
    }
    const connection = [
      "--api-url",
      info.url,
      "--token",
      as.token ?? info.seeds.tokens[0]!,
      "--api-key",
      as.apiKey ?? info.seeds.apiKeys[0]!
    ]
    const code = yield* main(["node", "crm", ...args, ...connection]).pipe(Effect.withConsole(capture))
    return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") }
  }).pipe(Effect.provide(NodeContext.layer), Effect.runPromise)

/**
 * An emulator for the enclosing `describe` block (started before its tests, stopped after them) and
 * `crm` on it: the setup every command test shares.
 */
export const onEmulator = (options: Partial<Emulator.EmulatorOptions> = {}) => {
  let info: Emulator.EmulatorInfo | undefined
  const scope = Effect.runSync(Scope.make())
  beforeAll(async () => {
    info = await Effect.runPromise(Scope.extend(Emulator.start({ port: 0, database: ":memory:", ...options }), scope))
  })
  afterAll(() => Effect.runPromise(Scope.close(scope, Exit.void)))
  const started = () => {
    if (info === undefined) throw new Error("the emulator is not started yet: call this inside a test")
    return info
  }
  return {
    info: started,
    run: (args: ReadonlyArray<string>, as: { readonly token?: string; readonly apiKey?: string } = {}) =>
      run(started(), args, as)
  }
}
