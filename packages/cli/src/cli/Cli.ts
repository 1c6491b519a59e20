/**
 * `crm <resource> [<sub>] <action> [args] [flags]` (reflected from the domains' contracts), `crm demo`,
 * `crm emulator`.
 */
import { Cli as EmulatorCli } from "@blocks-crm/emulator"
import * as Command from "@effect/cli/Command"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { CrmClient } from "@blocks-crm/sdk"
import * as Demo from "../Demo.js"
import * as AccountsChapter from "../demo/AccountsChapter.js"
import * as BillingChapter from "../demo/BillingChapter.js"
import * as CommsChapter from "../demo/CommsChapter.js"
import * as CompaniesChapter from "../demo/CompaniesChapter.js"
import * as SchedulingChapter from "../demo/SchedulingChapter.js"
import * as CalendarChapter from "../demo/CalendarChapter.js"
import { domains } from "../domains.js"
import { group, resourceCommands } from "./ApiCommands.js"
import * as Connection from "./Connection.js"
import * as Failure from "./Failure.js"

// The demo writes records, so it never goes to a real API, whatever BLOCKS_API_URL says.
const demoNotice = (database: string) => `Running the demo on the embedded emulator at ${database}`

const demoCommand = Command.make("demo", { db: Connection.databaseOption }, ({ db }) =>
  Effect.gen(function*() {
    const outcome = yield* Demo.runDemo()
    yield* Console.log(`\nPipeline report (demo run ${outcome.runId})\n${Demo.formatReport(outcome.report)}`)
    yield* Console.log(`\nAccounts report\n${AccountsChapter.formatAccountsReport(outcome.accounts.report)}`)
    yield* Console.log(`\nComms report\n${CommsChapter.formatCommsReport(outcome.comms.report)}`)
    yield* Console.log(`\nScheduling report\n${SchedulingChapter.formatSchedulingReport(outcome.scheduling.report)}`)
    yield* Console.log(`\nCalendar report\n${CalendarChapter.formatCalendarReport(outcome.calendar.report)}`)
    yield* Console.log(`\nBilling report\n${BillingChapter.formatBillingFigures(outcome.billing.figures)}`)
    yield* Console.log(`\nCompanies report\n${CompaniesChapter.formatCompaniesReport(outcome.companies.report)}`)
    yield* Console.log(
      `\nThe records stay in the database: try \`pnpm crm leads list\` or \`pnpm crm opportunities list\`.`
    )
  }).pipe(
    // The companies chapter reads the transport's settings to call as an integration would.
    Effect.provide(CrmClient.Default.pipe(Layer.provideMerge(Connection.embeddedTransport(db, demoNotice))))
  )).pipe(
    Command.withDescription("Walk a sales pipeline on the embedded emulator and print a report")
  )

/** The root command: the commands of every composed domain's contract, plus `demo` and `emulator`. */
export const crm = group("crm", "The 23blocks CRM from the command line", [
  ...resourceCommands(domains),
  demoCommand,
  EmulatorCli.emulatorCommand
])

const cli = Command.run(crm, { name: "crm", version: "0.1.0" })

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

/**
 * Runs the CLI on `argv` (as `process.argv`: runtime and script first) and returns the exit code,
 * having printed what went wrong.
 */
export const main = (argv: ReadonlyArray<string>) =>
  Effect.consoleWith((console) => Effect.withConsole(cli(argv), plainWhereNeeded(console))).pipe(
    Effect.matchCauseEffect({
      onSuccess: () => Effect.succeed(Failure.ExitCode.ok),
      onFailure: (cause) => {
        const { code, message } = Failure.describeCause(cause)
        return Effect.as(message === undefined ? Effect.void : Console.error(message), code)
      }
    })
  )
