/**
 * What `pnpm size` measures, shared with its test: an entry bundled the way an app's bundler would
 * (esbuild: bundle, ESM, platform neutral, workspace packages from source; and Vite's production
 * build, Rollup, as browser apps ship), its sizes, where the bytes come from (the metafile, or Rollup's
 * modules), and which pipeline resources' wire names the bundle contains.
 */
import * as esbuild from "esbuild"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as zlib from "node:zlib"
import type * as Vite from "vite"

export interface Entry {
  readonly name: string
  readonly file: string
  readonly description: string
}

export interface Budget {
  readonly minified: number
  readonly gzip: number
  /**
   * The only resource (or resources: a whole domain) the bundle may contain: their markers must be
   * there, no other's.
   */
  readonly only?: string | ReadonlyArray<string>
}

export interface BudgetFile {
  /** Wire names and paths that only one pipeline resource's code contains, by resource. */
  readonly markers: Record<string, ReadonlyArray<string>>
  readonly entries: Record<string, Budget>
}

export const root = new URL("../", import.meta.url)
export const repo = new URL("../../", root)

export const entries: ReadonlyArray<Entry> = [
  {
    name: "leads-list",
    file: "size-entries/leads-list.ts",
    description: "(a) LeadsService.list via per-module entries"
  },
  { name: "leads-list-root", file: "size-entries/leads-list-root.ts", description: "(a') the same via package roots" },
  {
    name: "lead-follows-list",
    file: "size-entries/lead-follows-list.ts",
    description: "(a) LeadFollowsService.list alone"
  },
  {
    name: "opportunities-list",
    file: "size-entries/opportunities-list.ts",
    description: "(a) OpportunitiesService.list alone"
  },
  { name: "quotes-list", file: "size-entries/quotes-list.ts", description: "(a) QuotesService.list alone" },
  { name: "referrals-list", file: "size-entries/referrals-list.ts", description: "(a) ReferralsService.list alone" },
  { name: "touches-list", file: "size-entries/touches-list.ts", description: "(a) TouchesService.list alone" },
  { name: "accounts-list", file: "size-entries/accounts-list.ts", description: "(a) AccountsService.list alone" },
  {
    name: "account-locations-list",
    file: "size-entries/account-locations-list.ts",
    description: "(a) AccountLocationsService.list alone, the accounts package's smallest service"
  },
  {
    name: "mandrill-templates-stats",
    file: "size-entries/mandrill-templates-stats.ts",
    description: "(a) MandrillTemplatesService.stats alone"
  },
  {
    name: "floor-httpapiclient",
    file: "size-entries/floor-httpapiclient.ts",
    description: "floor: one HttpApi endpoint and its derived client over fetch, no SDK code"
  },
  {
    name: "floor-httpapiendpoint",
    file: "size-entries/floor-httpapiendpoint.ts",
    description: "floor: one HttpApiEndpoint (the contract) read by hand over Effect HttpClient, no HttpApiClient"
  },
  {
    name: "floor-httpclient",
    file: "size-entries/floor-httpclient.ts",
    description: "floor: Effect HttpClient over fetch and one Schema decode, no HttpApi"
  },
  {
    name: "company-keys-list",
    file: "size-entries/company-keys-list.ts",
    description: "(a) CompanyKeysService.list alone, the companies package's smallest service"
  },
  {
    name: "meeting-participants-list",
    file: "size-entries/meeting-participants-list.ts",
    description: "(a) MeetingParticipantsService.list alone, the scheduling package's smallest service"
  },
  {
    name: "calendar-sync",
    file: "size-entries/calendar-sync.ts",
    description: "(a) CalendarSyncService.syncUser alone, the calendar package's smallest service"
  },
  {
    name: "billings-get",
    file: "size-entries/billings-get.ts",
    description: "(a) BillingsService.get alone, the billing package's smallest service"
  },
  { name: "pipeline-all", file: "size-entries/pipeline-all.ts", description: "(b) export * from @blocks-crm/pipeline" },
  {
    name: "client-pipeline",
    file: "size-entries/client-pipeline.ts",
    description: "(c) createCrmClient (@blocks-crm/client) over the pipeline domain alone"
  },
  {
    name: "sdk-client",
    file: "size-entries/sdk-client.ts",
    description: "(d) createCrmClient (@blocks-crm/sdk), every domain"
  }
]

/**
 * The entries also built with Vite (Rollup), named after their esbuild entry with `@vite`; `floor@vite`
 * is Effect + Schema + HttpClient alone (size-entries/floor-httpclient.ts) under the same bundler, and
 * `floor-httpapiendpoint@vite` adds the contract (an HttpApiEndpoint in a group, read by hand), which is
 * what the SDK derives its own client from.
 */
export const viteEntries: ReadonlyArray<Entry> = [
  { name: "leads-list@vite", file: "size-entries/leads-list.ts", description: "(a) LeadsService.list, Vite" },
  {
    name: "client-pipeline@vite",
    file: "size-entries/client-pipeline.ts",
    description: "(c) createCrmClient over the pipeline domain, Vite"
  },
  { name: "sdk-client@vite", file: "size-entries/sdk-client.ts", description: "(d) the umbrella, Vite" },
  {
    name: "floor@vite",
    file: "size-entries/floor-httpclient.ts",
    description: "floor: Effect HttpClient over fetch and one Schema decode, Vite"
  },
  {
    name: "floor-httpapiendpoint@vite",
    file: "size-entries/floor-httpapiendpoint.ts",
    description: "floor: one HttpApiEndpoint (the contract) read by hand over Effect HttpClient, Vite"
  },
  {
    name: "floor-httpapiclient@vite",
    file: "size-entries/floor-httpapiclient.ts",
    description: "floor: one HttpApi endpoint and its derived client, Vite"
  },
  {
    name: "react-leads-list@vite",
    file: "size-entries/react-leads-list.ts",
    description: "a React page listing leads with @blocks-crm/react (CrmProvider, crmQueries), Vite"
  },
  {
    name: "floor-react@vite",
    file: "size-entries/floor-react.ts",
    description: "floor: React, react-dom and TanStack Query listing leads from fetch, no SDK, Vite"
  }
]

/** Apps built whole with their own Vite configuration (every JS chunk of the production build). */
export const viteApps: ReadonlyArray<{ readonly name: string; readonly root: string; readonly description: string }> = [
  {
    name: "web-app@vite",
    root: "apps/web",
    description: "apps/web: the whole web app (React, TanStack, the SDK), Vite"
  }
]

export const readBudgets = (): BudgetFile => {
  const file = new URL("size-budget.json", root)
  return fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as BudgetFile)
    : { markers: {}, entries: {} }
}

export type Share = { effect: number; effectPlatform: number; workspace: number; other: number }

const classify = (input: string): keyof Share => {
  if (/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?effect\//.test(input)) return "effect"
  if (/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?@effect\//.test(input)) return "effectPlatform"
  if (!input.includes("node_modules/")) return "workspace"
  return "other"
}

/** `node_modules/.pnpm/x@1/node_modules/@effect/platform/dist/esm/Multipart.js` → `@effect/platform/dist/esm/Multipart.js`. */
export const moduleName = (input: string): string => input.replace(/^.*node_modules\//, "")

/** Either an entry file (relative to tools/bench) or a program's source (resolved from tools/bench). */
export type Source = { readonly file: string } | { readonly contents: string }

export const build = (source: Source, minify: boolean) =>
  esbuild.build({
    ...("file" in source
      ? { entryPoints: [fileURLToPath(new URL(source.file, root))] }
      : { stdin: { contents: source.contents, resolveDir: fileURLToPath(root), loader: "ts" as const } }),
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

export interface Measured {
  readonly minified: number
  readonly gzip: number
  readonly share: Share
  /** Minified bytes by input module, largest first. */
  readonly modules: ReadonlyArray<readonly [string, number]>
  /** The minified bundle. */
  readonly code: string
}

/** The minified bundle: its size, gzipped size (level 9) and origins. */
export const measureMinified = async (source: Source): Promise<Measured> => {
  const min = await build(source, true)
  const code = min.outputFiles[0]!.contents
  const share: Share = { effect: 0, effectPlatform: 0, workspace: 0, other: 0 }
  const modules: Array<readonly [string, number]> = []
  for (const output of Object.values(min.metafile.outputs)) {
    for (const [input, info] of Object.entries(output.inputs)) {
      share[classify(input)] += info.bytesInOutput
      if (info.bytesInOutput > 0) modules.push([moduleName(input), info.bytesInOutput])
    }
  }
  modules.sort((a, b) => b[1] - a[1])
  return {
    minified: code.byteLength,
    gzip: zlib.gzipSync(code, { level: 9 }).byteLength,
    share,
    modules,
    code: new TextDecoder().decode(code)
  }
}

/**
 * Which resources' markers a bundle contains, checked against the resource (or resources) it may
 * contain: `missing` are their own markers not found (a marker list gone stale), `foreign` are other
 * resources' markers found (their code was bundled).
 */
export const resourceCheck = (
  code: string,
  markers: Record<string, ReadonlyArray<string>>,
  only: string | ReadonlyArray<string>
): { readonly missing: ReadonlyArray<string>; readonly foreign: ReadonlyArray<string> } => {
  const allowed: ReadonlyArray<string> = typeof only === "string" ? [only] : only
  const missing = allowed.flatMap((resource) => {
    const own = markers[resource]
    if (own === undefined) return [`no markers for resource "${resource}"`]
    const absent = own.filter((marker) => !code.includes(marker))
    return allowed.length === 1 ? absent : absent.map((marker) => `${resource}: ${marker}`)
  })
  const foreign = Object.entries(markers)
    .filter(([resource]) => !allowed.includes(resource))
    .flatMap(([resource, list]) => list.filter((marker) => code.includes(marker)).map((m) => `${resource}: ${m}`))
  return { missing, foreign }
}

/**
 * An entry through Vite's production build (Rollup, minified by Vite's default minifier, browser
 * conditions plus the workspace's source condition), as an app that imports the entry's exports
 * ships it: the entry keeps its exports (`preserveEntrySignatures: "strict"`), everything else is
 * Rollup's tree-shaking. Per-module bytes are each module's rendered code minified on its own (an
 * estimate: the bundle's minifier also mangles across modules), for the list of what is above a floor;
 * `modules: false` skips them (and the shares).
 */
export const measureVite = async (file: string, options?: { readonly modules?: boolean }): Promise<Measured> => {
  const vite = await import("vite")
  const output = await vite.build({
    configFile: false,
    root: fileURLToPath(root),
    logLevel: "silent",
    mode: "production",
    resolve: { conditions: ["@blocks-crm/source", ...vite.defaultClientConditions] },
    build: {
      write: false,
      target: "es2022",
      modulePreload: false,
      reportCompressedSize: false,
      rollupOptions: { input: path.resolve(fileURLToPath(root), file), preserveEntrySignatures: "strict" }
    }
  })
  const chunks = viteChunks(output)
  if (chunks.length !== 1) throw new Error(`${file}: Vite produced ${chunks.length} chunks, expected one`)
  return measureChunks(chunks, options)
}

type ViteOutput = Awaited<ReturnType<typeof Vite.build>>
type ViteChunk = Vite.Rollup.OutputChunk

const viteChunks = (output: ViteOutput): ReadonlyArray<ViteChunk> =>
  (Array.isArray(output) ? output : [output]).flatMap((result) =>
    "output" in result ? result.output.filter((o): o is ViteChunk => o.type === "chunk") : []
  )

/** The JavaScript of a build: its chunks' sizes added up (each gzipped alone, as a browser fetches them). */
const measureChunks = async (
  chunks: ReadonlyArray<ViteChunk>,
  options?: { readonly modules?: boolean }
): Promise<Measured> => {
  const share: Share = { effect: 0, effectPlatform: 0, workspace: 0, other: 0 }
  const modules: Array<readonly [string, number]> = []
  for (const chunk of chunks) {
    for (const [id, info] of Object.entries(options?.modules === false ? {} : chunk.modules)) {
      if (info.code === null || info.code.length === 0) continue
      const bytes = (await esbuild.transform(info.code, { minify: true, loader: "js" })).code.length
      const input = path.relative(fileURLToPath(repo), id)
      share[classify(input)] += bytes
      modules.push([moduleName(input), bytes])
    }
  }
  modules.sort((a, b) => b[1] - a[1])
  const codes = chunks.map((chunk) => Buffer.from(chunk.code))
  return {
    minified: codes.reduce((sum, code) => sum + code.byteLength, 0),
    gzip: codes.reduce((sum, code) => sum + zlib.gzipSync(code, { level: 9 }).byteLength, 0),
    share,
    modules,
    code: chunks.map((chunk) => chunk.code).join("\n")
  }
}

/**
 * An app's own Vite production build (its folder, relative to the repository, and its vite.config),
 * not written to disk: what the browser downloads of JavaScript, every chunk counted.
 */
export const measureViteApp = async (appRoot: string, options?: { readonly modules?: boolean }): Promise<Measured> => {
  const vite = await import("vite")
  const root = path.resolve(fileURLToPath(repo), appRoot)
  const output = await vite.build({
    root,
    configFile: path.join(root, "vite.config.ts"),
    logLevel: "silent",
    mode: "production",
    build: { write: false, reportCompressedSize: false }
  })
  const chunks = viteChunks(output)
  if (chunks.length === 0) throw new Error(`${appRoot}: Vite produced no JavaScript`)
  return measureChunks(chunks, options)
}

/** Modules whose minified bytes in `bundle` exceed those in `floor` by more than `min`, largest first. */
export const aboveFloor = (bundle: Measured, floor: Measured, min = 200): ReadonlyArray<readonly [string, number]> => {
  const base = new Map(floor.modules)
  return bundle.modules
    .map(([name, bytes]) => [name, bytes - (base.get(name) ?? 0)] as const)
    .filter(([, bytes]) => bytes > min)
    .sort((a, b) => b[1] - a[1])
}
