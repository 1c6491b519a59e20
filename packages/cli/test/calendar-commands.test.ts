/**
 * The calendar commands of `crm`, reflected from the calendar contract with no CLI code of the domain's
 * own, against the emulator: a user's calendar account, a busy block, a token (printed by `create`
 * only), the feed printed as the ICS text it is, and the sync.
 */
import type { Emulator } from "@blocks-crm/emulator"
import { describe, expect, it } from "@effect/vitest"
import * as Net from "node:net"
import * as Cli from "./support/Cli.js"

describe("crm calendar commands against the emulator", () => {
  const emulator = Cli.onEmulator()

  const crm = (...args: ReadonlyArray<string>) => emulator.run(args)

  it("connects a calendar, blocks time, syncs, and prints the feed as text/calendar", async () => {
    const user = await crm(
      "identities",
      "register",
      "cli-cal-user",
      "--email",
      "cli-cal@example.com",
      "--name",
      "Cli Cal"
    )
    expect([user.code, user.stderr]).toEqual([0, ""])
    const account = await crm(
      "calendar-accounts",
      "create",
      "cli-cal-user",
      "--provider",
      "google",
      "--email",
      "cli@gmail.com"
    )
    expect([account.code, account.stderr]).toEqual([0, ""])
    expect(account.stdout).toMatch(/syncEnabled\s+true/)
    const refused = await crm(
      "calendar-accounts",
      "create",
      "cli-cal-user",
      "--provider",
      "yahoo",
      "--email",
      "cli@gmail.com"
    )
    expect(refused.code).toBe(2)

    const block = await crm(
      "busy-blocks",
      "create",
      "cli-cal-user",
      "--title",
      "Lunch",
      "--start-time",
      "2026-03-02T12:00:00Z",
      "--end-time",
      "2026-03-02T13:00:00Z",
      "--recurring",
      "true",
      "--recurrence-rule",
      "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    )
    expect([block.code, block.stderr]).toEqual([0, ""])
    const listed = await crm("busy-blocks", "list", "cli-cal-user")
    expect(listed.stdout).toContain("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")

    const synced = await crm("calendar-sync", "sync-user", "cli-cal-user")
    expect([synced.code, synced.stderr]).toEqual([0, ""])
    expect(synced.stdout).toContain("Calendar sync initiated")

    const token = await crm("ics-tokens", "create", "cli-cal-user", "--label", "Phone")
    expect([token.code, token.stderr]).toEqual([0, ""])
    const secret = /token\s+(ics_[A-Za-z0-9_-]+)/.exec(token.stdout)?.[1]
    expect(secret).toBeDefined()
    const feed = await crm("ics-feed", "get", "my-company", secret!)
    expect([feed.code, feed.stderr]).toEqual([0, ""])
    const lines = feed.stdout.split("\n")
    expect(lines[0]).toBe("BEGIN:VCALENDAR")
    expect(lines).toContain("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")
    expect(lines).toContain("SUMMARY:Lunch")
    expect(lines.at(-1)).toBe("END:VCALENDAR")
    expect(feed.stdout).not.toContain("\r")
  })
})

describe("crm ics-feed get, when the API cannot be reached", () => {
  it("shows the token nowhere in the error (Contract.SecretPathParams)", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = Net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as Net.AddressInfo
        server.close(() => resolve(port))
      })
    })
    const token = "ics_cli_7b3e91d0c4a2f58e"
    const info = { url: `http://127.0.0.1:${port}`, seeds: { tokens: ["tok_x_123456"], apiKeys: ["pk_x_123456"] } }
    const run = await Cli.run(info as unknown as Emulator.EmulatorInfo, ["ics-feed", "get", "my-company", token])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain("could not reach the API")
    expect(run.stderr).toContain("/ics/[redacted]")
    expect(`${run.stdout}${run.stderr}`).not.toContain(token)
  })
})
