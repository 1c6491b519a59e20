/**
 * The help, rendered from the command tree (`Tree`) with cliui (yargs' layout library) instead of
 * `@effect/cli`'s, which prints every command of every group with all its flags (488 lines for `crm`)
 * and repeats the built-in options under each group. Three levels, each fitting a screen:
 * `crm --help` (domains and resources, one line each, the global options once), `crm leads --help`
 * (a resource's commands, one line each) and `crm leads create --help` (its flags and an example).
 */
import cliui from "cliui"
import * as Tree from "./Tree.js"

/** Exit codes, as `Failure.ExitCode` sets them. */
export const exitCodes = "Exit codes: 0 ok, 2 usage, 3 API error, 4 network, 5 configuration"

const commonFlags = "--json, --output table|json|csv, --api-url, --token, --api-key, --db (see crm --help)"

const globalOptions: ReadonlyArray<readonly [string, string]> = [
  ["--api-url URL", "API base URL (env BLOCKS_API_URL); without it, the embedded emulator"],
  ["--token, --api-key TEXT", "Bearer token and API key (env BLOCKS_AUTH_TOKEN, BLOCKS_API_KEY)"],
  ["--db FILE", "The embedded emulator's database (env CRM_EMULATOR_DB; :memory: keeps nothing)"],
  ["--json, --output FORMAT", "JSON instead of a table, or table|json|csv (NDJSON with --all)"],
  ["--completions SHELL", "Print a completion script for bash, zsh or fish"],
  ["--log-level LEVEL", "Log level: all|trace|debug|info|warning|error|fatal|none"],
  ["--wizard", "Build a command step by step"],
  ["--version", "Print the version"],
  ["-h, --help", "This help; crm <resource> --help for a resource's commands"]
]

/** Commands that are not reflected from a contract. */
export const extraCommands: ReadonlyArray<readonly [string, string]> = [
  ["demo", "Walk a sales pipeline on the embedded emulator and print a report"],
  ["emulator", "Run the CRM emulator on loopback (crm emulator --help)"]
]

const capitalized = (text: string) => `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`

/** The width to lay out for: the terminal's, or 100 columns in a pipe. */
const widthOf = (width: number | undefined) => Math.max(60, Math.min(width ?? 100, 120))

// One line per entry: a description longer than the terminal is left to the terminal to fold, so
// cliui's own wrapping (which cuts words in its ESM build) is off.
const layout = (width: number | undefined) => cliui({ width: widthOf(width), wrap: false })

const table = (
  ui: ReturnType<typeof cliui>,
  rows: ReadonlyArray<readonly [string, string]>,
  indent = 2
) => {
  const first = Math.max(...rows.map(([left]) => left.length)) + indent + 2
  for (const [left, right] of rows) {
    ui.div({ text: left, width: first, padding: [0, 0, 0, indent] }, { text: right })
  }
}

/** `crm --help`: the domains and their resources, one line each, the other commands, the global options. */
export const root = (tree: Tree.Tree, width?: number): string => {
  const ui = layout(width)
  ui.div(`crm ${tree.version}: the 23blocks CRM from the command line`)
  ui.div("")
  ui.div("Usage: crm <resource> [<sub-resource>] <command> [arguments] [flags]")
  ui.div("")
  for (const domain of tree.domains) {
    ui.div(capitalized(domain))
    const resources = tree.resources.filter((resource) => resource.domain === domain && resource.path.length === 1)
    table(
      ui,
      resources.map((resource) => {
        const subs = Tree.resourcesUnder(tree, resource.path).map((sub) => sub.path[sub.path.length - 1]!)
        return [
          resource.path[0]!,
          subs.length === 0 ? resource.description : `${resource.description} (${subs.join(", ")})`
        ]
      })
    )
  }
  ui.div("Other commands")
  table(ui, extraCommands)
  ui.div("")
  ui.div("Global options")
  table(ui, globalOptions)
  ui.div("")
  ui.div(exitCodes)
  return ui.toString()
}

/** `crm leads --help`: a resource's commands and sub-resources, one line each. */
export const resource = (tree: Tree.Tree, words: ReadonlyArray<string>, width?: number): string => {
  const ui = layout(width)
  const described = Tree.resourceAt(tree, words)
  const name = words.join(" ")
  if (described !== undefined) {
    ui.div(described.description)
    ui.div("")
  }
  ui.div(`Usage: crm ${name} <command> [arguments] [flags]`)
  ui.div("")
  ui.div("Commands")
  table(
    ui,
    Tree.commandsUnder(tree, words).map((command) => [
      [command.path[command.path.length - 1]!, ...command.args.map((arg) => `<${arg.name}>`)].join(" "),
      command.description
    ])
  )
  const subs = Tree.resourcesUnder(tree, words)
  if (subs.length > 0) {
    ui.div("")
    ui.div("Resources")
    table(ui, subs.map((sub) => [sub.path[sub.path.length - 1]!, sub.description]))
  }
  ui.div("")
  ui.div(`Every command also takes ${commonFlags}.`)
  ui.div(`Run crm ${name} <command> --help for a command's flags and an example.`)
  return ui.toString()
}

/** `crm leads create --help`: its arguments, its flags with their descriptions, and an example. */
export const command = (command: Tree.TreeCommand, width?: number): string => {
  const ui = layout(width)
  const required = command.flags.filter((flag) => flag.required)
  ui.div(command.description)
  ui.div("")
  ui.div(
    [
      "Usage: crm",
      ...command.path,
      ...command.args.map((arg) => `<${arg.name}>`),
      ...required.map((flag) => `--${flag.name} ${flag.value ?? ""}`.trim()),
      "[flags]"
    ].join(" ")
  )
  if (command.args.length > 0) {
    ui.div("")
    ui.div("Arguments")
    table(ui, command.args.map((arg) => [`<${arg.name}>`, arg.description ?? ""]))
  }
  if (command.flags.length > 0) {
    ui.div("")
    ui.div("Flags")
    table(
      ui,
      command.flags.map((flag) => [
        `--${flag.name}${flag.value === undefined ? "" : ` ${flag.value}`}`,
        [flag.description ?? "", flag.required ? "(required)" : "(optional)"].filter((part) => part !== "").join(" ")
      ])
    )
  }
  ui.div("")
  ui.div("Example")
  ui.div({ text: command.example, padding: [0, 0, 0, 2] })
  ui.div("")
  ui.div(`Also: ${commonFlags}.`)
  ui.div(exitCodes)
  return ui.toString()
}

/** The help for the words before `--help`, or `undefined` when they name nothing in the tree. */
export const forWords = (tree: Tree.Tree, words: ReadonlyArray<string>, width?: number): string | undefined => {
  if (words.length === 0) return root(tree, width)
  const found = Tree.commandAt(tree, words)
  if (found !== undefined) return command(found, width)
  if (Tree.resourceAt(tree, words) !== undefined || Tree.commandsUnder(tree, words).length > 0) {
    return resource(tree, words, width)
  }
  return undefined
}
