/**
 * The built app in a real browser: Vite's production build served on loopback, the emulator with the
 * app's seed data, Debian's Chromium driven by playwright-core (no browser download: `.ci/run` installs
 * the `chromium` package when /usr/bin/chromium is missing). What a user sees is checked against what
 * the emulator holds, read back through the SDK from Node.
 */
import { createCrmClient } from "@blocks-crm/client"
import { startEmulator, type RunningEmulator } from "@blocks-crm/emulator"
import { pipeline } from "@blocks-crm/pipeline/domain"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { fixtures, leads as seededLeads } from "../dev/seed.js"
import { serve, type StaticServer } from "./StaticServer.js"

const appRoot = fileURLToPath(new URL("../", import.meta.url))
const results = path.join(appRoot, "test-results")
const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium"

/**
 * The app's production build, into a folder of its own (nothing left in the work tree). Vitest sets
 * NODE_ENV to "test", which Vite would build React's development code with: production is what ships.
 */
const buildApp = async (outDir: string) => {
  const vite = await import("vite")
  const nodeEnv = process.env["NODE_ENV"]
  process.env["NODE_ENV"] = "production"
  try {
    await vite.build({
      root: appRoot,
      configFile: path.join(appRoot, "vite.config.ts"),
      mode: "production",
      logLevel: "warn",
      build: { outDir, emptyOutDir: true }
    })
  } finally {
    if (nodeEnv === undefined) delete process.env["NODE_ENV"]
    else process.env["NODE_ENV"] = nodeEnv
  }
  // React's development build says so in its code; the production build does not.
  const js = fs.readdirSync(path.join(outDir, "assets")).filter((file) => file.endsWith(".js"))
  for (const file of js) {
    expect(fs.readFileSync(path.join(outDir, "assets", file), "utf8")).not.toContain("react-devtools")
  }
}

let emulator: RunningEmulator
let server: StaticServer
let browser: Browser
/** One context for every page, so the app's hashed assets come from the browser's cache after the first. */
let context: BrowserContext
let outDir: string
let client: ReturnType<typeof createCrmClient<[typeof pipeline]>>
/** What the page logged as errors, and what it threw: shown when a check fails. */
const pageErrors: Array<string> = []

beforeAll(async () => {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: install Debian's chromium package (apt-get install chromium)`)
  }
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "blocks-crm-web-"))
  // The build, the emulator and the browser start side by side.
  const [, started, launched] = await Promise.all([
    buildApp(outDir),
    startEmulator({ seed: fixtures() }),
    chromium.launch({
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run"
      ]
    })
  ])
  emulator = started
  browser = launched
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: "UTC" })
  context.setDefaultTimeout(10_000)
  server = await serve(outDir, { apiUrl: emulator.url, authToken: emulator.authToken, apiKey: emulator.apiKey })
  client = createCrmClient({
    apiUrl: emulator.url,
    authToken: emulator.authToken,
    apiKey: emulator.apiKey,
    domains: [pipeline]
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await client?.close()
  await emulator?.close()
  if (outDir !== undefined) fs.rmSync(outDir, { recursive: true, force: true })
})

const open = async (pathname: string): Promise<Page> => {
  const page = await context.newPage()
  page.on("pageerror", (error) => pageErrors.push(`${pathname}: ${error.message}`))
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(`${pathname}: ${message.text()}`)
  })
  await page.goto(`${server.url}${pathname}`)
  return page
}

/** Waits for `locator`; when it never shows, fails with what the page shows and the errors it logged. */
const shown = async (page: Page, locator: Locator) => {
  try {
    await locator.waitFor()
  } catch (error) {
    const text = await page.locator("body").innerText().catch(() => "(no body)")
    throw new Error(
      `${(error as Error).message.split("\n")[0]}\n--- the page shows:\n${text}\n--- its errors:\n${
        pageErrors.join("\n")
      }`
    )
  }
}

const cardNames = (page: Page, stage?: string) =>
  page.locator(`${stage === undefined ? "" : `[data-stage="${stage}"] `}[data-testid="lead"] .name`).allTextContents()

describe("the web app in Chromium", () => {
  it("shows the emulator's leads on the board, each in its stage's column", async () => {
    const page = await open("/")
    await shown(page, page.locator("[data-testid=lead]").first())
    const stored = (await client.crm.leads.list({ records: 200 })).data
    expect(stored.map((lead) => lead.name).sort()).toEqual(seededLeads.map((lead) => lead.name).sort())
    expect((await cardNames(page)).sort(), pageErrors.join("\n")).toEqual(stored.map((lead) => lead.name).sort())
    for (const stage of ["new", "contacted", "qualified", "proposal", "negotiation"]) {
      expect((await cardNames(page, stage)).sort()).toEqual(
        stored.filter((lead) => lead.stage === stage).map((lead) => lead.name).sort()
      )
    }
    fs.mkdirSync(results, { recursive: true })
    await page.screenshot({ path: path.join(results, "board.png"), fullPage: true })
    await page.close()
  })

  it("creates a lead through the form, and the board refreshes with it", async () => {
    const page = await open("/")
    await shown(page, page.locator("[data-testid=lead]").first())
    const before = (await cardNames(page)).length
    const name = `Browser test lead ${Date.now()}`
    await page.fill("input[name=name]", name)
    await page.fill("input[name=value]", "33000")
    await page.selectOption("select[name=stage]", "qualified")
    await page.click("button[type=submit]")
    await shown(page, page.locator(`[data-stage="qualified"] [data-testid=lead]`, { hasText: name }))
    expect(await cardNames(page), pageErrors.join("\n")).toHaveLength(before + 1)
    // The emulator holds it, as the form sent it.
    const created = (await client.crm.leads.list({ records: 200 })).data.find((lead) => lead.name === name)
    expect(created).toMatchObject({ name, value: 33000, stage: "qualified", source: "website" })
    await page.close()
  })

  it("shows the typed NotFound error and its message for an unknown opportunity", async () => {
    const missing = "opp-does-not-exist"
    const page = await open(`/opportunities/${missing}`)
    const tag = await page.getByTestId("error-tag").textContent()
    const message = (await page.getByTestId("error-message").textContent()) ?? ""
    // The same call from Node: the page shows the SDK's error (its request id is the page's own).
    const expected = await client.crm.opportunities.get(missing).then(
      () => expect.unreachable("the emulator found an opportunity that was never created"),
      (error: { _tag: string; message: string }) => error
    )
    expect(tag, pageErrors.join("\n")).toBe(expected._tag)
    expect(tag).toBe("NotFound")
    const withoutRequestId = (text: string) => text.replace(/\(request id [^)]+\)/, "(request id)")
    expect(message).toMatch(/\(request id [^)]+\)/)
    expect(withoutRequestId(message)).toBe(withoutRequestId(expected.message))
    await expect(page.locator("h1").textContent()).resolves.toContain("404")
    await page.close()
  })

  it("converts a lead into an opportunity, opens its page and marks it won", async () => {
    const page = await open("/")
    const lead = seededLeads.find((l) => l.stage === "proposal")!
    const card = page.locator("[data-testid=lead]", { hasText: lead.name })
    await card.getByRole("button", { name: "Convert to opportunity" }).click()
    await shown(page, page.getByTestId("opportunity-page"))
    expect(await page.locator("h1").textContent(), pageErrors.join("\n")).toBe(lead.name)
    const id = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!)
    await expect(client.crm.opportunities.get(id)).resolves.toMatchObject({ name: lead.name, stage: "proposal" })
    const stored = (await client.crm.leads.list({ records: 200 })).data.find((l) => l.name === lead.name)
    expect(stored?.status).toBe("converted")
    // Closing it: the update invalidates the opportunity's query, and the page shows the stored record.
    await page.getByRole("button", { name: "Mark won" }).click()
    await page.getByRole("button", { name: "Mark won" }).waitFor({ state: "detached" })
    await expect(client.crm.opportunities.get(id)).resolves.toMatchObject({ status: "won", stage: "closed_won" })
    expect(await page.locator(".facts").textContent()).toContain("closed_won")
    await page.close()
  })

  it("lists this week's meetings and not last week's", async () => {
    const page = await open("/meetings")
    await shown(page, page.getByTestId("meeting").first())
    const titles = await page.locator("[data-testid=meeting] strong").allTextContents()
    const meetings = fixtures().tenants["pk_local_emulator"]!["scheduling"]!["meetings"] as ReadonlyArray<
      { title: string; start_time: string }
    >
    const now = Date.now()
    const monday = new Date(now - ((new Date(now).getUTCDay() + 6) % 7) * 86_400_000).setUTCHours(0, 0, 0, 0)
    const thisWeek = meetings.filter((m) => Date.parse(m.start_time) >= monday).map((m) => m.title)
    expect(thisWeek.length).toBeGreaterThan(0)
    expect(titles, pageErrors.join("\n")).toEqual(thisWeek)
    await page.close()
  })
})
