/**
 * Piecemeal install check: the publishable packages, built and packed as they would be published,
 * installed with plain npm into a fresh project outside the workspace, then used from ESM and CommonJS
 * scripts against an emulator this check starts: the domain services on their own, the umbrella
 * (`@blocks-crm/sdk`), the React bindings (`@blocks-crm/react`: server rendering, a TSX component), and
 * in a second fresh project only core-http, client, pipeline and accounts composed by
 * `createCrmClient`; TypeScript files in both projects are checked with tsc. Also lints
 * every publishable package with publint and arethetypeswrong, on the packed tarballs (so
 * `publishConfig` is applied, as on publish).
 *
 *   pnpm --filter @blocks-crm/install-check run check            # everything
 *   pnpm --filter @blocks-crm/install-check run check --lint-only
 *   ... --keep                                                  # keep the temporary project
 *   ... --tarballs <dir>                                        # install these tarballs, no build or pack
 *
 * Exits non-zero on the first failing step, and on any publint error or warning, or attw problem.
 */
import { execFileSync, spawn } from "node:child_process"
import type { ChildProcess } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { publint } from "publint"
import { formatMessage } from "publint/utils"

const repo = fileURLToPath(new URL("../../../", import.meta.url))

/** The peers to install beside the tarballs, at the versions the packages are developed against. */
const peerPins = (): Array<string> => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repo, "packages/core-http/package.json"), "utf8")) as {
    readonly peerDependencies: Record<string, string>
    readonly devDependencies: Record<string, string>
  }
  return Object.keys(manifest.peerDependencies).map((name) => `${name}@${manifest.devDependencies[name]}`)
}
/** React, react-dom, TanStack Query and their types, at the versions `@blocks-crm/react` is developed against. */
const reactPins = (): Array<string> => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repo, "packages/react/package.json"), "utf8")) as {
    readonly devDependencies: Record<string, string>
  }
  return ["react", "react-dom", "@tanstack/react-query", "@types/react", "@types/react-dom"].map((name) =>
    `${name}@${manifest.devDependencies[name]}`
  )
}
const argv = process.argv.slice(2)
const lintOnly = argv.includes("--lint-only")
const keep = argv.includes("--keep")
/**
 * `--tarballs <dir>`: the packages were packed already (by `pnpm pack`, whose `prepack` builds them),
 * one tarball per publishable package in `dir` as pnpm names it: check those instead of building and
 * packing again. The install check's test packs them first, from unbuilt packages.
 */
const packed = argv.includes("--tarballs") ? argv[argv.indexOf("--tarballs") + 1] : undefined

/** The packages that are published (every non-private package under packages/). */
const publishable = fs
  .readdirSync(path.join(repo, "packages"))
  .map((dir) => path.join(repo, "packages", dir))
  .filter((dir) => fs.existsSync(path.join(dir, "package.json")))
  .map((dir) => ({
    dir,
    pkg: JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Record<string, any>
  }))
  .filter(({ pkg }) => pkg["private"] !== true)

/** Local-only credentials for the emulator this check starts. */
const seeds = { apiKey: "pk_install_check", token: "tok_install_check" }

/** The application: package roots and per-module entries, create then read back, internals hidden. */
const script = `
import { CrmTransport, JsonApi } from "@blocks-crm/core-http"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import { LeadsService } from "@blocks-crm/pipeline"
import { LeadsService as LeadsServiceEntry } from "@blocks-crm/pipeline/LeadsService"
import * as Effect from "effect/Effect"
import assert from "node:assert/strict"

assert.equal(LeadsService, LeadsServiceEntry, "the root and the per-module entry export the same LeadsService")
assert.equal(typeof JsonApi.listDocument, "function")
assert.equal(typeof Pagination.stream, "function")
await assert.rejects(import("@blocks-crm/core-http/internal/fastDecode"), "internal modules are not exported")

const name = "Install check lead " + Date.now()
const program = Effect.gen(function* () {
  const leads = yield* LeadsService
  const created = yield* leads.create({ name, source: "install-check", value: 1234, stage: "new" })
  assert.equal(created.name, name)
  assert.ok(created.createdAt instanceof Date)
  const fetched = yield* leads.get(created.uniqueId)
  assert.equal(fetched.uniqueId, created.uniqueId)
  const page = yield* leads.list({ records: 100 })
  const listed = page.data.find((lead) => lead.uniqueId === created.uniqueId)
  assert.ok(listed, "the created lead is listed")
  assert.equal(listed.name, name)
  assert.equal(listed.value, 1234)
  const missing = yield* Effect.flip(leads.get("no-such-lead"))
  assert.equal(missing._tag, "NotFound")
  return { id: created.uniqueId, total: page.meta.totalRecords }
}).pipe(Effect.provide(LeadsService.Default), Effect.provide(CrmTransport.layerFetchFromEnv()))

const result = await Effect.runPromise(program)
console.log("created and read back lead " + result.id + " (" + result.total + " listed)")
console.log("install check: ok")
`

/** A CommonJS consumer: `require` of the ESM-only packages, as the READMEs promise on Node.js >= 20.19. */
const cjsScript = `
const assert = require("node:assert/strict")
const { LeadsService } = require("@blocks-crm/pipeline")
const { CrmTransport } = require("@blocks-crm/core-http")
assert.equal(typeof LeadsService, "function")
assert.equal(typeof CrmTransport.layerFetchFromEnv, "function")
console.log("require: ok")
`

/** The settings every script reads from the environment this check gives it. */
const settingsJs = `const settings = {
  apiUrl: process.env.BLOCKS_API_URL,
  authToken: process.env.BLOCKS_AUTH_TOKEN,
  apiKey: process.env.BLOCKS_API_KEY,
  retry: { times: 0 }
}`

/** The umbrella, as the reference's "SDK Usage" sections use it: every domain by default. */
const sdkScript = `
import { create23BlocksClient, createCrmClient, CrmClient, domains } from "@blocks-crm/sdk"
import { RecordStatus } from "@blocks-crm/sdk/billing"
import * as Effect from "effect/Effect"
import assert from "node:assert/strict"

${settingsJs}
assert.equal(create23BlocksClient, createCrmClient)
assert.deepEqual(RecordStatus.literals, ["active", "inactive", "pending", "archived", "deleted"])
const client = createCrmClient(settings)
assert.deepEqual(domains.map((domain) => domain.name), ["pipeline", "accounts", "comms", "companies", "scheduling", "calendar", "billing"])
const deal = await client.crm.opportunities.create({ name: "Install check deal " + Date.now(), value: 5000 })
const page = await client.crm.opportunities.list()
assert.ok(page.data.some((opportunity) => opportunity.uniqueId === deal.uniqueId), "the created opportunity is listed")
const synced = await client.crm.calendarSync.syncTenant()
assert.equal(synced.message, "Global calendar sync initiated")
assert.equal(typeof synced.data.accountsCount, "number")
await client.close()

const leads = await Effect.runPromise(
  Effect.flatMap(CrmClient, (crm) => crm.leads.list()).pipe(Effect.provide(CrmClient.layer(settings)))
)
assert.ok(leads.meta.totalRecords >= 1)
console.log("sdk: client.crm.opportunities.list() listed " + page.meta.totalRecords + " (created " + deal.uniqueId + "); client.crm.calendarSync.syncTenant() " + synced.data.status + " over " + synced.data.accountsCount + " accounts; CrmClient listed " + leads.meta.totalRecords + " leads")
console.log("sdk check: ok")
`

/** A TypeScript consumer of the umbrella: the reference's types by name, checked by tsc in the fresh project. */
const sdkTypes = `
import { create23BlocksClient, createCrmClient, CrmClient } from "@blocks-crm/sdk"
import type {
  CalendarSyncResult,
  CreateOpportunityRequest,
  ListOpportunitiesParams,
  Opportunity,
  PageResult,
  UpdateOpportunityRequest
} from "@blocks-crm/sdk"
import type { RecordStatus } from "@blocks-crm/sdk"
import { RecordStatus as BillingStatus } from "@blocks-crm/sdk/billing"
import * as Effect from "effect/Effect"

export const run = async (settings: { apiUrl: string; authToken: string; apiKey: string }) => {
  const client = create23BlocksClient(settings)
  const params: ListOpportunitiesParams = { page: 1, records: 20 }
  const page: PageResult<Opportunity> = await client.crm.opportunities.list(params, { timeout: 5_000 })
  const request: CreateOpportunityRequest = { name: "Deal", value: 50_000 }
  const created: Opportunity = await client.crm.opportunities.create(request)
  const change: UpdateOpportunityRequest = { probability: 60 }
  await client.crm.opportunities.update(created.uniqueId, change)
  const synced: CalendarSyncResult = await client.crm.calendarSync.syncTenant()
  const user: CalendarSyncResult = await client.crm.calendarSync.syncUser("user-unique-id")
  // @ts-expect-error: a page is not an opportunity (so the types are not any)
  const wrong: Opportunity = page
  const status: RecordStatus = "active"
  const billingStatus: typeof BillingStatus.Type = status
  await client.close()
  return [page, synced, user, wrong, billingStatus, createCrmClient] as const
}

export const leads = Effect.gen(function*() {
  const crm = yield* CrmClient
  return yield* crm.leads.list({ records: 20 })
}).pipe(Effect.provide(CrmClient.layerFromEnv()))
`

/** The piecemeal install: the client over the two domains the project installed. */
const piecemealScript = `
import { createCrmClient, CrmClient } from "@blocks-crm/client"
import { accounts } from "@blocks-crm/accounts/domain"
import { accounts as accountsFromRoot } from "@blocks-crm/accounts"
import { pipeline } from "@blocks-crm/pipeline/domain"
import * as DefaultTransport from "@blocks-crm/core-http/DefaultTransport"
import * as Effect from "effect/Effect"
import assert from "node:assert/strict"

${settingsJs}
assert.equal(accounts, accountsFromRoot, "the root and ./domain export the same descriptor")
assert.equal(DefaultTransport.picked, "undici", "Node.js loads the node export condition: createCrmClient runs over undici")
assert.throws(() => createCrmClient({ ...settings, domains: [pipeline, pipeline] }), /both define "leads"/)
assert.throws(() => createCrmClient({ ...settings, domains: [pipeline], transport: "xhr" }), /transport - must be "undici" or "fetch"/)
const overFetch = createCrmClient({ ...settings, domains: [pipeline], transport: "fetch" })
assert.ok((await overFetch.crm.leads.list()).meta.totalRecords >= 0, "a client over the named fetch transport answers")
await overFetch.close()
const client = createCrmClient({ ...settings, domains: [pipeline, accounts] })
assert.deepEqual(
  Object.keys(client.crm).sort(),
  [...Object.keys(pipeline.services), ...Object.keys(accounts.services)].sort()
)
const stamp = Date.now()
const lead = await client.crm.leads.create({ name: "Piecemeal lead " + stamp, value: 1200 })
const leads = await client.crm.leads.list({ records: 100 })
assert.ok(leads.data.some((listed) => listed.uniqueId === lead.uniqueId), "the created lead is listed")
const account = await client.crm.accounts.create({ name: "Piecemeal account " + stamp })
const listedAccounts = await client.crm.accounts.list({ records: 100 })
assert.ok(listedAccounts.data.some((listed) => listed.uniqueId === account.uniqueId), "the created account is listed")
await client.close()

class SalesCrm extends CrmClient.Service()("install-check/SalesCrm", { domains: [pipeline, accounts] }) {}
const fetched = await Effect.runPromise(
  Effect.flatMap(SalesCrm, (crm) => crm.accounts.get(account.uniqueId)).pipe(Effect.provide(SalesCrm.layer(settings)))
)
assert.equal(fetched.name, account.name)
console.log("piecemeal: created and listed lead " + lead.uniqueId + " and account " + account.uniqueId + " through createCrmClient({ domains: [pipeline, accounts] })")
console.log("piecemeal check: ok")
`

/** The piecemeal install as a TypeScript project sees it. */
const piecemealTypes = `
import { createCrmClient, CrmClient } from "@blocks-crm/client"
import { accounts } from "@blocks-crm/accounts/domain"
import { pipeline } from "@blocks-crm/pipeline/domain"
import * as Effect from "effect/Effect"

export class SalesCrm extends CrmClient.Service<SalesCrm>()("acme/SalesCrm", { domains: [pipeline, accounts] }) {}

export const run = async (settings: { apiUrl: string; authToken: string; apiKey: string }) => {
  const client = createCrmClient({ ...settings, domains: [pipeline, accounts] })
  const lead = await client.crm.leads.create({ name: "Acme renewal" })
  const follow = await client.crm.leads.follows.create(lead.uniqueId, { title: "Call back" })
  const account = await client.crm.accounts.create({ name: "Acme Corp" })
  // @ts-expect-error: only pipeline and accounts were composed
  client.crm.meetings
  // @ts-expect-error: domains is required: the client knows no domain by itself
  createCrmClient(settings)
  await client.close()
  return [follow, account] as const
}

export const program = Effect.flatMap(SalesCrm, (crm) => crm.quotes.list()).pipe(Effect.provide(SalesCrm.layerFromEnv()))
`

/**
 * A team's own domain (`widgets`), written in the fresh project: its contract from core-http's helpers,
 * its handlers from the emulator's kit, served by `startEmulator()` beside the built-in domains and
 * called through the published client.
 */
const widgetsScript = `
import { createCrmClient } from "@blocks-crm/client"
import { ApiClient, Contract, Fields, JsonApi, Pagination } from "@blocks-crm/core-http"
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import { builtInDomains, Directory, EmulatorDomain, RecordStore, Resources, startEmulator } from "@blocks-crm/emulator"
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import { Effect, Schema } from "effect"
import assert from "node:assert/strict"

const Widget = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  name: Schema.String,
  ownerUniqueId: Fields.optionalRenamed(Schema.String, "owner_unique_id"),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.renamed(Fields.Timestamp, "updated_at")
})
const CreateWidgetRequest = Schema.Struct({ name: Schema.String, ownerUniqueId: Fields.optionalRenamed(Schema.String, "owner_unique_id") })
const WidgetResource = JsonApi.resource("widget", Widget, { id: (widget) => widget.uniqueId })
const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)
const WidgetsGroup = HttpApiGroup.make("widgets")
  .add(HttpApiEndpoint.get("list", "/widgets/").setUrlParams(Pagination.PageUrlParams).addSuccess(JsonApi.listDocument(WidgetResource)))
  .add(HttpApiEndpoint.get("get")\`/widgets/\${uniqueId}\`.addSuccess(JsonApi.document(WidgetResource)).addError(Contract.NotFoundResponse.wire))
  .add(
    HttpApiEndpoint.post("create", "/widgets/")
      .setPayload(JsonApi.wrapped("widget", CreateWidgetRequest))
      .addSuccess(JsonApi.document(WidgetResource), { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
const WidgetsApi = HttpApi.make("widgets").add(WidgetsGroup)

class WidgetsService extends Effect.Service()("acme/WidgetsService", {
  effect: Effect.map(ApiClient.group(WidgetsGroup), (endpoints) => ({
    list: (params) => endpoints.list({ urlParams: params }),
    get: (id) => endpoints.get({ path: { uniqueId: id } }),
    create: (request) => endpoints.create({ payload: request })
  }))
}) {}
const widgets = CrmDomain.make({ name: "widgets", api: WidgetsApi, services: { widgets: WidgetsService } })

const WidgetsHandlers = HttpApiBuilder.group(WidgetsApi, "widgets", (handlers) =>
  Effect.gen(function*() {
    const store = yield* RecordStore.RecordStore
    const records = Resources.resource(store.collection("widgets", Widget, { idOf: (w) => w.uniqueId }), "Widget")
    const { users } = yield* Directory.Directory
    return handlers
      .handle("list", ({ urlParams }) => records.page(urlParams))
      .handle("get", ({ path }) => records.find(path.uniqueId))
      .handle("create", ({ payload }) =>
        Effect.gen(function*() {
          if (payload.ownerUniqueId !== undefined) yield* users.find(payload.ownerUniqueId)
          return yield* records.insert({ ...payload, ...Resources.created() })
        }))
  }))

const emulator = await startEmulator({ domains: [...builtInDomains, EmulatorDomain.make("widgets", WidgetsApi, WidgetsHandlers)] })
const client = createCrmClient({ apiUrl: emulator.url, authToken: emulator.authToken, apiKey: emulator.apiKey, domains: [widgets] })
const widget = await client.crm.widgets.create({ name: "Sprocket" })
assert.equal(widget.name, "Sprocket")
assert.ok(widget.createdAt instanceof Date)
assert.equal((await client.crm.widgets.get(widget.uniqueId)).name, "Sprocket")
const missingOwner = await client.crm.widgets.create({ name: "Orphan", ownerUniqueId: "no-such-user" }).catch((error) => error)
assert.equal(missingOwner._tag, "NotFound", "the directory refuses an owner the tenant does not have")
assert.equal((await client.crm.widgets.list({ records: 10 })).meta.totalRecords, 1)
const leads = await fetch(emulator.url + "/leads/", { headers: { Authorization: "Bearer " + emulator.authToken, AppId: emulator.apiKey } })
assert.equal(leads.status, 200, "the built-in domains are served beside it")
await emulator.reset()
assert.equal((await client.crm.widgets.list({ records: 10 })).meta.totalRecords, 0, "reset empties the team's collection too")
await client.close()
await emulator.close()
console.log("widgets: created " + widget.uniqueId + " through createCrmClient({ domains: [widgets] }) on startEmulator({ domains: [...builtInDomains, widgets] })")
console.log("widgets check: ok")
`

/**
 * The React bindings on a server, as plain Node.js runs them (no window, no DOM): data prefetched
 * outside React and rendered with renderToString, then a Suspense query that the provider's client
 * fetches while renderToPipeableStream renders.
 */
const reactScript = `
import { createCrmClient } from "@blocks-crm/client"
import { pipeline } from "@blocks-crm/pipeline/domain"
import { CrmProvider, crmQueries, registerCrmClient } from "@blocks-crm/react"
import { QueryClient, QueryClientProvider, useSuspenseQuery } from "@tanstack/react-query"
import { createElement, Suspense } from "react"
import { renderToPipeableStream, renderToString } from "react-dom/server"
import assert from "node:assert/strict"
import { PassThrough } from "node:stream"

${settingsJs}
assert.equal(typeof globalThis.window, "undefined")
const client = createCrmClient({ ...settings, domains: [pipeline] })
const lead = await client.crm.leads.create({ name: "Rendered lead " + Date.now(), stage: "new" })
const Lead = ({ id }) => createElement("h1", null, useSuspenseQuery(crmQueries.leads.get(id)).data.name)
const app = (queryClient, children) =>
  createElement(QueryClientProvider, { client: queryClient }, createElement(CrmProvider, { client }, children))

const prefetched = new QueryClient()
registerCrmClient(prefetched, client)
await prefetched.prefetchQuery(crmQueries.leads.get(lead.uniqueId))
assert.equal(renderToString(app(prefetched, createElement(Lead, { id: lead.uniqueId }))), "<h1>" + lead.name + "</h1>")

const streamed = await new Promise((resolve, reject) => {
  const element = app(new QueryClient(), createElement(Suspense, { fallback: "…" }, createElement(Lead, { id: lead.uniqueId })))
  const stream = renderToPipeableStream(element, {
    onAllReady: () => {
      let html = ""
      const out = new PassThrough()
      out.on("data", (chunk) => (html += chunk))
      out.on("end", () => resolve(html))
      stream.pipe(out)
    },
    onShellError: reject
  })
})
assert.ok(streamed.includes("<h1>" + lead.name + "</h1>"), streamed)
const missing = await prefetched.fetchQuery(crmQueries.leads.get("no-such-lead")).catch((error) => error)
assert.equal(missing._tag, "NotFound")
await client.close()
console.log("react: rendered lead " + lead.uniqueId + " on the server (renderToString after prefetchQuery, renderToPipeableStream with Suspense)")
console.log("react check: ok")
`

/** A TSX component of a team's app, typed by the domains it registers, checked by tsc (strict). */
const reactTypes = `
import { createCrmClient } from "@blocks-crm/client"
import { pipeline } from "@blocks-crm/pipeline/domain"
import { CrmProvider, crmMutations, crmQueries, useCrmBlock } from "@blocks-crm/react"
import { QueryClient, QueryClientProvider, useInfiniteQuery, useMutation, useQuery, useSuspenseQuery } from "@tanstack/react-query"
import { Suspense } from "react"

const domains = [pipeline] as const

declare module "@blocks-crm/react" {
  interface Register {
    domains: typeof domains
  }
}

function Leads() {
  const { client } = useCrmBlock()
  const leads = useQuery(crmQueries.leads.list({ page: 1, sort: "-createdAt" }))
  const board = useInfiniteQuery(crmQueries.leads.pages({ records: 50 }))
  const create = useMutation(crmMutations.leads.create({ invalidates: ["opportunities"] }))
  // @ts-expect-error: scheduling is not a registered domain
  crmQueries.meetings.list()
  // @ts-expect-error: leads have no such stage
  create.mutate({ name: "Acme", stage: "won" })
  const total: number | undefined = board.data?.pages[0]?.meta.totalRecords
  return (
    <ul data-total={total} data-missing={leads.error?._tag === "NotFound"}>
      {leads.data?.data.map((lead) => <li key={lead.uniqueId}>{lead.name}</li>)}
      <button onClick={() => create.mutate({ name: "Acme", stage: "new" })}>Add</button>
      <button onClick={() => void client.crm.opportunities.list()}>Opportunities</button>
    </ul>
  )
}

function Opportunity({ id }: { readonly id: string }) {
  const { data } = useSuspenseQuery(crmQueries.opportunities.get(id))
  return <h1>{data.name}</h1>
}

export const App = (props: { readonly apiUrl: string; readonly authToken: string; readonly apiKey: string }) => (
  <QueryClientProvider client={new QueryClient()}>
    <CrmProvider settings={props} domains={domains}>
      <Leads />
      <Suspense fallback="…">
        <Opportunity id="o-1" />
      </Suspense>
    </CrmProvider>
    <CrmProvider client={createCrmClient({ ...props, domains })}>
      <Leads />
    </CrmProvider>
  </QueryClientProvider>
)
`

/** What tsc checks the TypeScript files with: a strict NodeNext project, without @types/node. */
const tsconfig = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    exactOptionalPropertyTypes: true,
    jsx: "react-jsx",
    noEmit: true,
    skipLibCheck: true,
    types: []
  },
  include: ["*.ts", "*.tsx"]
}

/** The subpaths that `publishConfig.exports["./*"]` publishes, from the built files it points at. */
const wildcardEntries = (dir: string, pkg: Record<string, any>): Array<string> => {
  const target = pkg["publishConfig"]?.["exports"]?.["./*"]?.["default"] as string | undefined
  if (target === undefined || !target.endsWith("*.js")) return []
  const folder = path.join(dir, path.dirname(target))
  if (!fs.existsSync(folder)) return []
  return fs.readdirSync(folder)
    .filter((file) => file.endsWith(".js") && file !== "index.js")
    .map((file) => `./${file.slice(0, -".js".length)}`)
}

const step = (message: string) => console.log(`\n▶ ${message}`)

const indent = (out: string) => out.split("\n").filter((l) => l !== "").map((l) => `  ${l}`).join("\n")

/** A new npm project in the work folder, outside the workspace, with `packages` installed by plain npm. */
const freshProject = (name: string, packages: ReadonlyArray<string>): string => {
  const project = path.join(work, name)
  fs.mkdirSync(project)
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: `blocks-crm-${name}`, version: "0.0.0", private: true, type: "module" }, null, 2)
  )
  // Optional dependencies are left out: the CLI's better-sqlite3 (its embedded emulator's database)
  // would download a prebuilt binary, which this machine cannot, or compile for minutes. The project
  // that installs the emulator pins better-sqlite3 from a local prebuild (`emulatorInstallPins`),
  // which the CLI's embedded emulator then uses.
  run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--omit=optional", ...packages], project)
  return project
}

/** Writes a script into the project, runs it with Node.js and prints its output; `success` must be in it. */
const runScript = (project: string, file: string, source: string, env: NodeJS.ProcessEnv, success: string) => {
  fs.writeFileSync(path.join(project, file), source)
  const out = execFileSync(process.execPath, [file], { cwd: project, encoding: "utf8", env, timeout: 60_000 })
  console.log(indent(out))
  if (!out.includes(success)) failures.push(`${file} did not report success ("${success}")`)
}

/**
 * Writes the files into the project and checks them with the workspace's tsc against what npm installed
 * there, in one program (one start of tsc, Effect's types read once).
 */
const typecheck = (
  project: string,
  files: Readonly<Record<string, string>>,
  resolution: "NodeNext" | "Bundler" = "NodeNext"
) => {
  const names = Object.keys(files)
  const config = resolution === "NodeNext" ? "tsconfig.json" : "tsconfig.bundler.json"
  const compilerOptions = resolution === "NodeNext" ?
    tsconfig.compilerOptions :
    { ...tsconfig.compilerOptions, module: "ESNext", moduleResolution: "Bundler" }
  fs.writeFileSync(path.join(project, config), JSON.stringify({ compilerOptions, include: names }, null, 2))
  for (const name of names) fs.writeFileSync(path.join(project, name), files[name]!)
  try {
    run(process.execPath, [path.join(repo, "node_modules/typescript/bin/tsc"), "-p", config], project)
    for (const name of names) console.log(`  tsc ${name}${resolution === "NodeNext" ? "" : ` (${resolution})`}: ok`)
  } catch (error) {
    console.log(indent((error as Error).message))
    failures.push(`tsc found errors in ${names.join(", ")} (see above)`)
  }
}

const run = (command: string, args: ReadonlyArray<string>, cwd: string): string => {
  console.log(`  $ ${command} ${args.join(" ")}${cwd === repo ? "" : `   (in ${cwd})`}`)
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: process.env })
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string }
    throw new Error(`${command} ${args.join(" ")} failed:\n${e.stdout ?? ""}${e.stderr ?? e.message}`)
  }
}

/**
 * The `crm` bin of `@blocks-crm/cli`, as npm linked it in `project`: `crm --help` fits a screen and
 * names the resources; `crm leads list --json` answers the emulator's leads as JSON; `npx
 * @blocks-crm/cli demo` runs the demo to its last report on the embedded emulator.
 */
const checkCli = (project: string, env: NodeJS.ProcessEnv) => {
  const crm = path.join(project, "node_modules", ".bin", "crm")
  const cli = (args: ReadonlyArray<string>) => {
    try {
      return execFileSync(crm, args, { cwd: project, encoding: "utf8", env, stdio: ["ignore", "pipe", "pipe"] })
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string }
      throw new Error(`crm ${args.join(" ")} failed:\n${e.stdout ?? ""}${e.stderr ?? e.message}`)
    }
  }
  const help = cli(["--help"]).trimEnd().split("\n")
  if (help.length > 60) failures.push(`crm --help printed ${help.length} lines (60 at most)`)
  if (!help.some((line) => /^ {2}leads +Leads/.test(line))) failures.push("crm --help does not list leads")
  const page = JSON.parse(cli(["leads", "list", "--json"])) as {
    readonly data: ReadonlyArray<{ readonly uniqueId: string }>
    readonly meta: { readonly totalRecords: number }
  }
  if (page.data.length === 0) failures.push("crm leads list --json listed no lead")
  console.log(
    `  crm --help: ${help.length} lines; crm leads list --json: ${page.data.length} of ${page.meta.totalRecords} leads`
  )
  // The demo as the README gives it, from the installed package (`--no`: never fetched from the
  // registry), on its embedded emulator: better-sqlite3 is the one the project installed from the
  // workspace's local prebuild (`emulatorInstallPins`), which satisfies the CLI's optional dependency.
  const started = performance.now()
  let demo: string
  try {
    demo = execFileSync("npx", ["--no", "@blocks-crm/cli", "demo", "--db", path.join(project, "demo.db")], {
      cwd: project,
      encoding: "utf8",
      env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 120_000
    })
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string }
    throw new Error(`npx @blocks-crm/cli demo failed:\n${e.stdout ?? ""}${e.stderr ?? e.message}`)
  }
  const reports = demo.split("\n").filter((line) => / report( \(demo run [^)]+\))?$/.test(line))
  if (!demo.includes("Pipeline report (demo run ")) failures.push("npx @blocks-crm/cli demo printed no pipeline report")
  if (!demo.includes("Companies report")) failures.push("npx @blocks-crm/cli demo did not reach its last chapter")
  console.log(
    `  npx @blocks-crm/cli demo: ${reports.length} reports in ${Math.round(performance.now() - started)} ms (${
      reports.join("; ")
    })`
  )
  console.log("  crm check: ok")
}

const failures: Array<string> = []
const work = fs.mkdtempSync(path.join(os.tmpdir(), "blocks-crm-install-check-"))
let emulator: ChildProcess | undefined

try {
  const tarballs = new Map<string, string>()
  if (packed !== undefined) {
    // 1-2. Packed already (built by prepack): pnpm names a tarball after the package's name and version.
    step(`the tarballs packed in ${packed}`)
    for (const { pkg } of publishable) {
      const name = pkg["name"] as string
      const file = path.join(packed, `${name.replace(/^@/, "").replace("/", "-")}-${pkg["version"]}.tgz`)
      if (!fs.existsSync(file)) throw new Error(`no tarball for ${name} in ${packed} (${path.basename(file)})`)
      tarballs.set(name, file)
      console.log(`  ${name} → ${path.basename(file)}`)
    }
  } else {
    // 1. Build to dist, as publishing would.
    step(`build ${publishable.map((p) => p.pkg["name"]).join(", ")}`)
    run("pnpm", ["-r", ...publishable.flatMap((p) => ["--filter", p.pkg["name"] as string]), "run", "build"], repo)

    // 2. Pack with pnpm: publishConfig applies and workspace: ranges become versions.
    step("pack")
    const packDir = path.join(work, "tarballs")
    fs.mkdirSync(packDir)
    for (const { dir, pkg } of publishable) {
      const out = run("pnpm", ["pack", "--pack-destination", packDir], dir)
      const file = out.trim().split("\n").reverse().find((line) => line.trim().endsWith(".tgz"))?.trim()
      if (file === undefined) throw new Error(`pnpm pack printed no tarball for ${pkg["name"]}:\n${out}`)
      tarballs.set(pkg["name"] as string, path.isAbsolute(file) ? file : path.join(packDir, path.basename(file)))
      console.log(`  ${pkg["name"]} → ${path.basename(file)}`)
    }
  }

  // 3. Lint what would be published.
  step("publint (on the packed tarballs)")
  for (const [name, tarball] of tarballs) {
    const bytes = fs.readFileSync(tarball)
    const { messages, pkg } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer },
      level: "suggestion",
      strict: true
    })
    if (messages.length === 0) console.log(`  ${name}: no issues`)
    for (const message of messages) {
      const line = `${name}: ${message.type}: ${formatMessage(message, pkg, { color: false }) ?? message.code}`
      console.log(`  ${line}`)
      if (message.type !== "suggestion") failures.push(`publint ${line}`)
    }
  }

  step("arethetypeswrong (on the packed tarballs; ESM-only packages, so the esm-only profile)")
  const attw = path.join(repo, "tools/install-check/node_modules/.bin/attw")
  for (const { dir, pkg } of publishable) {
    const name = pkg["name"] as string
    const tarball = tarballs.get(name)!
    // A package that is only a bin (the crm CLI) has no entry point whose types could resolve.
    if (pkg["exports"]?.["."] === undefined) {
      console.log(`    ${name}: no "." entry (a bin only), nothing for attw to resolve`)
      continue
    }
    // attw does not expand "./*": name every per-module entry the wildcard publishes.
    const entries = wildcardEntries(dir, pkg)
    try {
      const out = run(attw, [
        tarball,
        "--profile",
        "esm-only",
        "--format",
        "ascii",
        "--no-emoji",
        "--no-color",
        ...(entries.length > 0 ? ["--include-entrypoints", ...entries] : [])
      ], work)
      console.log(out.split("\n").map((l) => `    ${l}`).join("\n"))
    } catch (error) {
      console.log(String((error as Error).message).split("\n").map((l) => `    ${l}`).join("\n"))
      failures.push(`attw: ${name} has type resolution problems (see above)`)
    }
  }

  if (!lintOnly) {
    // 4. A fresh project outside the workspace, plain npm, no links.
    step("install the tarballs with npm into a fresh project")
    const project = freshProject("project", [
      ...tarballs.values(),
      ...peerPins(),
      ...reactPins(),
      ...emulatorInstallPins(work)
    ])
    for (const name of tarballs.keys()) {
      const installed = path.join(project, "node_modules", name)
      if (fs.lstatSync(installed).isSymbolicLink()) throw new Error(`${name} was linked, not installed`)
      if (fs.existsSync(path.join(installed, "src"))) throw new Error(`${name} shipped its src/ directory`)
    }

    // 5. An emulator for the scripts to talk to.
    step("start the installed emulator: npx blocks-crm-emulator --port 0 --memory --json")
    const started = await startEmulator(project)
    emulator = started.child
    console.log(`  ${started.line}`)
    const env = {
      ...process.env,
      BLOCKS_API_URL: started.url,
      BLOCKS_AUTH_TOKEN: seeds.token,
      BLOCKS_API_KEY: seeds.apiKey
    }

    // 6. Use the installed packages the way an application would.
    step("run an ESM script against the installed packages")
    runScript(project, "check.mjs", script, env, "install check: ok")

    // 7. ESM-only, yet usable from CommonJS: Node.js >= 20.19 loads ES modules with require().
    step("require the installed packages from a CommonJS script")
    runScript(project, "check.cjs", cjsScript, env, "require: ok")

    // 8. The umbrella: every domain by default, the reference's calls (its types: step 8a).
    step("use @blocks-crm/sdk: createCrmClient over every domain")
    runScript(project, "sdk.mjs", sdkScript, env, "sdk check: ok")

    // 8a. The React bindings: server rendering against the emulator, and a TSX component with tsc
    // (checked with the umbrella's TypeScript file, in one run of tsc).
    step("use @blocks-crm/react: server rendering against the emulator; tsc on sdk.ts and a TSX component")
    const reactStarted = performance.now()
    runScript(project, "react.mjs", reactScript, env, "react check: ok")
    console.log(`  react.mjs: ${Math.round(performance.now() - reactStarted)} ms`)
    const typesStarted = performance.now()
    typecheck(project, { "sdk.ts": sdkTypes, "react.tsx": reactTypes })
    console.log(`  tsc sdk.ts + react.tsx: ${Math.round(performance.now() - typesStarted)} ms`)
    // A Vite app's tsconfig resolves modules as a bundler does ("Bundler"), which picks other
    // conditions in TanStack Query's and React's manifests: the same component must check there too.
    typecheck(project, { "react.tsx": reactTypes }, "Bundler")

    // 8b. The emulator as a team uses it: health, CORS, and a domain of the team's own.
    step("use @blocks-crm/emulator: /health, CORS preflights, startEmulator() with a custom widgets domain")
    await checkEmulatorPackage(project, started.url, env)

    // 9. The crm CLI, installed with the rest: its help, a command against the emulator, the demo.
    step("run the installed crm: --help, leads list --json against the emulator, npx @blocks-crm/cli demo")
    checkCli(project, env)

    // 10. Piecemeal: a fresh project with only core-http, client, pipeline and accounts (and the peers
    // they need): on Node, createCrmClient runs over undici, core-http's own dependency.
    step("install only core-http, client, pipeline and accounts into another fresh project")
    const chosen = ["@blocks-crm/core-http", "@blocks-crm/client", "@blocks-crm/pipeline", "@blocks-crm/accounts"]
    const piecemeal = freshProject("piecemeal", [
      ...chosen.map((name) => tarballs.get(name)!),
      ...peerPins()
    ])
    const installed = fs.readdirSync(path.join(piecemeal, "node_modules/@blocks-crm")).map((dir) =>
      `@blocks-crm/${dir}`
    )
    console.log(`  node_modules/@blocks-crm: ${installed.join(", ")}`)
    const others = installed.filter((name) => !chosen.includes(name))
    if (others.length > 0) {
      failures.push(`the piecemeal install brought other @blocks-crm packages: ${others.join(", ")}`)
    }
    runScript(piecemeal, "piecemeal.mjs", piecemealScript, env, "piecemeal check: ok")
    typecheck(piecemeal, { "piecemeal.ts": piecemealTypes })
  }
} catch (error) {
  failures.push((error as Error).message)
} finally {
  if (emulator !== undefined) await stopGroup(emulator)
  if (keep) console.log(`\nkept ${work}`)
  else fs.rmSync(work, { recursive: true, force: true })
}

if (failures.length > 0) {
  console.error(`\ninstall check FAILED:\n${failures.map((f) => `  - ${f}`).join("\n")}`)
  process.exit(1)
}
console.log("\ninstall check passed")

/**
 * The emulator from the installed package, as a team runs it: `npx blocks-crm-emulator ... --json`,
 * whose stdout is exactly one JSON line once it listens.
 */
function startEmulator(project: string): Promise<{ url: string; line: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const args = ["blocks-crm-emulator", "--port", "0", "--memory", "--json"]
    console.log(`  $ npx ${args.join(" ")} --api-key ${seeds.apiKey} --token ${seeds.token}   (in ${project})`)
    // A process group of its own: npx runs the bin as its child, and stopping npx alone would leave
    // the emulator running (and this check waiting on its output).
    const child = spawn("npx", [...args, "--api-key", seeds.apiKey, "--token", seeds.token], {
      cwd: project,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true
    })
    let stdout = ""
    let stderr = ""
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`the emulator did not print its --json line within 60 s:\n${stdout}${stderr}`))
    }, 60_000)
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString()
      if (!stdout.includes("\n")) return
      clearTimeout(timer)
      const line = stdout.split("\n")[0]!
      try {
        const info = JSON.parse(line) as { url: string; authToken: string; apiKey: string; tenants: Array<unknown> }
        if (info.authToken !== seeds.token || info.apiKey !== seeds.apiKey || !Array.isArray(info.tenants)) {
          throw new Error(`unexpected credentials in ${line}`)
        }
        resolve({ url: info.url, line, child })
      } catch (error) {
        reject(new Error(`the --json line is not the emulator's JSON: ${line} (${(error as Error).message})`))
      }
    })
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.once("exit", (code) => {
      clearTimeout(timer)
      if (stdout.split("\n").filter((l) => l !== "").length > 1) {
        failures.push(`the emulator printed more than its --json line on stdout:\n${stdout}`)
      }
      reject(new Error(`the emulator exited (code ${code}) before listening:\n${stdout}${stderr}`))
    })
  })
}

/**
 * better-sqlite3 (under @effect/sql-sqlite-node) has no reachable prebuilt binary here and would compile
 * for a minute or more: the fresh project gets the workspace's own build as a local prebuild, at the
 * workspace's version. A user's npm downloads the prebuilt binary instead.
 */
function emulatorInstallPins(workDir: string): Array<string> {
  const source = path.join(repo, "packages/emulator/node_modules/@effect/sql-sqlite-node")
  const sqlite = path.dirname(fs.realpathSync(path.join(fs.realpathSync(source), "../../better-sqlite3/package.json")))
  const { version } = JSON.parse(fs.readFileSync(path.join(sqlite, "package.json"), "utf8")) as { version: string }
  const prebuilds = path.join(workDir, "prebuilds")
  fs.mkdirSync(prebuilds, { recursive: true })
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`
  run("tar", ["-czf", path.join(prebuilds, name), "-C", sqlite, "build/Release/better_sqlite3.node"], repo)
  process.env["npm_config_better_sqlite3_local_prebuilds"] = prebuilds
  return [`better-sqlite3@${version}`]
}

/** The installed emulator answers /health, CORS preflights as documented, and serves a team's own domain. */
async function checkEmulatorPackage(project: string, url: string, env: NodeJS.ProcessEnv): Promise<void> {
  const health = await fetch(`${url}/health`)
  console.log(`  GET /health → ${health.status} ${await health.text()}`)
  if (health.status !== 200) failures.push(`/health answered ${health.status}`)
  const preflight = (origin: string) =>
    fetch(`${url}/leads/`, {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, appid, content-type, idempotency-key, x-request-id"
      }
    })
  const allowed = await preflight("http://localhost:5173")
  const allowOrigin = allowed.headers.get("access-control-allow-origin")
  const allowHeaders = allowed.headers.get("access-control-allow-headers") ?? ""
  console.log(
    `  OPTIONS from http://localhost:5173 → ${allowed.status}, allow-origin ${allowOrigin}, allow-headers ${allowHeaders}`
  )
  if (allowed.status !== 204 || allowOrigin !== "http://localhost:5173" || !/Idempotency-Key/.test(allowHeaders)) {
    failures.push("a CORS preflight from a loopback page was not answered with its headers")
  }
  const refused = await preflight("https://elsewhere.example")
  const leaked: Array<string> = []
  refused.headers.forEach((_, name) => {
    if (name.startsWith("access-control-")) leaked.push(name)
  })
  console.log(
    `  OPTIONS from https://elsewhere.example → ${refused.status}, CORS headers: ${leaked.join(", ") || "none"}`
  )
  if (leaked.length > 0) failures.push(`a CORS preflight from another origin got ${leaked.join(", ")}`)
  runScript(project, "widgets.mjs", widgetsScript, env, "widgets check: ok")
}

/** SIGTERM to the child's process group (npx and the emulator it runs), SIGKILL after 5 s. */
function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve()
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, name)
      } catch {
        // the group is gone already
      }
    }
    const kill = setTimeout(() => signal("SIGKILL"), 5_000)
    child.once("exit", () => {
      clearTimeout(kill)
      resolve()
    })
    signal("SIGTERM")
  })
}
