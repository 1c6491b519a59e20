/**
 * `crm <resource> [<sub>] <action> [args] [flags]` (reflected from the domains' contracts), `crm demo`,
 * `crm emulator`.
 *
 * A run loads only what its command line needs (`Launch.plan`): the help is printed from the command
 * tree; a resource's command builds the commands of the domains that hold it, not of every domain; the
 * demo and the emulator are imported when they run. Only the completions and the wizard build the
 * whole tree.
 */
import * as Command from "@effect/cli/Command"
import type { CrmDomain } from "@blocks-crm/sdk"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Domains from "../domains.js"
import { group, resourceCommands } from "./ApiCommands.js"
import type { AnyCommand } from "./ApiCommands.js"
import * as CommandTree from "./CommandTree.js"
import * as Connection from "./Connection.js"
import * as Failure from "./Failure.js"
import * as Help from "./Help.js"
import * as Launch from "./Launch.js"
import type * as Tree from "./Tree.js"

const demoCommand: AnyCommand = Command.make(
  "demo",
  { db: Connection.databaseOption },
  ({ db }) => Effect.flatMap(Effect.promise(() => import("./DemoCommand.js")), (demo) => demo.run(db))
).pipe(
  Command.withDescription(Help.extraCommands[0]![1])
) as unknown as AnyCommand

/** `crm emulator`: the emulator's own command, imported when it runs. */
const emulatorCommand = Effect.promise(() => import("@blocks-crm/emulator")).pipe(
  Effect.map(({ Cli }) => Cli.emulatorCommand as unknown as AnyCommand)
)

const rootOf = (subcommands: ReadonlyArray<AnyCommand>) =>
  group("crm", "The 23blocks CRM from the command line", subcommands)

const cliOf = (subcommands: ReadonlyArray<AnyCommand>, version: string) =>
  Command.run(rootOf(subcommands), { name: "crm", version })

/**
 * Two slips of `@effect/cli`'s bash script, mended: it names a command three words deep
 * `crm,leads,follows` where its loop looks for `crm__leads,follows` (so nothing under `leads follows`
 * completed), and it gives `compgen -W` a flag's choices separated by commas (so `--stage <TAB>`
 * offered one word, `new,contacted,...`).
 */
const fixBashCases = (lines: ReadonlyArray<string>) =>
  lines.map((line) =>
    line.replace(/^(\s+)([A-Za-z0-9_,]+,[A-Za-z0-9_]+)\)$/, (_, indent: string, label: string) => {
      const words = label.split(",")
      return `${indent}${words.slice(0, -1).join("__")},${words[words.length - 1]})`
    }).replace(/compgen -W "([^"$]*)"/, (_, choices: string) => `compgen -W "${choices.replace(/,/g, " ")}"`)
  )

const completions = (shell: "bash" | "zsh" | "fish", subcommands: ReadonlyArray<AnyCommand>) => {
  const root = rootOf(subcommands)
  const lines = shell === "bash"
    ? Effect.map(Command.getBashCompletions(root, "crm"), fixBashCases)
    : shell === "zsh"
    ? Command.getZshCompletions(root, "crm")
    : Command.getFishCompletions(root, "crm")
  return Effect.flatMap(lines, (script) => Console.log(script.join("\n")))
}

// @effect/cli styles its help and errors with ANSI codes whatever the output is.
// eslint-disable-next-line no-control-regex -- the escape character is what marks an ANSI code
const ansi = /\u001b\[[0-9;]*m/g
const strip = (value: unknown) => (typeof value === "string" ? value.replace(ansi, "") : value)

/** Colour only on a terminal, and never with `NO_COLOR` set (https://no-color.org). */
const wantsColour = (stream: { readonly isTTY?: boolean }) =>
  stream.isTTY === true && (process.env.NO_COLOR ?? "") === ""

const plainWhereNeeded = (console: Console.Console): Console.Console => {
  const out = wantsColour(process.stdout)
  const err = wantsColour(process.stderr)
  return {
    ...console,
    log: (...args) => console.log(...(out ? args : args.map(strip))),
    info: (...args) => console.info(...(out ? args : args.map(strip))),
    error: (...args) => console.error(...(err ? args : args.map(strip))),
    warn: (...args) => console.warn(...(err ? args : args.map(strip)))
  }
}

/** Runs `argv` through `@effect/cli` over `subcommands` and returns the exit code, having printed what went wrong. */
const runCommands = (argv: ReadonlyArray<string>, subcommands: ReadonlyArray<AnyCommand>, version: string) =>
  Effect.consoleWith((console) => Effect.withConsole(cliOf(subcommands, version)(argv), plainWhereNeeded(console)))
    .pipe(
      Effect.matchCauseEffect({
        onSuccess: () => Effect.succeed(Failure.ExitCode.ok),
        onFailure: (cause) => {
          const { code, message } = Failure.describeCause(cause)
          return Effect.as(message === undefined ? Effect.void : Console.error(message), code)
        }
      })
    )

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
        yield* Console.log(Help.forWords(tree, plan.words, width)!)
        return Failure.ExitCode.ok
      }
      case "version": {
        yield* Console.log(version)
        return Failure.ExitCode.ok
      }
      case "demo":
        return yield* runCommands(argv, [demoCommand], version)
      case "emulator":
        return yield* runCommands(argv, [yield* emulatorCommand], version)
      case "resource":
        return yield* runCommands(argv, resourceCommands(yield* loadAll(load, plan.domains), plan.word), version)
      case "completions": {
        yield* completions(plan.shell, [
          ...resourceCommands(yield* loadAll(load, tree.domains)),
          demoCommand,
          yield* emulatorCommand
        ])
        return Failure.ExitCode.ok
      }
      case "full":
        return yield* runCommands(argv, [
          ...resourceCommands(yield* loadAll(load, tree.domains)),
          demoCommand,
          yield* emulatorCommand
        ], version)
    }
  })
