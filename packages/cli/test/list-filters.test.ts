/**
 * `--status`, `--sort` and each list's filters, as flags reflected from the contract's URL parameters
 * (`Pagination.listUrlParams`): offered in the help with their choices, sent to the emulator, kept by
 * `--all` on every page, and an unknown sort field refused before anything is sent (exit 2).
 */
import { describe, expect, it } from "@effect/vitest"
import * as Cli from "./support/Cli.js"
import * as ApiCommands from "../src/cli/ApiCommands.js"
import * as Domains from "../src/domains.js"

const domains = await Domains.all()
const actions = domains.flatMap((domain) => ApiCommands.actionsOf(domain.api))
const flagsOf = (resource: string, name: string) =>
  actions.find((a) => a.resource.join(" ") === resource && a.name === name)!.inputs
    .filter((input) => input.in === "urlParams")
    .map((input) => input.flag)

describe("list flags from the contract's URL parameters", () => {
  it("every filtered list has --status, --sort and its filters as flags", () => {
    expect(flagsOf("opportunities", "list")).toEqual(["page", "records", "search", "status", "sort", "account-id"])
    expect(flagsOf("leads", "list")).toEqual(["page", "records", "search", "status", "sort", "source"])
    expect(flagsOf("contacts", "list")).toContain("contact-status")
    expect(flagsOf("events", "list")).toEqual(
      expect.arrayContaining(["status", "sort", "event-type", "contact-unique-id", "user-unique-id"])
    )
    expect(flagsOf("zoom-hosts", "list")).toEqual(expect.arrayContaining(["license-type", "available"]))
    expect(flagsOf("busy-blocks", "list")).toEqual(["sort", "start-time", "end-time"])
    // Users and mail templates take a status but no sort, as the official SDK sends them.
    expect(flagsOf("identities", "list")).toEqual(["page", "records", "search", "status"])
    const sort = actions.find((a) => a.resource.join(" ") === "opportunities" && a.name === "list")!.inputs
      .find((input) => input.flag === "sort")!
    expect(sort.kind).toEqual({
      _tag: "choice",
      choices: expect.arrayContaining(["value", "-value", "closeDate", "-createdAt"])
    })
  })

  it("each filter flag carries the contract's description, a bare string filter too", () => {
    const described = (resource: string, flag: string) =>
      actions.find((a) => a.resource.join(" ") === resource && a.name === "list")!.inputs
        .find((input) => input.flag === flag)!.field.description
    expect(described("meetings", "meeting-type")).toBe("Only meetings of this kind")
    expect(described("meetings", "search")).toBe("Only records whose text matches this (full-text search)")
    expect(described("leads", "source")).toBe("Only leads from this source")
  })

  describe("on the emulator", () => {
    const { run } = Cli.onEmulator()
    const crm = (...args: ReadonlyArray<string>) => run(args)

    it(
      "--status and --sort=-value list the open opportunities largest first; --all keeps them on every page",
      async () => {
        for (const [name, value] of [["Small", "100"], ["Large", "900"], ["Middle", "500"], ["Won", "700"]] as const) {
          const created = await crm("opportunities", "create", "--name", name, "--value", value, "--json")
          expect(created.code, created.stderr).toBe(0)
          if (name === "Won") {
            const id = (JSON.parse(created.stdout) as { uniqueId: string }).uniqueId
            expect((await crm("opportunities", "update", id, "--status", "won")).code).toBe(0)
          }
        }
        const open = await crm("opportunities", "list", "--status", "active", "--sort=-value", "--json")
        expect(open.code, open.stderr).toBe(0)
        const names = (JSON.parse(open.stdout) as { data: Array<{ name: string }> }).data.map((o) => o.name)
        expect(names).toEqual(["Large", "Middle", "Small"])

        const all = await crm(
          "opportunities",
          "list",
          "--all",
          "--records",
          "1",
          "--status",
          "active",
          "--sort",
          "value"
        )
        expect(all.code, all.stderr).toBe(0)
        const rows = all.stdout.split("\n").slice(1).map((row) => row.split(/\s{2,}/)[1])
        expect(rows).toEqual(["Small", "Middle", "Large"])
      },
      60_000
    )

    it("an unknown sort field is refused before sending (exit 2), naming the choices; -field reads as a value", async () => {
      const refused = await crm("opportunities", "list", "--sort", "budget")
      expect(refused.code).toBe(2)
      expect(refused.stderr).toContain("Expected one of the following cases: name, -name, value, -value")
      const spaced = await crm("opportunities", "list", "--sort", "-value", "--json")
      expect([spaced.code, spaced.stderr]).toEqual([0, ""])
    })
  })
})
