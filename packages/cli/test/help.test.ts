/**
 * The help a person reads, rendered from the command tree (in this process, on the sources): the top
 * level fits a screen, a resource lists its commands one line each, a command shows its flags and an
 * example, the built-in options appear once; and the bash completion script completes resources,
 * commands and flags when bash runs its completion function.
 */
import { describe, expect, it } from "@effect/vitest"
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as Domains from "../src/domains.js"
import * as CommandTree from "../src/cli/CommandTree.js"
import * as Tree from "../src/cli/Tree.js"
import * as Cli from "./support/Cli.js"

const tree = CommandTree.fromDomains(await Domains.all(), "0.0.0")
const lines = (text: string) => text.trimEnd().split("\n")

describe("crm help", () => {
  const emulator = Cli.onEmulator()
  const crm = (...args: ReadonlyArray<string>) => emulator.run(args)

  it("crm --help: at most 60 lines, every top-level resource on one line, the built-in options once", async () => {
    const help = await crm("--help")
    expect(help.code).toBe(0)
    expect(lines(help.stdout).length).toBeLessThanOrEqual(60)
    const topLevel = [...new Set(tree.resources.map((resource) => resource.path[0]!))]
    expect(topLevel.length).toBeGreaterThan(20)
    for (const word of topLevel) {
      expect(lines(help.stdout).filter((line) => new RegExp(`^  ${word} +\\S`).test(line))).toHaveLength(1)
    }
    for (const option of ["--completions", "--log-level", "--wizard", "--version"]) {
      expect(help.stdout.split(option).length - 1).toBe(1)
    }
    expect(help.stdout).toContain("Exit codes: 0 ok, 2 usage, 3 API error, 4 network, 5 configuration")
  })

  it("crm leads --help: each command of leads on one line, with its description", async () => {
    const help = await crm("leads", "--help")
    expect(help.code).toBe(0)
    const commands = Tree.commandsUnder(tree, ["leads"])
    expect(commands.length).toBeGreaterThan(5)
    for (const command of commands) {
      const line = lines(help.stdout).find((text) =>
        text.startsWith(`  ${command.path[1]} `) || text === `  ${command.path[1]}`
      )
      expect(line, command.path.join(" ")).toContain(command.description)
    }
    expect(help.stdout).toMatch(/^ {2}follows +Follow-ups/m)
    expect(help.stdout).not.toContain("--completions")
    expect(lines(help.stdout).length).toBeLessThanOrEqual(commands.length + 12)
  })

  it("crm leads create --help: its flags with descriptions and the reference's example", async () => {
    const help = await crm("leads", "create", "--help")
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^ {2}--name text +The lead's name \(required\)$/m)
    expect(help.stdout).toMatch(/^ {2}--probability integer +Win probability in percent \(0 to 100\) \(optional\)$/m)
    // crm-leads.md, "POST /leads/ - Create Lead".
    expect(help.stdout).toContain(
      "  crm leads create --name \"New Enterprise Deal\" --source referral --value 75000 --stage new --probability 20"
    )
    expect(help.stdout).toContain("Exit codes:")
    expect(help.stdout).not.toContain("--wizard")
    expect(lines(help.stdout).length).toBeLessThanOrEqual(25)
  })

  it("crm --completions bash: the completion function completes resources, commands and flags", async () => {
    const script = await crm("--completions", "bash")
    expect(script.code).toBe(0)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-completions-"))
    try {
      const file = path.join(dir, "crm.bash")
      fs.writeFileSync(file, script.stdout)
      const complete = (words: ReadonlyArray<string>) =>
        execFileSync("bash", [
          "-c",
          `source "$0"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${
            words.length - 1
          }; _crm_bash_completions crm; printf '%s\\n' "\${COMPREPLY[@]}"`,
          file
        ], { encoding: "utf8" }).trim().split("\n")
      expect(complete(["crm", "le"])).toEqual(["leads"])
      expect(complete(["crm", "op"])).toEqual(["opportunities"])
      expect(complete(["crm", "leads", "cr"]).sort()).toEqual(["create", "create-for-account"])
      expect(complete(["crm", "leads", "follows", "cr"])).toEqual(["create"])
      expect(complete(["crm", "leads", "create", "--na"])).toEqual(["--name"])
      expect(complete(["crm", "leads", "create", "--stage", ""]).sort()).toEqual(
        ["contacted", "negotiation", "new", "proposal", "qualified"]
      )
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it("crm --completions zsh and fish name the resources and commands", async () => {
    const [zsh, fish] = await Promise.all([crm("--completions", "zsh"), crm("--completions", "fish")])
    expect(zsh.stdout).toContain("#compdef crm")
    expect(zsh.stdout).toContain("'leads:Leads and their follow-ups'")
    expect(fish.stdout).toContain("complete -c crm")
    expect(fish.stdout).toMatch(/-a "opportunities"/)
  })
})
