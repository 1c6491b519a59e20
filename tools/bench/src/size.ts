/**
 * `pnpm size`: bundles each entry in size-entries/ with esbuild (bundle, ESM, platform neutral,
 * workspace packages from source), and the main ones again through Vite's production build (Rollup),
 * and reports bytes bundled, minified and gzipped, and how much of the minified output is Effect's.
 * Exits non-zero when an entry exceeds its budget in size-budget.json, when a single-resource entry
 * bundles another pipeline resource (its wire names are in the output), or when an entry cannot be built.
 */
import * as fs from "node:fs"
import {
  aboveFloor,
  build,
  type Budget,
  entries,
  type Measured,
  measureMinified,
  measureVite,
  measureViteApp,
  readBudgets,
  resourceCheck,
  root,
  viteApps,
  viteEntries
} from "./BundleSize.js"
import { table } from "./Report.js"

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`
const errorText = (error: unknown) =>
  (error as { errors?: ReadonlyArray<{ text: string }> }).errors?.map((e) => e.text).join("; ") ?? String(error)

// Shares of the modules' own bytes (for Vite, each module minified alone: the sum exceeds the bundle).
const shareTotal = (m: Measured) => m.share.effect + m.share.effectPlatform + m.share.workspace + m.share.other

const { markers, entries: budgets } = readBudgets()
const rows: Array<Array<string | number>> = []
const results: Record<string, unknown> = {}
const measured = new Map<string, Measured>()
const failures: Array<string> = []
function check(name: string, description: string, raw: number | undefined, m: Measured) {
  const budget: Budget | undefined = budgets[name]
  const over: Array<string> = []
  if (budget !== undefined && m.minified > budget.minified) over.push(`minified ${m.minified} > ${budget.minified}`)
  if (budget !== undefined && m.gzip > budget.gzip) over.push(`gzip ${m.gzip} > ${budget.gzip}`)
  if (over.length > 0) failures.push(`${name}: over budget (${over.join(", ")})`)
  const only = budget?.only === undefined ? undefined : [budget.only].flat().join("+")
  const resources = budget?.only === undefined ? undefined : resourceCheck(m.code, markers, budget.only)
  if (resources !== undefined && resources.foreign.length > 0) {
    failures.push(`${name}: bundles other resources than ${only} (${resources.foreign.join(", ")})`)
  }
  if (resources !== undefined && resources.missing.length > 0) {
    failures.push(
      `${name}: ${only}'s own markers are not in the bundle, so the check sees nothing (${
        resources.missing.join(", ")
      })`
    )
  }
  const resourcesOk = resources === undefined || (resources.foreign.length === 0 && resources.missing.length === 0)
  rows.push([
    description,
    raw === undefined ? "—" : kb(raw),
    kb(m.minified),
    kb(m.gzip),
    `${pct(m.share.effect, shareTotal(m))} effect · ${pct(m.share.effectPlatform, shareTotal(m))} @effect/* · ${
      pct(m.share.workspace, shareTotal(m))
    } SDK · ${pct(m.share.other, shareTotal(m))} other`,
    budget === undefined
      ? "none"
      : `${kb(budget.minified)} / ${kb(budget.gzip)} gz${only === undefined ? "" : `, ${only} only`}`,
    budget === undefined
      ? "no budget"
      : over.length === 0 && resourcesOk
      ? "ok"
      : over.length > 0
      ? "OVER"
      : "OTHER RESOURCE"
  ])
  const { code: _code, modules: _modules, ...figures } = m
  results[name] = { ...(raw === undefined ? {} : { raw }), ...figures, budget }
}

for (const entry of entries) {
  let raw: number
  let m: Measured
  try {
    raw = (await build({ file: entry.file }, false)).outputFiles[0]!.contents.byteLength
    m = await measureMinified({ file: entry.file })
  } catch (error) {
    failures.push(`${entry.name}: the bundle failed to build: ${errorText(error)}`)
    rows.push([entry.description, "—", "—", "—", "—", "—", "build failed"])
    continue
  }
  measured.set(entry.name, m)
  check(entry.name, entry.description, raw, m)
}

// The same entries as a browser app ships them (Vite's production build).
for (const entry of viteEntries) {
  let m: Measured
  try {
    m = await measureVite(entry.file)
  } catch (error) {
    failures.push(`${entry.name}: the Vite build failed: ${errorText(error)}`)
    rows.push([entry.description, "—", "—", "—", "—", "—", "build failed"])
    continue
  }
  measured.set(entry.name, m)
  check(entry.name, entry.description, undefined, m)
}

// Whole apps, each through its own Vite configuration (every JavaScript chunk).
for (const app of viteApps) {
  let m: Measured
  try {
    m = await measureViteApp(app.root)
  } catch (error) {
    failures.push(`${app.name}: the Vite build failed: ${errorText(error)}`)
    rows.push([app.description, "—", "—", "—", "—", "—", "build failed"])
    continue
  }
  measured.set(app.name, m)
  check(app.name, app.description, undefined, m)
}

// What the SDK (and @blocks-crm/react) adds to a React page over React + TanStack Query alone.
const floorReact = measured.get("floor-react@vite")
const overReact = ["react-leads-list@vite", "web-app@vite"].flatMap((name) => {
  const m = measured.get(name)
  return m === undefined || floorReact === undefined ? [] : [{ name, gzip: m.gzip, added: m.gzip - floorReact.gzip }]
})

// What each further service adds to an app that already has leads (issue 17: at most 3 KB gz each).
const further: Array<Array<string | number>> = []
const deltas: Record<string, number> = {}
const leads = measured.get("leads-list")
if (leads !== undefined) {
  // Single-service entries only (a string `only`).
  for (
    const entry of entries.filter((e) => typeof budgets[e.name]?.only === "string" && budgets[e.name]?.only !== "leads")
  ) {
    try {
      const both = await measureMinified({
        contents: `export * from "./size-entries/leads-list.ts"\nexport { run as further } from "./${entry.file}"\n`
      })
      deltas[entry.name] = both.gzip - leads.gzip
      further.push([
        entry.description.replace(/^\(a\) /, "").replace(/ alone$/, ""),
        kb(both.gzip),
        `+${kb(both.gzip - leads.gzip)}`
      ])
    } catch (error) {
      failures.push(`leads + ${entry.name}: the bundle failed to build: ${errorText(error)}`)
    }
  }
}
const platform = leads?.modules.filter(([name]) =>
  name.startsWith("@effect/") ||
  !name.startsWith("effect/") && !name.startsWith("packages/") && !name.startsWith("tools/")
).slice(0, 12) ?? []

// What leads-only adds over Effect + Schema + HttpClient under Vite: the list of modules to cut from.
const leadsVite = measured.get("leads-list@vite")
const floorVite = measured.get("floor@vite")
const overFloor = leadsVite !== undefined && floorVite !== undefined ? aboveFloor(leadsVite, floorVite) : []
// The same above the contract alone: what the SDK's own code, and the Effect it reaches, add.
const contractVite = measured.get("floor-httpapiendpoint@vite")
const overContract = leadsVite !== undefined && contractVite !== undefined ? aboveFloor(leadsVite, contractVite) : []

console.log(
  [
    "## Bundle size (esbuild: bundle, minify, ESM, platform neutral; gzip level 9)",
    "",
    table(["entry", "bundled", "minified", "gzip", "minified by origin", "budget (min / gzip)", "status"], rows),
    "",
    "### Leads plus one further service (per-module entries)",
    "",
    table(["further service", "leads + it, gzip", "added to leads"], further),
    "",
    "### Largest modules outside `effect` and the SDK in (a), minified",
    "",
    table(["module", "minified"], platform.map(([name, bytes]) => [name, bytes])),
    "",
    leadsVite !== undefined && floorVite !== undefined
      ? `### Vite: leads-list ${kb(leadsVite.gzip)} gz over the floor's ${kb(floorVite.gzip)} gz (+${
        kb(leadsVite.gzip - floorVite.gzip)
      }${
        contractVite === undefined
          ? ""
          : `, +${kb(leadsVite.gzip - contractVite.gzip)} over the contract's ${
            kb(contractVite.gzip)
          } (floor-httpapiendpoint@vite)`
      }); modules above the floor, each minified alone`
      : "### Vite: leads-list or its floor failed to build",
    "",
    table(["module", "minified over the floor"], overFloor.slice(0, 30).map(([name, bytes]) => [name, bytes])),
    "",
    floorReact === undefined
      ? "### React: floor-react@vite failed to build"
      : `### React pages over React + react-dom + TanStack Query alone (floor-react@vite, ${
        kb(floorReact.gzip)
      } gz), Vite`,
    "",
    table(["entry", "gzip", "added over the floor"], overReact.map((r) => [r.name, kb(r.gzip), `+${kb(r.added)}`]))
  ].join("\n")
)
fs.mkdirSync(new URL("results/", root), { recursive: true })
fs.writeFileSync(
  new URL("results/size.json", root),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      results,
      furtherServiceOverLeadsGzip: deltas,
      "leads-list@vite overFloor@vite": Object.fromEntries(overFloor),
      "leads-list@vite overFloor-httpapiendpoint@vite": Object.fromEntries(overContract),
      "gzip over floor-react@vite": Object.fromEntries(overReact.map((r) => [r.name, r.added]))
    },
    null,
    2
  ) + "\n"
)
if (failures.length > 0) {
  console.error(`\nsize check failed:\n${failures.map((f) => `  - ${f}`).join("\n")}`)
  process.exit(1)
}
