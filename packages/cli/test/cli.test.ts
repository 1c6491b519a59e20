/**
 * The `crm` CLI as a real process (tsx on the sources), with BLOCKS_* unset so that it starts the
 * embedded emulator: stdout, stderr and exit codes as a user sees them. Spawns are slow (~2 s), so
 * the independent ones run side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { execFile } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { CrmClient } from "@blocks-crm/sdk"
import * as EmbeddedEmulator from "./support/EmbeddedEmulator.js"

const root = path.resolve(import.meta.dirname, "../../..")
const tsx = path.join(root, "node_modules", ".bin", "tsx")
const bin = path.join(root, "packages", "cli", "src", "bin.ts")

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

// Colour variables are the caller's (Nx sets FORCE_COLOR): the CLI's output must not depend on them.
const inherited = (name: string) => !name.startsWith("BLOCKS_") && name !== "NO_COLOR" && name !== "FORCE_COLOR"

const crm = (args: ReadonlyArray<string>, env: Record<string, string> = {}): Promise<Run> => {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => inherited(name)))
  return new Promise((resolve) => {
    execFile(
      tsx,
      ["--conditions=@blocks-crm/source", bin, ...args],
      { cwd: root, env: { ...base, CRM_EMULATOR_DB: ":memory:", ...env }, timeout: 150_000 },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, stdout, stderr })
    )
  })
}

const noStackTrace = (run: Run) => {
  expect(run.stderr).not.toMatch(/^\s+at /m)
  expect(run.stderr).not.toContain("FiberFailure")
}

/** Spawned processes take seconds each, more on a busy machine. */
const slow = 300_000

const embeddedNotice = (database: string) =>
  `Using the embedded emulator at ${database} (set BLOCKS_API_URL to use a real API)`

describe("crm", () => {
  let dir: string
  let database: string

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-cli-"))
    database = path.join(dir, "crm.db")
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it(
    "--help lists every resource, demo and emulator, without ANSI codes when piped, whatever the colour variables",
    async () => {
      const [plain, forced, noColor, opportunities] = await Promise.all([
        crm(["--help"]),
        crm(["--help"], { FORCE_COLOR: "1" }),
        crm(["leads", "follows", "create", "--help"], { NO_COLOR: "1" }),
        crm(["opportunities", "--help"])
      ])
      expect(plain.code).toBe(0)
      // The top level lists resources, one line each; a resource's help lists its commands.
      for (const resource of ["leads", "opportunities", "quotes", "referrals", "touches", "demo", "emulator"]) {
        expect(plain.stdout).toMatch(new RegExp(`^  ${resource} +[A-Z]`, "m"))
      }
      expect(plain.stdout).toContain("Leads and their follow-ups (follows)")
      expect(plain.stdout).not.toContain("leads leads")
      expect(opportunities.stdout).toMatch(/^ +delete <uniqueId> +Delete an opportunity$/m)
      expect(opportunities.stdout).toMatch(/^ +recover <uniqueId> /m)
      for (const run of [plain, forced, noColor, opportunities]) {
        expect(run.code).toBe(0)
        expect(run.stdout).not.toContain("\u001b[")
        expect(run.stderr).not.toContain("\u001b[")
      }
      expect(forced.stdout).toBe(plain.stdout)
      expect(noColor.stdout).toContain("Create a follow-up")
    },
    slow
  )

  it("creates, lists (table, JSON, every page) and gets leads in a database that persists between runs", async () => {
    const created = await crm([
      "leads",
      "create",
      "--name",
      "Initech upgrade",
      "--value",
      "100",
      "--source",
      "website",
      "--json"
    ], {
      CRM_EMULATOR_DB: database
    })
    expect(created.code).toBe(0)
    expect(created.stderr.trim()).toBe(embeddedNotice(database))
    const lead = JSON.parse(created.stdout) as { uniqueId: string; name: string; value: number; status: string }
    expect(lead).toMatchObject({ name: "Initech upgrade", value: 100, status: "active" })

    // Two more leads through the library, on the same file, so that --all has pages to walk.
    await Effect.runPromise(
      Effect.gen(function*() {
        const crm = yield* CrmClient
        yield* crm.leads.create({ name: "Hooli search", value: 2_000 })
        yield* crm.leads.create({ name: "Pied Piper", value: 3_000 })
      }).pipe(Effect.provide(Layer.fresh(EmbeddedEmulator.client(database))))
    )

    const env = { CRM_EMULATOR_DB: database }
    const [table, json, all, fromPage2, got] = await Promise.all([
      crm(["leads", "list"], env),
      crm(["leads", "list", "--json"], env),
      crm(["leads", "list", "--all", "--records", "2"], env),
      crm(["leads", "list", "--all", "--records", "2", "--page", "2"], env),
      crm(["leads", "get", lead.uniqueId], env)
    ])

    expect(table.code).toBe(0)
    const lines = table.stdout.split("\n")
    expect(lines[0]).toMatch(/^UNIQUE ID\s+NAME\s+SOURCE\s+STAGE\s+STATUS\s+VALUE\s+PROBABILITY\s+CREATED AT$/)
    const row = lines.find((line) => line.startsWith(lead.uniqueId))!
    expect(row).toMatch(/Initech upgrade\s+website\s+active\s+100\s+\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    // Columns line up: every row has NAME where the header has it.
    expect(row.indexOf("Initech upgrade")).toBe(lines[0]!.indexOf("NAME"))
    expect(table.stdout).toContain("page 1 of 1, 3 leads in all")

    expect(json.code).toBe(0)
    const page = JSON.parse(json.stdout) as {
      data: Array<{ uniqueId: string; name: string }>
      meta: { totalRecords: number }
    }
    expect(page.meta.totalRecords).toBe(3)
    expect(page.data.map((l) => l.name)).toEqual(["Initech upgrade", "Hooli search", "Pied Piper"])

    expect(all.code).toBe(0)
    expect(all.stderr).toContain("fetched 2 of 3")
    expect(all.stderr).toContain("fetched 3 of 3")
    expect(all.stdout).toContain("Pied Piper")

    // From page 2 there is one lead left to fetch, and the progress says so.
    expect(fromPage2.code).toBe(0)
    expect(fromPage2.stderr).toContain("fetched 1 of 1")
    expect(fromPage2.stdout).toContain("Pied Piper")
    expect(fromPage2.stdout).not.toContain("Initech upgrade")

    expect(got.code).toBe(0)
    expect(got.stdout).toMatch(new RegExp(`^uniqueId\\s+${lead.uniqueId}$`, "m"))
    expect(got.stdout).toMatch(/^name\s+Initech upgrade$/m)
  }, slow)

  it(
    "reports failures with one line and an exit code: 3 API, 2 usage or invalid input, 4 unreachable, 5 configuration",
    async () => {
      const [notFound, blank, probability, missingFlag, impossibleDate, unconfigured, unreachable] = await Promise.all([
        crm(["leads", "get", "nope"]),
        crm(["leads", "create", "--name", ""]),
        crm(["leads", "create", "--name", "Too sure", "--probability", "101"]),
        crm(["leads", "create", "--value", "10"]),
        crm(["leads", "follows", "create", "some-lead", "--title", "Call back", "--due-date", "2026-02-30"]),
        crm(["leads", "list"], { BLOCKS_API_URL: "http://127.0.0.1:9" }),
        crm(["leads", "list", "--token", "tok_test", "--api-key", "pk_test"], {
          BLOCKS_API_URL: "http://127.0.0.1:9",
          BLOCKS_MAX_RETRIES: "0"
        })
      ])

      expect(notFound.code).toBe(3)
      expect(notFound.stderr).toMatch(
        /^Error: Lead Not Found: The requested lead could not be found\. \(status 404, request id [0-9a-f-]{36}\)$/m
      )
      expect(notFound.stdout).toBe("")
      noStackTrace(notFound)

      expect(blank.code).toBe(2)
      expect(blank.stderr).toContain("Invalid value for --name: must not be blank")
      noStackTrace(blank)

      expect(probability.code).toBe(2)
      expect(probability.stderr).toMatch(/Invalid value for --probability: .*101/)
      noStackTrace(probability)

      expect(missingFlag.code).toBe(2)
      expect(missingFlag.stderr).toContain("--name")
      noStackTrace(missingFlag)

      // Parsed by the SDK's own Timestamp schema: refused, not rolled over to March 2.
      expect(impossibleDate.code).toBe(2)
      expect(impossibleDate.stderr).toContain(
        "Invalid value for --due-date: Expected an ISO 8601 date-time, got \"2026-02-30\""
      )
      expect(impossibleDate.stderr).not.toContain("embedded emulator")
      noStackTrace(impossibleDate)

      expect(unconfigured.code).toBe(5)
      expect(unconfigured.stderr).toContain("BLOCKS_AUTH_TOKEN")
      expect(unconfigured.stderr).toContain("BLOCKS_API_KEY")
      expect(unconfigured.stderr).not.toContain("BLOCKS_API_URL -")
      expect(unconfigured.stderr).not.toContain("embedded emulator")
      noStackTrace(unconfigured)

      // The flags stand in for the missing variables; nothing listens on port 9.
      expect(unreachable.code).toBe(4)
      expect(unreachable.stderr).toMatch(
        /^Error: GET http:\/\/127\.0\.0\.1:9\/leads\/ could not reach the API: .*\(request id [0-9a-f-]{36}\)$/m
      )
      noStackTrace(unreachable)
    },
    slow
  )
})
