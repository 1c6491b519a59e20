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
import { CrmClient } from "../src/CrmClient.js"
import * as EmbeddedEmulator from "./support/EmbeddedEmulator.js"

const root = path.resolve(import.meta.dirname, "../../..")
const tsx = path.join(root, "node_modules", ".bin", "tsx")
const bin = path.join(root, "apps", "reference", "src", "bin.ts")

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

const crm = (args: ReadonlyArray<string>, env: Record<string, string> = {}): Promise<Run> => {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("BLOCKS_")))
  return new Promise((resolve) => {
    execFile(
      tsx,
      ["--conditions=@blocks-crm/source", bin, ...args],
      { cwd: root, env: { ...base, CRM_EMULATOR_DB: ":memory:", NO_COLOR: "1", ...env }, timeout: 60_000 },
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
const slow = 120_000

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

  it("--help lists every resource, demo and emulator", async () => {
    const run = await crm(["--help"])
    expect(run.code).toBe(0)
    for (const command of ["leads list", "leads follows", "opportunities recover", "quotes deleted", "referrals get", "touches create", "demo", "emulator"]) {
      expect(run.stdout).toContain(command)
    }
  }, slow)

  it("creates, lists (table, JSON, every page) and gets leads in a database that persists between runs", async () => {
    const created = await crm(["leads", "create", "--name", "Initech upgrade", "--value", "100", "--source", "website", "--json"], {
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
    const [table, json, all, got] = await Promise.all([
      crm(["leads", "list"], env),
      crm(["leads", "list", "--json"], env),
      crm(["leads", "list", "--all", "--records", "2"], env),
      crm(["leads", "get", lead.uniqueId], env)
    ])

    expect(table.code).toBe(0)
    const lines = table.stdout.split("\n")
    expect(lines[0]).toMatch(/^ID\s+NAME\s+SOURCE\s+STAGE\s+STATUS\s+VALUE\s+PROB\s+CREATED$/)
    const row = lines.find((line) => line.startsWith(lead.uniqueId))!
    expect(row).toMatch(/Initech upgrade\s+website\s+active\s+100\s+\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    // Columns line up: every row has NAME where the header has it.
    expect(row.indexOf("Initech upgrade")).toBe(lines[0]!.indexOf("NAME"))
    expect(table.stdout).toContain("page 1 of 1, 3 leads in all")

    expect(json.code).toBe(0)
    const page = JSON.parse(json.stdout) as { data: Array<{ uniqueId: string; name: string }>; meta: { totalRecords: number } }
    expect(page.meta.totalRecords).toBe(3)
    expect(page.data.map((l) => l.name)).toEqual(["Initech upgrade", "Hooli search", "Pied Piper"])

    expect(all.code).toBe(0)
    expect(all.stderr).toContain("fetched 2 of 3")
    expect(all.stderr).toContain("fetched 3 of 3")
    expect(all.stdout).toContain("Pied Piper")

    expect(got.code).toBe(0)
    expect(got.stdout).toMatch(new RegExp(`^uniqueId\\s+${lead.uniqueId}$`, "m"))
    expect(got.stdout).toMatch(/^name\s+Initech upgrade$/m)
  }, slow)

  it("reports failures with one line and an exit code: 3 API, 2 usage or invalid input, 4 unreachable, 5 configuration", async () => {
    const [notFound, blank, probability, missingFlag, unconfigured, unreachable] = await Promise.all([
      crm(["leads", "get", "nope"]),
      crm(["leads", "create", "--name", ""]),
      crm(["leads", "create", "--name", "Too sure", "--probability", "101"]),
      crm(["leads", "create", "--value", "10"]),
      crm(["leads", "list"], { BLOCKS_API_URL: "http://127.0.0.1:9" }),
      crm(["leads", "list", "--token", "tok_test", "--api-key", "pk_test"], {
        BLOCKS_API_URL: "http://127.0.0.1:9",
        BLOCKS_MAX_RETRIES: "0"
      })
    ])

    expect(notFound.code).toBe(3)
    expect(notFound.stderr).toMatch(/^Error: Lead Not Found: The requested lead could not be found\. \(status 404, request id [0-9a-f-]{36}\)$/m)
    expect(notFound.stdout).toBe("")
    noStackTrace(notFound)

    expect(blank.code).toBe(2)
    expect(blank.stderr).toContain("Error: Invalid input for leads.create: name: must not be blank")
    noStackTrace(blank)

    expect(probability.code).toBe(2)
    expect(probability.stderr).toMatch(/Error: Invalid input for leads\.create: probability: .*101/)
    noStackTrace(probability)

    expect(missingFlag.code).toBe(2)
    expect(missingFlag.stderr).toContain("--name")
    noStackTrace(missingFlag)

    expect(unconfigured.code).toBe(5)
    expect(unconfigured.stderr).toContain("BLOCKS_AUTH_TOKEN")
    expect(unconfigured.stderr).toContain("BLOCKS_API_KEY")
    expect(unconfigured.stderr).not.toContain("BLOCKS_API_URL -")
    expect(unconfigured.stderr).not.toContain("embedded emulator")
    noStackTrace(unconfigured)

    // The flags stand in for the missing variables; nothing listens on port 9.
    expect(unreachable.code).toBe(4)
    expect(unreachable.stderr).toMatch(/^Error: GET http:\/\/127\.0\.0\.1:9\/leads\/ could not reach the API: .*\(request id [0-9a-f-]{36}\)$/m)
    noStackTrace(unreachable)
  }, slow)
})
