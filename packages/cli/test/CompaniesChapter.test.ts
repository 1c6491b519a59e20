/**
 * The demo's companies chapter against an emulator: each step checked against what the API holds
 * (the key listed disabled, its secret refused, the leads the integration saw, storage from the
 * accounts chapter's uploads), and the chapter inside the whole demo.
 */
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import { describe, expect, it, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { CrmClient } from "@blocks-crm/sdk"
import * as Demo from "../src/Demo.js"
import * as AccountsChapter from "../src/demo/AccountsChapter.js"
import * as CompaniesChapter from "../src/demo/CompaniesChapter.js"
import * as EmbeddedEmulator from "./support/EmbeddedEmulator.js"

const quiet = { log: () => Effect.void }

layer(EmbeddedEmulator.client(), { excludeTestServices: true })(
  "the demo's companies chapter on the emulator",
  (it) => {
    it.effect("the integration sees the tenant's leads, is refused once its key is disabled, and storage is counted", () =>
      Effect.gen(function*() {
        const crm = yield* CrmClient
        const lines: Array<string> = []
        const leadsBefore = (yield* crm.leads.list({ records: 1 })).meta.totalRecords
        const storageBefore = yield* crm.companies.storage("my-company")
        const outcome = yield* CompaniesChapter.runCompaniesChapter({
          runId: "test-1",
          log: (line) => Effect.sync(() => lines.push(line))
        })
        expect(outcome.report.integrationLeads).toBe(leadsBefore)
        expect(outcome.report.statusAfterDisable).toBe(401)
        expect(outcome.report.tokenExpiresIn).toBeGreaterThan(0)
        expect(outcome.report.storage).toStrictEqual(storageBefore)
        // The key is listed disabled, under the chapter's name, and shows no secret.
        expect(outcome.key).toMatchObject({ name: "integration (demo run test-1)", enabled: false })
        expect(outcome.key).not.toHaveProperty("secret")
        const keys = yield* crm.companies.keys.list("my-company")
        expect(keys.find((k) => k.uniqueId === outcome.key.uniqueId)?.enabled).toBe(false)
        expect(lines.join("\n")).toContain("refused with 401")
        expect(lines.join("\n")).not.toMatch(/pk_emu_[0-9a-f]{8}/)

        // Uploads of the accounts chapter move the storage of the next run by what they stored.
        const { settings } = yield* CrmTransport.CrmTransport
        expect(settings.apiUrl.hostname).toBe("127.0.0.1")
        yield* AccountsChapter.runAccountsChapter({ ...quiet, runId: "test-2" })
        const second = yield* CompaniesChapter.runCompaniesChapter({ ...quiet, runId: "test-3" })
        expect(second.report.storage.logoCount).toBe(storageBefore.logoCount + 1)
        expect(second.report.storage.usedBytes).toBeGreaterThan(storageBefore.usedBytes)
        expect(second.report.storage.objectCount).toBe(
          second.report.storage.documentCount + second.report.storage.logoCount
        )
        expect(second.report.integrationLeads).toBe((yield* crm.leads.list({ records: 1 })).meta.totalRecords)
        expect(CompaniesChapter.formatCompaniesReport(second.report)).toContain("refused (401)")
      }))

    it.effect("inside the whole demo, the report's storage counts the accounts chapter's logo", () =>
      Effect.gen(function*() {
        const outcome = yield* Demo.runDemo(quiet)
        expect(outcome.companies.report.statusAfterDisable).toBe(401)
        expect(outcome.companies.report.storage.logoCount).toBeGreaterThanOrEqual(outcome.accounts.report.logo ? 1 : 0)
        expect(outcome.companies.report.integrationLeads).toBeGreaterThanOrEqual(outcome.leads.length)
        expect(outcome.companies.key.name).toBe(`integration (demo run ${outcome.runId})`)
      }))
  }
)

describe("formatCompaniesReport", () => {
  it("prints the integration's leads, the refusal and the storage", () => {
    const text = CompaniesChapter.formatCompaniesReport({
      integrationLeads: 7,
      tokenExpiresIn: 3600,
      statusAfterDisable: 401,
      storage: {
        urlId: "my-company",
        usedBytes: 1004,
        quotaBytes: 2048,
        objectCount: 2,
        documentCount: 1,
        logoCount: 1
      }
    })
    expect(text).toContain("listed 7 leads with a 3600 s token")
    expect(text).toContain("refused (401)")
    expect(text).toContain("1004 of 2048 bytes in 2 files (1 documents, 1 logos)")
  })
})
