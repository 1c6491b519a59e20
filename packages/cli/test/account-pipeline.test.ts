/**
 * An account's leads and quotes through the composed client's Promise face
 * (`client.crm.leads.createForAccount(...)`) and the reflected CLI (`crm leads create-for-account
 * <accountId>`), against the emulator on loopback. The account is made through the accounts service,
 * relying only on its `name` and `uniqueId`.
 */
import { Emulator } from "@blocks-crm/emulator"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Cli from "./support/Cli.js"
import * as Exit from "effect/Exit"
import * as Scope from "effect/Scope"
import { createCrmClient } from "@blocks-crm/sdk"

describe("an account's leads and quotes from the composed client", () => {
  let info: Emulator.EmulatorInfo
  let stop: () => Promise<void>

  beforeAll(async () => {
    const scope = Effect.runSync(Scope.make())
    info = await Effect.runPromise(Scope.extend(Emulator.start({ port: 0, database: ":memory:" }), scope))
    stop = () => Effect.runPromise(Scope.close(scope, Exit.void))
  })
  afterAll(() => stop())

  /** `crm ...args` in this process, its output captured. */
  const crm = (...args: ReadonlyArray<string>) => Cli.run(info, args)

  it("the Promise face adds and lists a lead and a quote under an account", async () => {
    const client = createCrmClient(Cli.settingsFor(info))
    try {
      const account = await client.crm.accounts.create({ name: "Acme Corp" })
      const other = await client.crm.accounts.create({ name: "Initech" })
      const lead = await client.crm.leads.createForAccount(account.uniqueId, { name: "Acme renewal", value: 40_000 }, {
        idempotencyKey: "acme-renewal"
      })
      expect(lead).toMatchObject({ name: "Acme renewal", accountId: account.uniqueId, status: "active" })
      const quote = await client.crm.quotes.createForAccount(account.uniqueId, { title: "Acme plan", amount: 9_900 })
      expect(quote).toMatchObject({ title: "Acme plan", accountId: account.uniqueId, status: "draft" })

      const leads = await client.crm.leads.listForAccount(account.uniqueId, { records: 10 })
      expect(leads.data).toEqual([lead])
      expect(leads.meta.totalRecords).toBe(1)
      expect((await client.crm.quotes.listForAccount(account.uniqueId)).data).toEqual([quote])
      expect((await client.crm.leads.listForAccount(other.uniqueId)).data).toEqual([])

      await expect(client.crm.leads.listForAccount("no-such-account")).rejects.toMatchObject({
        _tag: "NotFound",
        status: 404
      })
      await expect(client.crm.quotes.createForAccount(account.uniqueId, { title: " " })).rejects.toMatchObject({
        _tag: "InvalidInput",
        operation: "quotes.createForAccount"
      })
    } finally {
      await client.close()
    }
  })

  it("the CLI reads `leads create-for-account <accountId>` and `quotes list-for-account <accountId>`", async () => {
    const client = createCrmClient(Cli.settingsFor(info))
    const account = await client.crm.accounts.create({ name: "Globex" }).finally(() => client.close())

    const [help, listHelp, createHelp] = await Promise.all([
      crm("leads", "--help"),
      crm("leads", "list-for-account", "--help"),
      crm("leads", "create-for-account", "--help")
    ])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^ +list-for-account <accountId> +List the leads of an account/m)
    expect(help.stdout).toMatch(/^ +create-for-account <accountId> /m)
    expect(listHelp.stdout).toMatch(/^Usage: crm leads list-for-account <accountId> \[flags\]$/m)
    expect(listHelp.stdout).toMatch(/^ +--page integer /m)
    expect(listHelp.stdout).toMatch(/^ +--records integer /m)
    expect(createHelp.stdout).toMatch(/^Usage: crm leads create-for-account <accountId> --name text \[flags\]$/m)
    // The path names the account: no --account-id flag on the account's create.
    expect(createHelp.stdout).not.toContain("--account-id")

    const created = await crm("leads", "create-for-account", account.uniqueId, "--name", "Globex pilot", "--json")
    expect([created.code, created.stderr]).toEqual([0, ""])
    expect(JSON.parse(created.stdout)).toMatchObject({ name: "Globex pilot", accountId: account.uniqueId })
    const quote = await crm("quotes", "create-for-account", account.uniqueId, "--title", "Globex pilot plan", "--json")
    expect(quote.code).toBe(0)

    const leads = await crm("leads", "list-for-account", account.uniqueId, "--json")
    expect((JSON.parse(leads.stdout) as { data: Array<{ name: string }> }).data.map((l) => l.name)).toEqual([
      "Globex pilot"
    ])
    const quotes = await crm("quotes", "list-for-account", account.uniqueId)
    expect(quotes.code).toBe(0)
    expect(quotes.stdout).toContain("Globex pilot plan")
    const missing = await crm("leads", "list-for-account", "no-such-account")
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain("could not be found")
  }, 60_000)
})
