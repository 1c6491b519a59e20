/**
 * `crm <resource> <action> [args] [flags]`, `crm demo`, `crm emulator`.
 */
import { Cli as EmulatorCli } from "@blocks-crm/emulator"
import * as Command from "@effect/cli/Command"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { CrmClient } from "../CrmClient.js"
import * as Demo from "../Demo.js"
import * as Connection from "./Connection.js"
import * as Failure from "./Failure.js"
import { pipelineResources } from "./PipelineCommands.js"
import { group, resourceCommand } from "./ResourceCommands.js"

// The demo writes records, so it never goes to a real API, whatever BLOCKS_API_URL says.
const demoNotice = (database: string) => `Running the demo on the embedded emulator at ${database}`

const demoCommand = Command.make("demo", { db: Connection.databaseOption }, ({ db }) =>
  Effect.gen(function*() {
    const outcome = yield* Demo.runDemo()
    yield* Console.log(`\nPipeline report (demo run ${outcome.runId})\n${Demo.formatReport(outcome.report)}`)
    yield* Console.log(`\nThe records stay in the database: try \`pnpm crm leads list\` or \`pnpm crm opportunities list\`.`)
  }).pipe(Effect.provide(CrmClient.layerWithTransport(Connection.embeddedTransport(db, demoNotice))))).pipe(
    Command.withDescription("Walk a sales pipeline on the embedded emulator and print a report")
  )

/** The command tables of the composed client's domains; a domain added to the client adds its table here. */
export const resources = [
  ...pipelineResources
]

/** The root command: one subcommand per resource of the composed client, plus `demo` and `emulator`. */
export const crm = group("crm", "The 23blocks CRM from the command line", [
  ...resources.map(([resource, description]) => resourceCommand(resource, description)),
  demoCommand,
  EmulatorCli.emulatorCommand
])

const cli = Command.run(crm, { name: "crm", version: "0.1.0" })

/**
 * Runs the CLI on `argv` (as `process.argv`: runtime and script first) and returns the exit code,
 * having printed what went wrong.
 */
export const main = (argv: ReadonlyArray<string>) =>
  cli(argv).pipe(
    Effect.matchCauseEffect({
      onSuccess: () => Effect.succeed(Failure.ExitCode.ok),
      onFailure: (cause) => {
        const { code, message } = Failure.describeCause(cause)
        return Effect.as(message === undefined ? Effect.void : Console.error(message), code)
      }
    })
  )
