/**
 * `pnpm size`: bundles each entry in size-entries/ with esbuild (bundle, ESM, platform neutral,
 * workspace packages from source), and reports bytes bundled, minified and gzipped, and how much of the
 * minified output is Effect's (from the metafile). Exits non-zero when an entry exceeds its budget in
 * size-budget.json, or when an entry cannot be built.
 */
import * as esbuild from "esbuild"
import * as fs from "node:fs"
import { fileURLToPath } from "node:url"
import * as zlib from "node:zlib"
import { table } from "./Report.js"

interface Entry {
  readonly name: string
  readonly file: string
  readonly description: string
  /** What to check before building, with the message when it is not there. */
  readonly requires?: { readonly file: string; readonly contains: string; readonly message: string }
}

interface Budget {
  readonly minified: number
  readonly gzip: number
}

const root = new URL("../", import.meta.url)
const repo = new URL("../../", root)

const entries: ReadonlyArray<Entry> = [
  { name: "leads-list", file: "size-entries/leads-list.ts", description: "(a) LeadsService.list via per-module entries" },
  { name: "leads-list-root", file: "size-entries/leads-list-root.ts", description: "(a') the same via package roots" },
  { name: "pipeline-all", file: "size-entries/pipeline-all.ts", description: "(b) export * from @blocks-crm/pipeline" },
  {
    name: "reference-client",
    file: "size-entries/reference-client.ts",
    description: "(c) reference client, createCrmClient (Promise face)",
    requires: {
      file: "apps/reference/src/index.ts",
      contains: "createCrmClient",
      message: "apps/reference/src/index.ts does not export createCrmClient yet: entry (c) cannot be measured"
    }
  }
]

type Share = { effect: number; effectPlatform: number; workspace: number; other: number }

const classify = (input: string): keyof Share => {
  if (/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?effect\//.test(input)) return "effect"
  if (/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?@effect\//.test(input)) return "effectPlatform"
  if (!input.includes("node_modules/")) return "workspace"
  return "other"
}

const build = async (entry: Entry, minify: boolean) =>
  esbuild.build({
    entryPoints: [fileURLToPath(new URL(entry.file, root))],
    bundle: true,
    minify,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    mainFields: ["module", "main"],
    conditions: ["@blocks-crm/source"],
    treeShaking: true,
    write: false,
    metafile: true,
    logLevel: "silent",
    absWorkingDir: fileURLToPath(repo)
  })

const measure = async (entry: Entry) => {
  const raw = await build(entry, false)
  const min = await build(entry, true)
  const code = min.outputFiles[0]!.contents
  const share: Share = { effect: 0, effectPlatform: 0, workspace: 0, other: 0 }
  for (const output of Object.values(min.metafile.outputs)) {
    for (const [input, info] of Object.entries(output.inputs)) share[classify(input)] += info.bytesInOutput
  }
  return {
    raw: raw.outputFiles[0]!.contents.byteLength,
    minified: code.byteLength,
    gzip: zlib.gzipSync(code, { level: 9 }).byteLength,
    share
  }
}

const budgetFile = new URL("size-budget.json", root)
const budgets: Record<string, Budget> = fs.existsSync(budgetFile)
  ? (JSON.parse(fs.readFileSync(budgetFile, "utf8")) as { entries: Record<string, Budget> }).entries
  : {}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`

const rows: Array<Array<string | number>> = []
const results: Record<string, unknown> = {}
const failures: Array<string> = []
for (const entry of entries) {
  if (entry.requires !== undefined) {
    const file = new URL(entry.requires.file, repo)
    if (!fs.existsSync(file) || !fs.readFileSync(file, "utf8").includes(entry.requires.contains)) {
      failures.push(`${entry.name}: ${entry.requires.message}`)
      rows.push([entry.description, "—", "—", "—", "—", "—", "not measured"])
      continue
    }
  }
  let m: Awaited<ReturnType<typeof measure>>
  try {
    m = await measure(entry)
  } catch (error) {
    const detail = (error as { errors?: ReadonlyArray<{ text: string }> }).errors?.map((e) => e.text).join("; ") ?? String(error)
    failures.push(`${entry.name}: the bundle failed to build: ${detail}`)
    rows.push([entry.description, "—", "—", "—", "—", "—", "build failed"])
    continue
  }
  const budget = budgets[entry.name]
  const over: Array<string> = []
  if (budget !== undefined && m.minified > budget.minified) over.push(`minified ${m.minified} > ${budget.minified}`)
  if (budget !== undefined && m.gzip > budget.gzip) over.push(`gzip ${m.gzip} > ${budget.gzip}`)
  if (over.length > 0) failures.push(`${entry.name}: over budget (${over.join(", ")})`)
  const sdk = m.share.workspace
  rows.push([
    entry.description,
    kb(m.raw),
    kb(m.minified),
    kb(m.gzip),
    `${pct(m.share.effect, m.minified)} effect · ${pct(m.share.effectPlatform, m.minified)} @effect/* · ${pct(sdk, m.minified)} SDK · ${pct(m.share.other, m.minified)} other`,
    budget === undefined ? "none" : `${kb(budget.minified)} / ${kb(budget.gzip)} gz`,
    budget === undefined ? "no budget" : over.length === 0 ? "ok" : "OVER"
  ])
  results[entry.name] = { ...m, budget }
}

console.log(
  [
    "## Bundle size (esbuild: bundle, minify, ESM, platform neutral; gzip level 9)",
    "",
    table(["entry", "bundled", "minified", "gzip", "minified by origin", "budget (min / gzip)", "status"], rows)
  ].join("\n")
)
fs.mkdirSync(new URL("results/", root), { recursive: true })
fs.writeFileSync(new URL("results/size.json", root), JSON.stringify({ date: new Date().toISOString(), results }, null, 2) + "\n")
if (failures.length > 0) {
  console.error(`\nsize check failed:\n${failures.map((f) => `  - ${f}`).join("\n")}`)
  process.exit(1)
}
