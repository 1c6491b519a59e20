/**
 * The stateful CRM API emulator: every domain's contract served over SQLite, with the reference's
 * auth, status codes and error bodies, idempotent POSTs, fault injection and an OpenAPI document.
 *
 * Run it as a process (`pnpm emulator`), or as a layer inside tests and apps:
 *
 *   const info = yield* Emulator.start({ database: ":memory:", port: 0 })
 *   // info.url, info.seeds.apiKeys[0], info.seeds.tokens[0]
 */
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiSwagger from "@effect/platform/HttpApiSwagger"
import * as HttpLayerRouter from "@effect/platform/HttpLayerRouter"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as OpenApi from "@effect/platform/OpenApi"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as NodeHttpPlatform from "@effect/platform-node/NodeHttpPlatform"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import * as Etag from "@effect/platform/Etag"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"
import * as Scope from "effect/Scope"
import { createServer } from "node:http"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Cors from "./Cors.js"
import * as Credentials from "./Credentials.js"
import * as Database from "./Database.js"
import * as Directory from "./Directory.js"
import * as CallerChecks from "./internal/CallerChecks.js"
import * as DomainRouter from "./internal/DomainRouter.js"
import * as Gates from "./internal/Gates.js"
import { PipelineDomain } from "./domains/pipeline/PipelineDomain.js"
import type { EmulatorDomain } from "./EmulatorDomain.js"
import * as ErrorDocuments from "./ErrorDocuments.js"
import * as Faults from "./Faults.js"
import * as Fixtures from "./Fixtures.js"
import * as Idempotency from "./Idempotency.js"
import * as RecordStore from "./RecordStore.js"
import * as RequestBody from "./RequestBody.js"
import * as Uploads from "./Uploads.js"
import { AccountsDomain } from "./domains/accounts/AccountsDomain.js"
import { CommsDomain } from "./domains/comms/CommsDomain.js"
import { CompaniesDomain } from "./domains/companies/CompaniesDomain.js"
import * as CompanyRecords from "./domains/companies/Records.js"
import { SchedulingDomain } from "./domains/scheduling/SchedulingDomain.js"
import * as ZoomWebhookSecrets from "./domains/scheduling/ZoomWebhookSecrets.js"
import { CalendarDomain } from "./domains/calendar/CalendarDomain.js"
import * as CalcomSecrets from "./domains/calendar/CalcomSecrets.js"
import { BillingDomain } from "./domains/billing/BillingDomain.js"

/** How to run the emulator; every option may be left out. */
export interface EmulatorOptions {
  /** 0 picks a free port (the default, for parallel tests). */
  readonly port?: number | undefined
  readonly host?: string | undefined
  /** A SQLite file, or `:memory:`. Default: `Database.defaultDatabasePath()`. */
  readonly database?: string | undefined
  /** API keys (one tenant each) and bearer tokens. Default: the local seeds. */
  readonly seeds?: Credentials.Seeds | undefined
  /** Enables `X-Emulator-Fault` and `/__emulator/faults`. Off by default. */
  readonly faults?: boolean | undefined
  /** The domains to serve. Default: every built-in domain. */
  readonly domains?: ReadonlyArray<EmulatorDomain> | undefined
  /** Log one line per request (never a header). */
  readonly logRequests?: boolean | undefined
  /** The largest request body accepted, in bytes (413 above it). Default: about 1 MB. */
  readonly maxBodyBytes?: number | undefined
  /** The deepest nesting of a JSON body accepted (400 beyond it). Default: 64. */
  readonly maxJsonDepth?: number | undefined
  /**
   * A span per request and per SQL statement, for an app that provides a tracer. Off by default: test
   * suites send many small requests, and spans no one reads are work on each of them.
   */
  readonly tracing?: boolean | undefined
  /** Presigned uploads: the signing secret (`Redacted`), how long a URL works, the largest upload. */
  readonly uploads?: Uploads.Options | undefined
  /**
   * The companies domain: each tenant's seeded company, the storage quota, how long exchanged and
   * impersonation tokens work, and the clock they expire by (a test moves it instead of sleeping).
   */
  readonly companies?: (CompanyRecords.Options & Credentials.Options) | undefined
  /**
   * The origins a browser page may call from (CORS): exact origins, `scheme://host:*` for any port, or
   * `*` (any origin, without credentials). Default: loopback pages (`Cors.defaultOrigins`); `[]` turns
   * CORS off.
   */
  readonly corsOrigins?: ReadonlyArray<string> | undefined
  /** Records to start with (a JSON file's path, or the fixtures themselves): see `Fixtures`. */
  readonly seed?: Fixtures.Source | undefined
  /** Zoom webhook secrets by API key (`Redacted`); default `EMULATOR_ZOOM_WEBHOOK_SECRET` for every tenant. */
  readonly zoomWebhookSecrets?: Readonly<Record<string, Redacted.Redacted<string>>> | undefined
  /** Cal.com webhook secrets by tenant (API key) and company; default `EMULATOR_CALCOM_WEBHOOK_SECRET` for every company. */
  readonly calcomWebhookSecrets?: ReadonlyArray<CalcomSecrets.CalcomSecret> | undefined
}

/** A running emulator: where it listens, its seeds and tenants, its domains, and `reset`. */
export interface EmulatorInfo {
  readonly url: string
  readonly port: number
  readonly database: string
  readonly seeds: Credentials.Seeds
  /** Each tenant: its API key and the id its records are stored under. */
  readonly tenants: ReadonlyArray<{ readonly apiKey: string; readonly tenantId: string }>
  readonly domains: ReadonlyArray<string>
  /**
   * Empties every tenant's data (records, fixtures included, uploads, idempotency keys, the credentials
   * the companies domain issued); the seeded keys and tokens keep working.
   */
  readonly reset: Effect.Effect<void>
}

/** The running emulator's info, provided by `layer`. */
export class Emulator extends Context.Tag("@blocks-crm/emulator/Emulator")<Emulator, EmulatorInfo>() {}

/** Every domain this emulator ships with. */
export const builtInDomains: ReadonlyArray<EmulatorDomain> = [
  PipelineDomain,
  AccountsDomain,
  CommsDomain,
  CompaniesDomain,
  SchedulingDomain,
  CalendarDomain,
  BillingDomain
]

/** One API made of every domain's contract, for the OpenAPI document and the docs page. */
export const documentedApi = (domains: ReadonlyArray<EmulatorDomain>) =>
  domains.reduce<HttpApi.HttpApi.Any>(
    (api, domain) => (api as any).addHttpApi(domain.api),
    HttpApi.make("crm").annotate(OpenApi.Title, "23blocks CRM Block API (emulator)") as HttpApi.HttpApi.Any
  )

/**
 * The OpenAPI document of the given domains. Every authenticated operation needs the bearer token AND
 * an API key (in `AppId` or `X-Api-Key`); the generator would list the schemes as alternatives.
 */
export const openApiDocument = (domains: ReadonlyArray<EmulatorDomain>): OpenApi.OpenAPISpec => {
  const spec = OpenApi.fromApi(documentedApi(domains) as any)
  for (const item of Object.values(spec.paths)) {
    for (
      const operation of Object.values(item as Record<string, { security?: Array<Record<string, Array<string>>> }>)
    ) {
      if (
        typeof operation === "object" && operation !== null && Array.isArray(operation.security) &&
        operation.security.length > 0
      ) {
        operation.security = [{ appId: [], bearer: [] }, { xApiKey: [], bearer: [] }]
      }
    }
  }
  return spec
}

/** Where clients reach the server: the address it listens on, loopback for the wildcard addresses. */
const urlOf = (hostname: string, port: number) => {
  const host = hostname === "0.0.0.0" || hostname === "" ? "127.0.0.1" : hostname === "::" ? "[::1]" : hostname
  return `http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${port}`
}

/**
 * The emulator as a layer: serves until the layer's scope closes.
 */
export const layer = (options: EmulatorOptions = {}): Layer.Layer<Emulator, unknown> => {
  const domains = options.domains ?? builtInDomains
  const seeds = options.seeds ?? Credentials.localSeeds
  const database = options.database ?? Database.defaultDatabasePath()

  const companyOptions = CompanyRecords.optionsLayer(options.companies)
  const records = Layer.mergeAll(
    RecordStore.layer,
    Directory.layer.pipe(Layer.provide(RecordStore.layer), Layer.provide(companyOptions))
  )
  const services = Layer.mergeAll(
    records,
    Credentials.layer(seeds, { tokenTtl: options.companies?.tokenTtl, clock: options.companies?.clock }),
    companyOptions,
    Faults.layer(options.faults ?? false),
    Idempotency.layer,
    RequestBody.layer({ maxBodyBytes: options.maxBodyBytes, maxJsonDepth: options.maxJsonDepth }),
    Uploads.layer(options.uploads),
    ZoomWebhookSecrets.layer(options.zoomWebhookSecrets),
    CalcomSecrets.layer(options.calcomWebhookSecrets).pipe(Layer.provide(records))
  ).pipe(Layer.provideMerge(Database.layer(database)))
  const auth = Layer.mergeAll(Credentials.apiKeyAuthLayer, Credentials.bearerAuthLayer)

  // The OpenAPI document and the docs page are built on their first request: deriving them from every
  // contract takes longer than the rest of the start (about 0.4 s of CPU), and most runs never ask.
  const docs = Layer.scopedDiscard(Effect.gen(function*() {
    const scope = yield* Effect.scope
    const router = yield* HttpLayerRouter.HttpRouter
    const spec = yield* Effect.cached(Effect.sync(() => HttpServerResponse.unsafeJson(openApiDocument(domains))))
    // A router of its own (a fresh memo map, or the build would reuse the emulator's router, built already).
    // Suspended: merging every contract into one API (documentedApi) is itself work of the first request.
    const swagger = yield* Effect.cached(
      Scope.extend(
        Effect.suspend(() =>
          HttpLayerRouter.toHttpEffect(
            HttpApiSwagger.layerHttpLayerRouter({ api: documentedApi(domains) as any, path: "/docs" })
          )
        ),
        scope
      ).pipe(Effect.provideServiceEffect(Layer.CurrentMemoMap, Layer.makeMemoMap))
    )
    yield* router.add("GET", "/openapi.json", spec)
    // The official SDK's health() calls it; no credentials, as a load balancer's probe sends none.
    yield* router.add("GET", "/health", Effect.succeed(HttpServerResponse.unsafeJson({ status: "ok" })))
    yield* router.add("GET", "/docs", Effect.flatten(swagger))
  }))
  const docsRoutes = ["/openapi.json", "/health", "/docs"].map((path) => ({ method: "GET", path }))

  // Each domain's routes are built on the first request that reaches the domain (see
  // internal/DomainRouter.ts), unless a domain made by hand does not say which routes it has.
  const lazy = domains.map((domain) => DomainRouter.lazyRoutesOf(domain.routes))
  const lazyDomains = lazy.every((routes) => routes !== undefined)
    ? lazy as ReadonlyArray<DomainRouter.LazyRoutes>
    : undefined
  const routes = Layer.mergeAll(
    docs,
    ...(lazyDomains === undefined
      ? domains.map((domain) => domain.routes)
      : lazyDomains.flatMap((domain) => domain.atStart === undefined ? [] : [domain.atStart]))
  )
  const router = Effect.flatMap(
    HttpLayerRouter.toHttpEffect(routes),
    (main) =>
      lazyDomains === undefined
        ? Effect.succeed(main)
        // Fixtures are loaded into the collections the handlers open, so with fixtures every domain is built now.
        : DomainRouter.make(lazyDomains, main, docsRoutes, {
          buildAll: options.seed !== undefined,
          // The routes of Resources.group's groups find the caller's tenant here (internal/CallerChecks.ts).
          routeServices: CallerChecks.addCallerApp
        })
  )

  const corsOrigins = options.corsOrigins ?? Cors.defaultOrigins
  const server = Layer.unwrapScoped(
    Effect.map(Effect.zip(router, Cors.matcher(corsOrigins)), ([router, allows]) => {
      // Outside in: presigned upload URLs (files, no credentials), refuse bodies by their headers, resolve
      // the caller once, faults, idempotency, refuse bodies nested too deep, then the platform's own
      // failures as error documents.
      // Without fault injection the faults step would only pass every request on, so it is left out.
      // The checks that pass nearly every request on run as one step (internal/Gates.ts).
      const browsers = Gates.around(
        [
          ...(corsOrigins.length === 0 ? [] : [Cors.middleware(corsOrigins, allows)]),
          Uploads.middleware,
          RequestBody.policy,
          Credentials.middleware,
          ...(options.faults === true ? [Faults.middleware] : []),
          Idempotency.middleware,
          RequestBody.nesting
        ],
        ErrorDocuments.middleware(router)
      )
      return HttpServer.serve(options.logRequests === true ? HttpMiddleware.logger(browsers) : browsers)
    })
  ).pipe(Layer.provide(auth))

  // Built after the server, so every handler has opened its collections before fixtures load (with
  // fixtures, the server builds every domain's routes at start).
  const info = Layer.effect(
    Emulator,
    Effect.gen(function*() {
      const address = (yield* HttpServer.HttpServer).address
      const port = address._tag === "TcpAddress" ? address.port : 0
      const context = yield* Effect.context<RecordStore.RecordStore | SqlClient.SqlClient>()
      const sql = Context.get(context, SqlClient.SqlClient)
      const names = domains.map((domain) => domain.name)
      const load = options.seed === undefined
        ? Effect.void
        : Effect.provide(Fixtures.load(options.seed, { domains: names, seeds }), context)
      yield* load
      const run = Database.runner(sql)
      const empty = sql.withTransaction(
        Effect.forEach(Database.tenantTables, (table) => run(`DELETE FROM ${table}`, []), { discard: true })
      )
      return {
        url: urlOf(address._tag === "TcpAddress" ? address.hostname : "127.0.0.1", port),
        port,
        database,
        seeds,
        tenants: seeds.apiKeys.map((apiKey) => ({ apiKey, tenantId: Credentials.tenantIdOf(apiKey) })),
        domains: names,
        reset: Effect.orDie(empty)
      }
    })
  )

  // Requests are served by fibers forked from the server's, so its fiber refs switch tracing off for each.
  const served = options.tracing === true
    ? server
    : HttpMiddleware.withTracerDisabledWhen(Layer.locally(server, FiberRef.currentTracerEnabled, false), () => true)

  return info.pipe(
    Layer.provide(served),
    Layer.provide(services),
    // The platform's server context without NodeContext's command executor, terminal (which opens stdin)
    // and worker manager: the emulator uses none of them, and building them was part of every start.
    Layer.provide(
      Layer.mergeAll(
        NodeHttpServer.layerServer(() => createServer(), {
          port: options.port ?? 0,
          host: options.host ?? "127.0.0.1"
        }),
        NodeHttpPlatform.layer,
        Etag.layerWeak,
        NodeFileSystem.layer,
        NodePath.layer
      )
    )
  ) as Layer.Layer<Emulator, unknown>
}

/** Starts the emulator in the current scope and returns where it listens. */
export const start = (options: EmulatorOptions = {}): Effect.Effect<EmulatorInfo, unknown, Scope.Scope> =>
  Effect.flatMap(Layer.build(layer(options)), (context) => Effect.succeed(Context.get(context, Emulator)))
