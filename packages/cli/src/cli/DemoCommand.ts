/**
 * What `crm demo` runs: the demo on the embedded emulator, then its reports. Imported only when the
 * demo runs, with every domain the demo walks through.
 */
import { CrmClient } from "@blocks-crm/sdk"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import * as Demo from "../Demo.js"
import * as AccountsChapter from "../demo/AccountsChapter.js"
import * as BillingChapter from "../demo/BillingChapter.js"
import * as CalendarChapter from "../demo/CalendarChapter.js"
import * as CommsChapter from "../demo/CommsChapter.js"
import * as CompaniesChapter from "../demo/CompaniesChapter.js"
import * as SchedulingChapter from "../demo/SchedulingChapter.js"
import * as Connection from "./Connection.js"

// The demo writes records, so it never goes to a real API, whatever BLOCKS_API_URL says.
const demoNotice = (database: string) => `Running the demo on the embedded emulator at ${database}`

/** Runs the demo on the embedded emulator on `db` (or its default database) and prints its reports. */
export const run = (db: Option.Option<string>) =>
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
      `\nThe records stay in the database: try \`crm leads list\` or \`crm opportunities list\`.`
    )
  }).pipe(
    // The companies chapter reads the transport's settings to call as an integration would.
    Effect.provide(CrmClient.Default.pipe(Layer.provideMerge(Connection.embeddedTransport(db, demoNotice))))
  )
