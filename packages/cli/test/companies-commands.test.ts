/**
 * The companies commands of `crm`, reflected from the companies contract with no CLI code of the
 * domain's own: run in this process against the emulator on loopback. A key's secret is printed by
 * `keys create` only (the answer that hands it out), never by a later read.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Cli from "./support/Cli.js"

describe("crm companies commands against the emulator", () => {
  const emulator = Cli.onEmulator()

  const crm = (...args: ReadonlyArray<string>) => crmAs({}, ...args)
  const crmAs = (as: { readonly token?: string; readonly apiKey?: string }, ...args: ReadonlyArray<string>) =>
    emulator.run(args, as)

  it("gets the seeded company, creates a key, lists keys without their secrets, reads storage", async () => {
    const company = await crm("companies", "get", "my-company")
    expect([company.code, company.stderr]).toEqual([0, ""])
    expect(company.stdout).toContain("My Company")

    const created = await crm("companies", "keys", "create", "my-company", "--name", "integration")
    expect([created.code, created.stderr]).toEqual([0, ""])
    // The create is the one answer that shows the secret; it is a working key.
    const secret = /secret\s+(pk_emu_[0-9a-f]+)/.exec(created.stdout)?.[1]
    expect(secret).toBeDefined()
    const listed = await crm("companies", "keys", "list", "my-company")
    expect(listed.code).toBe(0)
    const [header, row] = listed.stdout.split("\n")
    expect(header!.split(/\s{2,}/)).toEqual(["UNIQUE ID", "NAME", "PREFIX", "LAST FOUR", "ENABLED"])
    expect(row).toContain("integration")
    expect(listed.stdout).not.toContain(secret)
    // The exchange shows its token, once; the key and the token then work together.
    const exchanged = await crm("companies", "exchange", "my-company", "--company-api-key", secret!)
    expect([exchanged.code, exchanged.stderr]).toEqual([0, ""])
    const token = /accessToken\s+(tok_emu_[0-9a-f]+)/.exec(exchanged.stdout)?.[1]
    expect(token).toBeDefined()
    const asIntegration = await crmAs({ token: token!, apiKey: secret! }, "companies", "get", "my-company")
    expect([asIntegration.code, asIntegration.stderr]).toEqual([0, ""])
    const readBack = await crm("companies", "keys", "list", "my-company", "--json")
    expect(readBack.stdout).not.toContain(secret)

    const storage = await crm("companies", "storage", "my-company")
    expect([storage.code, storage.stderr]).toEqual([0, ""])
    expect(storage.stdout).toContain("my-company")

    const missing = await crm("companies", "get", "no-such-company")
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain("could not be found")
  })
})
