/**
 * `crm ...args` run in this process against a running emulator, with its output captured: what the
 * command tests share.
 */
import type { Emulator } from "@blocks-crm/emulator"
import * as NodeContext from "@effect/platform-node/NodeContext"
import type * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { main } from "../../src/cli/Cli.js"

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
