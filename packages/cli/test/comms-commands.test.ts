/**
 * The comms commands of `crm`, reflected from the comms contract with no CLI code of the domain's
 * own: run in this process against the emulator on loopback.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Cli from "./support/Cli.js"

describe("crm comms commands against the emulator", () => {
  const emulator = Cli.onEmulator()

  const crm = (...args: ReadonlyArray<string>) => emulator.run(args)

  it("subscribes, unsubscribes and lists with the model's columns; a taken address exits 3", async () => {
    const created = await crm("subscribers", "create", "--email", "ana@example.com", "--tags", "[\"newsletter\"]")
    expect([created.code, created.stderr]).toEqual([0, ""])
    expect((await crm("subscribers", "unsubscribe", "--email", "ana@example.com")).code).toBe(0)
    const listed = await crm("subscribers", "list")
    const [header, row] = listed.stdout.split("\n")
    expect(header!.split(/\s{2,}/)).toEqual([
      "UNIQUE ID",
      "EMAIL",
      "FIRST NAME",
      "LAST NAME",
      "SUBSCRIPTION STATUS",
      "SOURCE",
      "CREATED AT"
    ])
    expect(row).toContain("unsubscribed")
    const taken = await crm("subscribers", "create", "--email", "ANA@example.com")
    expect(taken.code).toBe(3)
    expect(taken.stderr).toContain("email has already been taken")
  })

  it("creates a template, pushes it to Mandrill, publishes it and reads its stats", async () => {
    const created = await crm(
      "mail-templates",
      "create",
      "--name",
      "Welcome",
      "--subject",
      "Hi {{first_name}}",
      "--json"
    )
    expect(created.code).toBe(0)
    const template = JSON.parse(created.stdout) as { uniqueId: string; mergeVariables: Array<string> }
    expect(template.mergeVariables).toEqual(["first_name"])
    const early = await crm("mail-templates", "mandrill", "publish", "--template-id", template.uniqueId)
    expect(early.code).toBe(3)
    expect(early.stderr).toContain("no draft")
    expect((await crm("mail-templates", "mandrill", "create", "--template-id", template.uniqueId)).code).toBe(0)
    expect((await crm("mail-templates", "mandrill", "publish", "--template-id", template.uniqueId)).code).toBe(0)
    const stats = await crm("mail-templates", "mandrill", "stats", "--template-id", template.uniqueId, "--json")
    expect(JSON.parse(stats.stdout)).toMatchObject({ slug: "welcome", sentCount: 0, complaintCount: 0 })
  })
})
