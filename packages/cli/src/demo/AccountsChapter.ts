/**
 * The demo's accounts chapter: Acme Corp is validated before it is created, its VAT number checked,
 * its logo uploaded, two contacts added, and a lead and a quote opened through the account. Its report
 * counts what the API lists for the account, and sums the account's pipeline from those listings.
 *
 * @since 0.1.0
 */
import type { Account, AccountValidation, Contact, TaxIdValidation, UploadFailed } from "@blocks-crm/accounts"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import type { Lead, Quote } from "@blocks-crm/pipeline"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { CrmClient } from "@blocks-crm/sdk"

/**
 * What the chapter creates and does. Exported so that tests derive the expected report from it.
 *
 * @since 0.1.0
 */
export const accountsPlan = {
  account: {
    name: "Acme Corp",
    industry: "Technology",
    website: "https://acme.com",
    phone: "+1-555-0100",
    email: "info@acme.com"
  },
  /** A payload `validate` refuses, to show its problems before the real one is checked. */
  draft: { name: "", email: "info(at)acme.com", website: "acme" },
  taxId: "DE129273398",
  contacts: [
    { firstName: "Jane", lastName: "Smith", title: "VP Sales", key: "jane" },
    { firstName: "Raj", lastName: "Kumar", title: "Head of Procurement", key: "raj" }
  ],
  lead: { name: "Acme Corp: CRM rollout", source: "referral", value: 64_000, stage: "qualified", probability: 40 },
  quote: { title: "Acme Corp: CRM rollout, year one", amount: 59_500, currency: "USD" }
} as const

/** A 1×1 transparent PNG: the logo's bytes. */
const logoPng = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="),
  (c) => c.charCodeAt(0)
)

/**
 * What the accounts chapter reports: the account, its contacts and its pipeline value.
 *
 * @since 0.1.0
 */
export interface AccountsReport {
  /** The run's accounts, as the API finds them by the run's name. */
  readonly accounts: number
  /** Contacts the API lists for each of them. */
  readonly contactsPerAccount: ReadonlyArray<readonly [account: string, contacts: number]>
  /** The account's leads' values plus its quotes' amounts, from the account's listings. */
  readonly pipelineValue: number
  /** Whether the account carries a published logo. */
  readonly logo: boolean
  /** The attributes `validate` found a problem with in the draft, in the API's order. */
  readonly draftProblems: ReadonlyArray<string>
  readonly taxIdValid: boolean
}

const cents = (amount: number) => Math.round(amount * 100) / 100

/**
 * The report over the given records.
 *
 * @since 0.1.0
 */
export const accountsReport = (input: {
  /** The run's accounts, as the API lists them. */
  readonly accounts: ReadonlyArray<Account>
  readonly account: Account
  readonly contacts: ReadonlyArray<Contact>
  readonly leads: ReadonlyArray<Lead>
  readonly quotes: ReadonlyArray<Quote>
  readonly draft: AccountValidation
  readonly taxId: TaxIdValidation
}): AccountsReport => ({
  accounts: input.accounts.length,
  contactsPerAccount: [[input.account.name, input.contacts.length]],
  pipelineValue: cents(
    input.leads.reduce((sum, lead) => sum + (lead.value ?? 0), 0) +
      input.quotes.reduce((sum, quote) => sum + (quote.amount ?? 0), 0)
  ),
  logo: input.account.logoUrl !== undefined,
  draftProblems: input.draft.problems.map((problem) => problem.attribute),
  taxIdValid: input.taxId.valid
})

const money = (amount: number) =>
  amount.toLocaleString("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2 })

/**
 * The report as the CLI prints it.
 *
 * @since 0.1.0
 */
export const formatAccountsReport = (report: AccountsReport): string => {
  const rows: ReadonlyArray<readonly [string, string]> = [
    ["Accounts", `${report.accounts} (logo ${report.logo ? "published" : "missing"})`],
    ["Contacts per account", report.contactsPerAccount.map(([name, n]) => `${name} ${n}`).join(", ")],
    ["Account pipeline", `${money(report.pipelineValue)} in leads and quotes`],
    [
      "Validation",
      `draft refused on ${report.draftProblems.join(", ")}; tax id ${report.taxIdValid ? "valid" : "invalid"}`
    ]
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join("\n")
}

/**
 * What the chapter created and its report.
 *
 * @since 0.1.0
 */
export interface AccountsOutcome {
  readonly account: Account
  readonly contacts: ReadonlyArray<Contact>
  readonly leads: ReadonlyArray<Lead>
  readonly quotes: ReadonlyArray<Quote>
  readonly report: AccountsReport
}

/**
 * Runs the chapter. The account's name carries the run id (names are unique per tenant), so a second
 * run in the same database reports the same numbers.
 *
 * @since 0.1.0
 */
export const runAccountsChapter = (options: {
  readonly runId: string
  readonly log?: ((line: string) => Effect.Effect<void>) | undefined
}): Effect.Effect<AccountsOutcome, CrmError | UploadFailed, CrmClient> =>
  Effect.gen(function*() {
    const crm = yield* CrmClient
    const log = options.log ?? Console.log
    const acme = { ...accountsPlan.account, name: `${accountsPlan.account.name} (demo run ${options.runId})` }

    // Validate first, as the reference advises: a bad draft shows its problems, the real payload none.
    const draft = yield* crm.accounts.validate(accountsPlan.draft)
    const check = yield* crm.accounts.validate(acme)
    if (!check.valid) yield* log(`  - unexpected problems: ${check.problems.map((p) => p.detail).join("; ")}`)
    const created = yield* crm.accounts.create(acme)
    const taxId = yield* crm.accounts.validateTaxId({ taxId: accountsPlan.taxId })
    yield* log(
      `  - ${acme.name}: validated (a draft refused on ${draft.problems.map((p) => p.attribute).join(", ")}), ` +
        `created, VAT ${accountsPlan.taxId} ${taxId.valid ? "valid" : `invalid (${taxId.reason})`}`
    )

    const withLogo = yield* crm.accountDocuments.uploadLogo(created.uniqueId, logoPng, "image/png")
    yield* log(`  - logo uploaded and published`)

    for (const { key, ...contact } of accountsPlan.contacts) {
      yield* crm.accountContacts.create(created.uniqueId, { ...contact, email: `${key}.${options.runId}@acme.example` })
    }
    yield* log(`  - ${accountsPlan.contacts.map((c) => `${c.firstName} ${c.lastName} (${c.title})`).join(", ")}`)

    yield* crm.leads.createForAccount(created.uniqueId, accountsPlan.lead)
    yield* crm.quotes.createForAccount(created.uniqueId, accountsPlan.quote)
    yield* log(`  - a lead and a quote opened through the account`)

    // The report, from what the API lists for the account.
    const { accounts, contacts, leads, quotes } = yield* Effect.all({
      accounts: Effect.map(crm.accounts.search(acme.name), (page) => page.data),
      contacts: crm.accountContacts.list(created.uniqueId),
      leads: Effect.map(crm.leads.listForAccount(created.uniqueId), (page) => page.data),
      quotes: Effect.map(crm.quotes.listForAccount(created.uniqueId), (page) => page.data)
    }, { concurrency: 4 })
    return {
      account: withLogo,
      contacts,
      leads,
      quotes,
      report: accountsReport({ accounts, account: withLogo, contacts, leads, quotes, draft, taxId })
    }
  })
