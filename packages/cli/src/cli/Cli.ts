/**
 * `crm <resource> [<sub>] <action> [args] [flags]` (reflected from the domains' contracts), `crm demo`,
 * `crm emulator`.
 *
 * A run loads only what its command line needs (`Launch.plan`): the help is printed from the command
 * tree; a resource's command loads the domains that hold it, and a command line that parses cleanly
 * runs straight away (`DirectRun`). Everything else goes through `@effect/cli` (`EffectCommands`,
 * imported then): a mistake to report with its usage, the demo, the emulator, the completions and the
 * wizard (only the last two build the whole tree).
 */
import type { CrmDomain } from "@blocks-crm/sdk"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Domains from "../domains.js"
import * as ApiCommands from "./ApiCommands.js"
import * as CommandTree from "./CommandTree.js"
import * as DirectRun from "./DirectRun.js"
import * as Failure from "./Failure.js"
import * as Launch from "./Launch.js"
import type * as Tree from "./Tree.js"

/** What `main` runs on: the domains (every domain of `@blocks-crm/sdk` by default) and their command tree. */
export interface MainOptions {
  /** Loads a domain by its name; `Domains.loaders` by default. */
  readonly load?: (name: string) => Promise<CrmDomain.Any>
  /** The command tree, when it was built ahead (the published CLI reads `dist/commands.json`). */
  readonly tree?: Tree.Tree
  /** The version `crm --version` prints (the package's). */
  readonly version?: string
}

const loadAll = (load: (name: string) => Promise<CrmDomain.Any>, names: ReadonlyArray<string>) =>
  Effect.promise(() => Promise.all(names.map(load)))

const effectCommands = Effect.promise(() => import("./EffectCommands.js"))

/**
 * Runs the CLI on `argv` (as `process.argv`: runtime and script first) and returns the exit code,
 * having printed what went wrong.
 */
export const main = (argv: ReadonlyArray<string>, options: MainOptions = {}) =>
  Effect.gen(function*() {
    const version = options.version ?? options.tree?.version ?? "0.0.0"
    const load = options.load ?? ((name: string) => Domains.loaders[name]!())
    const names = Object.keys(Domains.loaders)
    const tree = options.tree ??
      CommandTree.fromDomains(yield* loadAll(load, names), version)
    const plan = Launch.plan(argv.slice(2), tree)
    const width = process.stdout.isTTY === true ? process.stdout.columns : undefined
    switch (plan._tag) {
      case "help": {
        // The help (and cliui) only when asked: the bin prints it without coming here.
        const Help = yield* Effect.promise(() => import("./Help.js"))
        yield* Console.log(Help.forWords(tree, plan.words, width)!)
        return Failure.ExitCode.ok
      }
      case "version": {
        yield* Console.log(version)
        return Failure.ExitCode.ok
      }
      case "demo": {
        const cli = yield* effectCommands
        return yield* cli.runCommands(argv, [cli.demoCommand], version)
      }
      case "emulator": {
        const cli = yield* effectCommands
        return yield* cli.runCommands(argv, [yield* cli.emulatorCommand], version)
      }
      case "resource": {
        const domains = yield* loadAll(load, plan.domains)
        // Only the commands whose words begin the line: the one it runs, if any, is among them.
        const args = argv.slice(2)
        const begins = (words: ReadonlyArray<string>) => words.every((word, i) => args[i] === word)
        const actions = domains.flatMap((domain) => ApiCommands.actionsOf(domain.api, plan.word, begins))
        const direct = DirectRun.parse(args, actions)
        if (direct !== undefined) return yield* DirectRun.run(direct.action, direct.invocation)
        const cli = yield* effectCommands
        return yield* cli.runCommands(argv, cli.resourceCommands(domains, plan.word), version)
      }
      case "completions": {
        const cli = yield* effectCommands
        yield* cli.completions(plan.shell, [
          ...cli.resourceCommands(yield* loadAll(load, tree.domains)),
          cli.demoCommand,
          yield* cli.emulatorCommand
        ])
        return Failure.ExitCode.ok
      }
      case "full": {
        const cli = yield* effectCommands
        return yield* cli.runCommands(argv, [
          ...cli.resourceCommands(yield* loadAll(load, tree.domains)),
          cli.demoCommand,
          yield* cli.emulatorCommand
        ], version)
      }
    }
  })
