/**
 * The API commands as `@effect/cli` commands, built from the actions `ApiCommands` reflects from the
 * contracts: one option per input, parsed by the field's own schema. Loaded only for what `DirectRun`
 * leaves to `@effect/cli`: a command line with a mistake (so the message and the usage are its own),
 * the completions and the wizard.
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as HelpDoc from "@effect/cli/HelpDoc"
import * as Options from "@effect/cli/Options"
import * as ValidationError from "@effect/cli/ValidationError"
import type { CrmDomain } from "@blocks-crm/sdk"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ApiCommands from "./ApiCommands.js"
import type { Action, Input } from "./ApiCommands.js"
import * as ConnectionOptions from "./ConnectionOptions.js"
import * as Failure from "./Failure.js"
import * as Help from "./Help.js"
import * as Output from "./Output.js"

const { actionsOf, helpOf, parserOf, resourcesOf } = ApiCommands

const capitalized = (text: string) => `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`

const checked = <E>(input: Input, failure: (message: string) => E) => {
  // Made on first use: a command line parses the flags of one command, not of every command built.
  let parse: ReturnType<typeof parserOf> | undefined
  return (raw: unknown): Effect.Effect<unknown, E> =>
    Either.match((parse ??= parserOf(input))(input.kind._tag === "boolean" ? raw === "true" : raw), {
      onLeft: (message) => Effect.fail(failure(message)),
      onRight: (value) => Effect.succeed(value)
    })
}

const optionOf = (input: Input): Options.Options<unknown> => {
  const kind = input.kind
  const base: Options.Options<unknown> = kind._tag === "integer"
    ? Options.integer(input.flag)
    : kind._tag === "number"
    ? Options.float(input.flag)
    : kind._tag === "choice"
    ? Options.choice(input.flag, kind.choices)
    : kind._tag === "boolean"
    ? Options.choice(input.flag, ["true", "false"])
    : Options.text(input.flag)
  const help = helpOf(input)
  const described = help === undefined ? base : Options.withDescription(base, help)
  const parsed = Options.mapEffect(described, checked(input, (m) => ValidationError.invalidValue(HelpDoc.p(m))))
  return input.field.optional ? Options.optional(parsed) : parsed
}

const argOf = (input: Input): Args.Args<unknown> => {
  const base = Args.text({ name: input.flag })
  const help = helpOf(input)
  return Args.mapEffect(help === undefined ? base : Args.withDescription(base, help), checked(input, HelpDoc.p))
}

const json = Options.boolean("json").pipe(Options.withDescription("Print JSON instead of a table (NDJSON with --all)"))
const output = Options.choice("output", ["table", "json", "csv"]).pipe(
  Options.withDescription("How to print the answer: table (the default), json or csv"),
  Options.optional
)

const all = Options.boolean("all").pipe(
  Options.withDescription("Fetch every page, from --page if given (progress on stderr)")
)

const commandOf = (action: Action) => {
  const signingSecret = action.signing === undefined ? {} : {
    signingSecret: Options.redacted(action.signing.secretName).pipe(
      Options.withDescription("The shared secret to sign the request with (unsigned without it)"),
      Options.optional
    )
  }
  const config = {
    inputs: Options.all(action.inputs.filter((input) => input.in !== "path").map(optionOf)),
    args: Args.all(action.inputs.filter((input) => input.in === "path").map(argOf)),
    json,
    output,
    ...(action.paginated ? { all } : {}),
    ...signingSecret,
    ...ConnectionOptions.connectionOptions
  }
  return Command.make(action.name, config, (flags) => {
    const { apiKey, apiUrl, db, token } = flags
    const options = flags.inputs as ReadonlyArray<unknown>
    const args = flags.args as ReadonlyArray<unknown>
    let a = 0
    let o = 0
    return ApiCommands.execute(action, {
      values: action.inputs.map((input) => (input.in === "path" ? args[a++] : options[o++])),
      format: flags.json ? "json" : Option.getOrElse(flags.output, (): ApiCommands.Format => "table"),
      all: "all" in flags && flags.all === true,
      signingSecret: "signingSecret" in flags ? flags.signingSecret : Option.none(),
      connection: { apiKey, apiUrl, db, token }
    })
  }).pipe(Command.withDescription(action.description))
}

/** Any command of the CLI: every handler provides its own transport, so none needs a service. */
export type AnyCommand = Command.Command<string, never, unknown, unknown>

/** A command with subcommands that, called alone, shows its help. */
export const group = (
  name: string,
  description: string,
  subcommands: ReadonlyArray<Command.Command<any, any, any, any>>
): AnyCommand => {
  const command: AnyCommand = Command.make(
    name,
    {},
    () => Effect.suspend(() => Effect.fail(ValidationError.helpRequested(command.descriptor)))
  ).pipe(
    Command.withSubcommands(subcommands as [Command.Command<any, any, any, any>]),
    Command.withDescription(description)
  ) as AnyCommand
  return command
}

interface Node {
  readonly name: string
  description: string | undefined
  readonly actions: Array<Action>
  readonly children: Map<string, Node>
}

/**
 * The resource commands of a list of domains: one per group, nested as the groups' paths say. With
 * `only`, just the top-level resource of that name (a command line runs one: building the others'
 * flags would only cost start time).
 */
export const resourceCommands = (
  domains: ReadonlyArray<CrmDomain.Any>,
  only?: string
): ReadonlyArray<AnyCommand> => {
  const root: Node = { name: "", description: undefined, actions: [], children: new Map() }
  const nodeAt = (path: ReadonlyArray<string>) =>
    path.reduce((node, word) => {
      const existing = node.children.get(word)
      if (existing !== undefined) return existing
      const child: Node = { name: word, description: undefined, actions: [], children: new Map() }
      node.children.set(word, child)
      return child
    }, root)
  for (const domain of domains) {
    for (const resource of resourcesOf(domain.api)) {
      if (only === undefined || resource.path[0] === only) nodeAt(resource.path).description ??= resource.description
    }
    for (const action of actionsOf(domain.api, only)) nodeAt(action.resource).actions.push(action)
  }
  const build = (node: Node): AnyCommand =>
    group(node.name, node.description ?? capitalized(node.name), [
      ...node.actions.map(commandOf),
      ...[...node.children.values()].map(build)
    ])
  return [...root.children.values()].map(build)
}

// ---------------------------------------------------------------------------------------------------
// The whole CLI

/** `crm demo`, the demo imported when it runs. */
export const demoCommand: AnyCommand = Command.make(
  "demo",
  { db: ConnectionOptions.databaseOption },
  ({ db }) => Effect.flatMap(Effect.promise(() => import("./DemoCommand.js")), (demo) => demo.run(db))
).pipe(
  Command.withDescription(Help.extraCommands[0]![1])
) as unknown as AnyCommand

/** `crm emulator`: the emulator's own command, imported when it runs. */
export const emulatorCommand = Effect.promise(() => import("@blocks-crm/emulator")).pipe(
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

/** The completion script of `shell` over `subcommands`, printed. */
export const completions = (shell: "bash" | "zsh" | "fish", subcommands: ReadonlyArray<AnyCommand>) => {
  const root = rootOf(subcommands)
  const lines = shell === "bash"
    ? Effect.map(Command.getBashCompletions(root, "crm"), fixBashCases)
    : shell === "zsh"
    ? Command.getZshCompletions(root, "crm")
    : Command.getFishCompletions(root, "crm")
  return Effect.flatMap(lines, (script) => Console.log(script.join("\n")))
}

/** Runs `argv` through `@effect/cli` over `subcommands` and returns the exit code, having printed what went wrong. */
export const runCommands = (argv: ReadonlyArray<string>, subcommands: ReadonlyArray<AnyCommand>, version: string) =>
  Effect.consoleWith((console) =>
    Effect.withConsole(cliOf(subcommands, version)(argv), Output.plainWhereNeeded(console))
  )
    .pipe(
      Effect.provide(NodeContext.layer),
      Effect.matchCauseEffect({
        onSuccess: () => Effect.succeed(Failure.ExitCode.ok),
        onFailure: (cause) => {
          const { code, message } = Failure.describeCause(cause)
          return Effect.as(message === undefined ? Effect.void : Console.error(message), code)
        }
      })
    )
