/**
 * The demo's accounts chapter against an emulator: the report's numbers derived from the chapter's
 * plan, the same numbers on a second run in the same database, and the chapter inside the whole demo.
 */
import { describe, expect, it, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { CrmClient } from "@blocks-crm/sdk"
import * as Demo from "../src/Demo.js"
import * as AccountsChapter from "../src/demo/AccountsChapter.js"
import * as EmbeddedEmulator from "./support/EmbeddedEmulator.js"

const { accountsPlan } = AccountsChapter
const quiet = { log: () => Effect.void }

const expectedReport = (runId: string) => ({
  accounts: 1,
  contactsPerAccount: [[`${accountsPlan.account.name} (demo run ${runId})`, accountsPlan.contacts.length]],
  pipelineValue: accountsPlan.lead.value + accountsPlan.quote.amount,
  logo: true,
  draftProblems: expect.arrayContaining(["name", "email", "website"]),
  taxIdValid: true
})

layer(EmbeddedEmulator.client(), { excludeTestServices: true })("the demo's accounts chapter on the emulator", (it) => {
  it.effect("reports the account, its contacts and its pipeline as the plan implies", () =>
    Effect.gen(function*() {
      expect(accountsPlan.lead.value + accountsPlan.quote.amount).toBe(123_500)
      const outcome = yield* AccountsChapter.runAccountsChapter({ ...quiet, runId: "test-1" })
      expect(outcome.report).toEqual(expectedReport("test-1"))
      expect(outcome.report.draftProblems).toHaveLength(3)

      // What the report counted is what the API holds for the account.
      const crm = yield* CrmClient
      const account = yield* crm.accounts.get(outcome.account.uniqueId)
      expect(account).toMatchObject({ name: "Acme Corp (demo run test-1)", industry: "Technology" })
      expect(account.logoUrl).toBe(outcome.account.logoUrl)
      expect(outcome.contacts.map((c) => `${c.firstName} ${c.lastName}`).sort()).toEqual(["Jane Smith", "Raj Kumar"])
      expect(outcome.leads.map((l) => l.accountId)).toEqual([account.uniqueId])
      expect(outcome.quotes.map((q) => q.accountId)).toEqual([account.uniqueId])

      const printed = AccountsChapter.formatAccountsReport(outcome.report)
      expect(printed).toContain("Acme Corp (demo run test-1) 2")
      expect(printed).toContain("$123,500.00 in leads and quotes")
      expect(printed).toContain("tax id valid")
    }))

  it.effect("a second run in the same database reports the same numbers", () =>
    Effect.gen(function*() {
      const first = yield* AccountsChapter.runAccountsChapter({ ...quiet, runId: "test-2" })
      const second = yield* AccountsChapter.runAccountsChapter({ ...quiet, runId: "test-3" })
      expect({ ...second.report, contactsPerAccount: [] }).toEqual({ ...first.report, contactsPerAccount: [] })
      expect(second.report.contactsPerAccount[0]?.[1]).toBe(first.report.contactsPerAccount[0]?.[1])
    }))

  it.effect("the whole demo runs the chapter and returns its report", () =>
    Effect.gen(function*() {
      const outcome = yield* Demo.runDemo(quiet)
      expect(outcome.accounts.report).toEqual(expectedReport(outcome.runId))
    }))
})

describe("accountsReport", () => {
  const at = new Date("2026-01-10T10:30:00Z")
  const account = { uniqueId: "a", name: "Acme", status: "active" as const, createdAt: at }
  const valid = { valid: true, problems: [] }
  const taxId = { taxId: "DE1", valid: false, reason: "invalid_check_digit" as const }

  it("sums lead values and quote amounts to the cent, counting a missing value as nothing", () => {
    const report = AccountsChapter.accountsReport({
      accounts: [account, { ...account, uniqueId: "b" }],
      account,
      contacts: [],
      leads: [{ value: 0.1 }, { value: 0.2 }, {}] as any,
      quotes: [{ amount: 10 }, {}] as any,
      draft: valid,
      taxId
    })
    expect(report).toEqual({
      accounts: 2,
      contactsPerAccount: [["Acme", 0]],
      pipelineValue: 10.3,
      logo: false,
      draftProblems: [],
      taxIdValid: false
    })
    expect(AccountsChapter.formatAccountsReport(report)).toContain("logo missing")
  })
})
