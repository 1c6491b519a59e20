import { describe, expect, it } from "@effect/vitest"
import { measureMinified, readBudgets, resourceCheck } from "../src/BundleSize.js"

// The same bundles `pnpm size` builds (minified, from source), checked for other resources' wire names.
const { markers, entries } = readBudgets()

describe("bundle contents", () => {
  it("every single-service entry names a resource with markers", () => {
    const only = Object.values(entries).flatMap((budget) => (typeof budget.only === "string" ? [budget.only] : []))
    expect(new Set(only)).toEqual(new Set(Object.keys(markers)))
  })

  it("createCrmClient over the pipeline domain bundles every pipeline resource and no other domain's", async () => {
    const pipeline = entries["client-pipeline"]?.only
    expect(pipeline).toEqual(["leads", "leadFollows", "opportunities", "quotes", "referrals", "touches"])
    const bundle = await measureMinified({ file: "size-entries/client-pipeline.ts" })
    expect(resourceCheck(bundle.code, markers, pipeline!)).toEqual({ missing: [], foreign: [] })
    // Outside Node.js (a browser build; esbuild's neutral platform here) createCrmClient takes fetch:
    // core-http's export conditions leave undici and the Node transport out.
    expect(bundle.modules.map(([name]) => name).filter((name) => /undici|NodeTransport|\.node\.ts$/i.test(name)))
      .toEqual([])
  }, 60_000)

  it("sees another domain composed beside the pipeline", () => {
    const check = resourceCheck("/leads/trash/show /accounts/status/archive", markers, ["leads", "accounts"])
    expect(check.foreign).toEqual([])
    expect(check.missing).toEqual(["leads: CreateLeadRequest", "accounts: preferred_language"])
    expect(resourceCheck("/leads/trash/show CreateLeadRequest postal_code", markers, ["leads"]).foreign).toEqual([
      "accountLocations: postal_code"
    ])
  })

  it("an app that uses only LeadsService bundles leads and no other pipeline resource", async () => {
    const bundle = await measureMinified({ file: "size-entries/leads-list.ts" })
    expect(resourceCheck(bundle.code, markers, "leads")).toEqual({ missing: [], foreign: [] })
    // Outside Node.js the compiled decoders are left out until the app installs them (FastDecode).
    expect(bundle.modules.map(([name]) => name).filter((name) => /fastDecode|\.node\.ts$/.test(name))).toEqual([])
  }, 60_000)

  it("an app that installs FastDecode bundles the compiled decoders", async () => {
    const bundle = await measureMinified({
      contents: `export * from "./size-entries/leads-list.ts"\n` +
        `export { install } from "@blocks-crm/core-http/FastDecode"\n`
    })
    expect(bundle.modules.map(([name]) => name)).toContain("packages/core-http/src/internal/fastDecode.ts")
  }, 60_000)

  it("the same through the package roots", async () => {
    const bundle = await measureMinified({ file: "size-entries/leads-list-root.ts" })
    expect(resourceCheck(bundle.code, markers, "leads")).toEqual({ missing: [], foreign: [] })
  }, 60_000)

  it("sees another resource when one is bundled with leads", async () => {
    const bundle = await measureMinified({
      contents:
        `export * from "./size-entries/leads-list.ts"\nexport { run as quotes } from "./size-entries/quotes-list.ts"\n`
    })
    const check = resourceCheck(bundle.code, markers, "leads")
    expect(check.missing).toEqual([])
    expect(check.foreign).toEqual(markers["quotes"]!.map((marker) => `quotes: ${marker}`))
  }, 60_000)

  it("reports a resource's own markers that are missing", () => {
    expect(resourceCheck("GET /quotes/ valid_until", markers, "leads")).toEqual({
      missing: markers["leads"],
      foreign: markers["quotes"]!.map((marker) => `quotes: ${marker}`)
    })
  })
})
