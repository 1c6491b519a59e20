/**
 * The emulator as a team installs it: `startEmulator()` (reset keeps the credentials and empties the
 * data), fixtures (a good file loaded through the handlers' schemas; a bad file refused whole, naming
 * its first bad record), CORS (an allowed origin's preflight and response headers, none for another
 * origin), the Vitest globalSetup, and the bin's `--json` line. Raw fetch over loopback throughout.
 */
import { startEmulator } from "@blocks-crm/emulator"
import type { RunningEmulator } from "@blocks-crm/emulator"
import setup from "@blocks-crm/emulator/vitest"
import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const headers = (emulator: RunningEmulator, apiKey = emulator.apiKey) => ({
  Authorization: `Bearer ${emulator.authToken}`,
  AppId: apiKey,
  "Content-Type": "application/json"
})

const listLeads = async (emulator: RunningEmulator, apiKey = emulator.apiKey) => {
  const response = await fetch(`${emulator.url}/leads/?records=100`, { headers: headers(emulator, apiKey) })
  expect(response.status).toBe(200)
  return (await response.json()) as { data: Array<{ attributes: Record<string, unknown> }> }
}

const createLead = (emulator: RunningEmulator, name: string) =>
  fetch(`${emulator.url}/leads/`, {
    method: "POST",
    headers: headers(emulator),
    body: JSON.stringify({ lead: { name } })
  })

/** The CORS headers of a response, by name. */
const corsHeaders = (headers: Headers) => {
  const names: Array<string> = []
  headers.forEach((_, name) => {
    if (name.startsWith("access-control-")) names.push(name)
  })
  return names
}

const seeds = { apiKeys: ["pk_team_a", "pk_team_b"], tokens: ["tok_team"] }
const work = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-fixtures-"))
const write = (name: string, value: unknown) => {
  const file = path.join(work, name)
  fs.writeFileSync(file, JSON.stringify(value))
  return file
}
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

describe("startEmulator and reset", () => {
  let emulator: RunningEmulator
  beforeAll(async () => {
    emulator = await startEmulator({ seeds })
  })
  afterAll(() => emulator.close())

  it("answers where it listens and the first tenant's credentials, and every tenant", () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(emulator.authToken).toBe("tok_team")
    expect(emulator.apiKey).toBe("pk_team_a")
    expect(emulator.tenants.map((tenant) => tenant.apiKey)).toEqual(["pk_team_a", "pk_team_b"])
  })

  it("reset empties every tenant's data; the same credentials work after it", async () => {
    expect((await createLead(emulator, "Before reset")).status).toBe(201)
    const other = await fetch(`${emulator.url}/accounts/`, {
      method: "POST",
      headers: headers(emulator, "pk_team_b"),
      body: JSON.stringify({ account: { name: "Tenant B account" } })
    })
    expect(other.status).toBe(201)
    expect((await listLeads(emulator)).data).toHaveLength(1)

    await emulator.reset()

    expect((await listLeads(emulator)).data).toHaveLength(0)
    const accounts = await fetch(`${emulator.url}/accounts/`, { headers: headers(emulator, "pk_team_b") })
    expect(((await accounts.json()) as { data: Array<unknown> }).data).toHaveLength(0)
    expect((await createLead(emulator, "After reset")).status).toBe(201)
    expect((await listLeads(emulator)).data.map((lead) => lead.attributes["name"])).toEqual(["After reset"])
  })
})

describe("fixtures", () => {
  const good = {
    tenants: {
      pk_team_a: {
        pipeline: {
          leads: [
            { name: "Acme renewal", value: 40000, stage: "qualified", status: "active" },
            { unique_id: "lead-fixed-id", name: "Globex pilot", status: "active" }
          ]
        },
        accounts: {
          accounts: {
            data: [{ type: "account", id: "account-1", attributes: { name: "Acme Corp", status: "active" } }]
          }
        }
      },
      pk_team_b: { pipeline: { leads: [{ name: "Tenant B lead", status: "active" }] } }
    }
  }

  it("a good file is loaded per tenant through the handlers' schemas; reset empties it too", async () => {
    const emulator = await startEmulator({ seeds, seed: write("good.json", good) })
    try {
      const names = async () => (await listLeads(emulator)).data.map((lead) => lead.attributes["name"])
      expect(await names()).toEqual(["Acme renewal", "Globex pilot"])
      const fixed = await fetch(`${emulator.url}/leads/lead-fixed-id/`, { headers: headers(emulator) })
      expect(fixed.status).toBe(200)
      const account = await fetch(`${emulator.url}/accounts/account-1/`, { headers: headers(emulator) })
      expect(((await account.json()) as { data: { attributes: { name: string } } }).data.attributes.name).toBe(
        "Acme Corp"
      )
      expect((await listLeads(emulator, "pk_team_b")).data.map((lead) => lead.attributes["name"])).toEqual([
        "Tenant B lead"
      ])
      expect((await createLead(emulator, "Added in a test")).status).toBe(201)
      await emulator.reset()
      expect(await names()).toEqual([])
    } finally {
      await emulator.close()
    }
  })

  it("a bad file is refused at start naming its first bad record, and nothing of it is loaded", async () => {
    const database = path.join(work, "refused.db")
    const bad = {
      tenants: {
        pk_team_a: {
          pipeline: { leads: [{ name: "Fine lead", status: "active" }, { name: "Bad value", value: "lots" }] }
        }
      }
    }
    const file = write("bad.json", bad)
    const refused = await startEmulator({ seeds, seed: file, db: database }).then(
      () => undefined,
      (error: unknown) => error
    )
    expect(refused).toBeInstanceOf(Error)
    expect((refused as Error).message).toContain(file)
    expect((refused as Error).message).toContain("tenants.pk_team_a.pipeline.leads[1].value")
    // The same database started without the file holds nothing of it: the good record was not kept.
    const emulator = await startEmulator({ seeds, db: database })
    try {
      expect((await listLeads(emulator)).data).toHaveLength(0)
    } finally {
      await emulator.close()
    }
  })

  it("records kept under another are nested in their parent record and loaded under it", async () => {
    const nested = {
      tenants: {
        pk_team_a: {
          pipeline: {
            leads: [
              {
                unique_id: "lead-1",
                name: "Acme renewal",
                status: "active",
                lead_follows: [{ title: "Call back", status: "pending" }, { title: "Send quote", status: "pending" }]
              },
              {
                unique_id: "lead-2",
                name: "Globex",
                status: "active",
                lead_follows: [{ title: "Other", status: "pending" }]
              }
            ]
          },
          scheduling: {
            meetings: [{
              unique_id: "meeting-1",
              title: "Kick-off",
              start_time: "2026-03-01T10:00:00Z",
              end_time: "2026-03-01T11:00:00Z",
              status: "active",
              enabled: true,
              meeting_participants: { data: [{ email: "ada@example.com", status: "active", enabled: true }] }
            }]
          }
        }
      }
    }
    const emulator = await startEmulator({ seeds, seed: write("nested.json", nested) })
    try {
      const get = async (url: string) => {
        const response = await fetch(`${emulator.url}${url}`, { headers: headers(emulator) })
        expect(response.status).toBe(200)
        return ((await response.json()) as { data: Array<{ attributes: Record<string, unknown> }> }).data
      }
      expect((await get("/leads/lead-1/follows")).map((follow) => follow.attributes["title"])).toEqual([
        "Call back",
        "Send quote"
      ])
      expect((await get("/leads/lead-2/follows")).map((follow) => follow.attributes["title"])).toEqual(["Other"])
      const participants = await get("/meetings/meeting-1/participants")
      expect(participants.map((p) => [p.attributes["email"], p.attributes["meeting_unique_id"]])).toEqual([
        ["ada@example.com", "meeting-1"]
      ])
    } finally {
      await emulator.close()
    }
  })

  it("a bad nested record refuses the whole file naming its path; a nested collection alone is refused", async () => {
    const database = path.join(work, "nested-refused.db")
    const bad = {
      tenants: {
        pk_team_a: {
          pipeline: {
            leads: [{
              name: "Fine lead",
              status: "active",
              lead_follows: [{ title: "Fine follow", status: "pending" }, { status: "pending" }]
            }]
          }
        }
      }
    }
    const refused = await startEmulator({ seeds, seed: write("nested-bad.json", bad), db: database }).then(
      () => undefined,
      (error: unknown) => error
    )
    expect((refused as Error).message).toContain("tenants.pk_team_a.pipeline.leads[0].lead_follows[1].title")
    const emulator = await startEmulator({ seeds, db: database })
    try {
      expect((await listLeads(emulator)).data).toHaveLength(0)
    } finally {
      await emulator.close()
    }
    const alone = { tenants: { pk_team_a: { pipeline: { lead_follows: [{ title: "Orphan", status: "pending" }] } } } }
    const error = await startEmulator({ seeds, seed: alone as never }).then(() => undefined, (e: unknown) => e)
    expect((error as Error).message).toContain("tenants.pk_team_a.pipeline.lead_follows")
    expect((error as Error).message).toContain("kept under a record of leads")
  })

  it("an unknown tenant, domain or collection is refused with its path", async () => {
    const cases: Array<[unknown, string]> = [
      [{ tenants: { pk_nobody: {} } }, "tenants.pk_nobody"],
      [{ tenants: { pk_team_a: { widgets: {} } } }, "tenants.pk_team_a.widgets"],
      [{ tenants: { pk_team_a: { pipeline: { leeds: [] } } } }, "tenants.pk_team_a.pipeline.leeds"],
      [
        { tenants: { pk_team_a: { pipeline: { leads: [{ name: "x", status: "active", colour: "red" }] } } } },
        "leads[0]"
      ]
    ]
    for (const [fixtures, pathInFile] of cases) {
      const error = await startEmulator({ seeds, seed: fixtures as never }).then(() => undefined, (e: unknown) => e)
      expect((error as Error).message).toContain(pathInFile)
    }
  })
})

describe("CORS", () => {
  let emulator: RunningEmulator
  let custom: RunningEmulator
  beforeAll(async () => {
    emulator = await startEmulator()
    custom = await startEmulator({ corsOrigins: ["https://app.example"] })
  })
  afterAll(async () => {
    await emulator.close()
    await custom.close()
  })

  const preflight = (url: string, origin: string) =>
    fetch(`${url}/leads/`, {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, appid, idempotency-key, x-request-id, content-type"
      }
    })

  it("a loopback page's preflight is answered with the headers the SDK sends", async () => {
    for (const origin of ["http://localhost:5173", "http://127.0.0.1:3000", "http://[::1]:8080"]) {
      const response = await preflight(emulator.url, origin)
      expect(response.status).toBe(204)
      expect(response.headers.get("access-control-allow-origin")).toBe(origin)
      const allowed = (response.headers.get("access-control-allow-headers") ?? "").toLowerCase().split(/,\s*/)
      for (const header of ["authorization", "appid", "x-api-key", "idempotency-key", "x-request-id", "content-type"]) {
        expect(allowed).toContain(header)
      }
      expect(response.headers.get("access-control-allow-methods")).toContain("DELETE")
    }
  })

  it("a response to an allowed origin exposes X-Request-ID and Retry-After", async () => {
    const response = await fetch(`${emulator.url}/leads/`, {
      headers: { ...headers(emulator), Origin: "http://localhost:5173" }
    })
    expect(response.status).toBe(200)
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173")
    expect(response.headers.get("access-control-expose-headers")).toBe("X-Request-ID, Retry-After")
  })

  it("another origin gets no CORS header, on a preflight or a request", async () => {
    for (const origin of ["http://evil.example", "http://localhost.evil.example:80", "https://localhost:443"]) {
      const refused = await preflight(emulator.url, origin)
      expect(refused.status).toBe(403)
      expect(corsHeaders(refused.headers)).toEqual([])
      const response = await fetch(`${emulator.url}/leads/`, { headers: { ...headers(emulator), Origin: origin } })
      expect(corsHeaders(response.headers)).toEqual([])
    }
  })

  it("configured origins replace the loopback default", async () => {
    expect((await preflight(custom.url, "https://app.example")).headers.get("access-control-allow-origin")).toBe(
      "https://app.example"
    )
    expect((await preflight(custom.url, "http://localhost:5173")).status).toBe(403)
  })

  it("an origin that is not one is refused at start", async () => {
    const error = await startEmulator({ corsOrigins: ["localhost:5173/path"] }).then(() => undefined, (e) => e)
    expect((error as Error).message).toContain("localhost:5173/path")
  })
})

describe("the Vitest globalSetup and the bin", () => {
  it("the globalSetup exports the BLOCKS_* variables of a running emulator, and its teardown stops it", async () => {
    const saved = { ...process.env }
    try {
      const teardown = await setup()
      const url = process.env["BLOCKS_API_URL"]!
      const response = await fetch(`${url}/leads/`, {
        headers: { Authorization: `Bearer ${process.env["BLOCKS_AUTH_TOKEN"]}`, AppId: process.env["BLOCKS_API_KEY"]! }
      })
      expect(response.status).toBe(200)
      await teardown()
      await expect(fetch(`${url}/health`)).rejects.toThrow()
    } finally {
      process.env = saved
    }
  })

  it("--json prints exactly one JSON line on stdout once listening; SIGTERM stops it", async () => {
    const bin = fileURLToPath(new URL("../../src/bin.ts", import.meta.url))
    const child = spawn(
      process.execPath,
      ["--conditions=@blocks-crm/source", "--import", "tsx", bin, "--port", "0", "--memory", "--json"],
      { stdio: ["ignore", "pipe", "pipe"] }
    )
    let stdout = ""
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString()
        if (stdout.includes("\n")) resolve(stdout.split("\n")[0]!)
      })
      child.once("exit", (code) => reject(new Error(`exited ${code}`)))
    })
    const info = JSON.parse(line) as { url: string; authToken: string; apiKey: string; tenants: Array<unknown> }
    expect(Object.keys(info)).toEqual(["url", "authToken", "apiKey", "tenants"])
    expect((await fetch(`${info.url}/health`)).status).toBe(200)
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
    child.kill("SIGTERM")
    await exited
    expect(stdout.trim().split("\n")).toHaveLength(1)
  }, 60_000)
})

describe("EmulatorDomain.make", () => {
  it("holds the domain's name equal to its contract's identifier", async () => {
    const { EmulatorDomain, PipelineDomain } = await import("@blocks-crm/emulator")
    const { PipelineApi } = await import("@blocks-crm/pipeline")
    const layer = (PipelineDomain as unknown as { routes: never }).routes
    // @ts-expect-error: the contract is "pipeline", so the domain cannot be called anything else
    const misnamed = EmulatorDomain.make("leads", PipelineApi, layer)
    expect(misnamed.name).toBe("leads")
    expect(PipelineDomain.name).toBe("pipeline")
  })
})
