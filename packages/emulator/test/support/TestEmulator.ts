/**
 * The emulator as the test files use it: started in-process on a free loopback port over `:memory:`
 * SQLite, with two API keys (two tenants) and one bearer token, fault injection on. Clients are the
 * real SDK: the pipeline services' `Default` layers on `CrmTransport` over fetch, with small retry
 * delays. Every request a client sends is recorded, so tests can count attempts honestly.
 */
import { CrmConfig, CrmTransport } from "@blocks-crm/core-http"
import type { CrmError } from "@blocks-crm/core-http"
import { Emulator } from "@blocks-crm/emulator"
import {
  LeadFollowsService,
  LeadsService,
  OpportunitiesService,
  QuotesService,
  ReferralsService,
  TouchesService,
  PipelineServicesLive
} from "@blocks-crm/pipeline"
import type { PipelineServices } from "@blocks-crm/pipeline"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import { expect } from "@effect/vitest"
import type * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"

/** Distinctive credentials: tenant A, tenant B, and the one bearer token both use. */
export const API_KEY_A = "pk_test_tenant_a_7f3c"
export const API_KEY_B = "pk_test_tenant_b_91d2"
export const TOKEN = "tok_test_bearer_5e8a"

export const seeds = { apiKeys: [API_KEY_A, API_KEY_B], tokens: [TOKEN] } as const

/** Emulator options for tests: free port, throwaway database, both tenants, faults enabled. */
export const options = (overrides: Partial<Emulator.EmulatorOptions> = {}): Emulator.EmulatorOptions => ({
  port: 0,
  database: ":memory:",
  seeds: { apiKeys: [...seeds.apiKeys], tokens: [...seeds.tokens] },
  faults: true,
  ...overrides
})

/**
 * The emulator for one test file: `layer(TestEmulator.layer(), { excludeTestServices: true })` (the
 * real clock, since retries and timeouts really wait).
 */
export const layer = (overrides: Partial<Emulator.EmulatorOptions> = {}): Layer.Layer<Emulator.Emulator, unknown> =>
  Emulator.layer(options(overrides))

/** The emulator in the current scope (stopped when the scope closes). */
export const start = (
  overrides: Partial<Emulator.EmulatorOptions> = {}
): Effect.Effect<Emulator.EmulatorInfo, unknown, Scope.Scope> => Emulator.start(options(overrides))

/** One request as the client handed it to fetch (one per attempt). */
export interface SentRequest {
  readonly method: string
  /** Path without the base URL, e.g. `/leads/`. */
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  readonly idempotencyKey: string | undefined
}

/** Transport options for the emulator: tenant A, retries about 5 ms apart, 5 s per attempt. */
export const transportOptions = (
  info: Emulator.EmulatorInfo,
  overrides: Partial<CrmConfig.CrmOptions> = {}
): CrmConfig.CrmOptions => ({
  apiUrl: info.url,
  authToken: TOKEN,
  apiKey: API_KEY_A,
  timeout: Duration.seconds(5),
  ...overrides,
  retry: { baseDelay: Duration.millis(5), ...overrides.retry }
})

/** The platform's fetch client, recording every request it is given into `sent`. */
export const recordingFetch = (sent: Array<SentRequest>): Layer.Layer<HttpClient.HttpClient> =>
  Layer.effect(
    HttpClient.HttpClient,
    Effect.map(HttpClient.HttpClient, (client) =>
      HttpClient.tapRequest(client, (request) =>
        Effect.sync(() => {
          sent.push({
            method: request.method,
            path: new URL(request.url).pathname,
            query: Object.fromEntries(request.urlParams as unknown as Array<[string, string]>),
            idempotencyKey: request.headers["idempotency-key"]
          })
        })))
  ).pipe(Layer.provide(FetchHttpClient.layer))

/**
 * `CrmTransport.layerFetch(options)` with the fetch client recording into `sent`: the same
 * composition (`CrmTransport.layer` over `CrmConfig.layer` and fetch).
 */
export const transportLayer = (
  options: CrmConfig.CrmOptions,
  sent: Array<SentRequest>
): Layer.Layer<CrmTransport.CrmTransport, CrmError.ConfigurationError> =>
  CrmTransport.layer.pipe(Layer.provide([CrmConfig.layer(options), recordingFetch(sent)]))

/** The pipeline services and their transport, for one tenant. */
export const clientLayer = (
  info: Emulator.EmulatorInfo,
  overrides: Partial<CrmConfig.CrmOptions> = {},
  sent: Array<SentRequest> = []
): Layer.Layer<PipelineServices | CrmTransport.CrmTransport, CrmError.ConfigurationError> =>
  PipelineServicesLive.pipe(Layer.provideMerge(transportLayer(transportOptions(info, overrides), sent)))

/** A connected client: every service, plus the requests it has sent so far. */
export interface Client {
  readonly info: Emulator.EmulatorInfo
  readonly leads: LeadsService
  readonly follows: LeadFollowsService
  readonly opportunities: OpportunitiesService
  readonly quotes: QuotesService
  readonly referrals: ReferralsService
  readonly touches: TouchesService
  /** The transport under the services, for requests the services would refuse to send. */
  readonly transport: Context.Tag.Service<typeof CrmTransport.CrmTransport>
  readonly sent: Array<SentRequest>
}

/** What a client call can fail with. */
export type ClientError = CrmError.CrmError

/**
 * A client of the file's emulator (tenant A unless `apiKey` says otherwise). The services are plain
 * values holding the transport, so two clients (two tenants) can be used side by side.
 */
export const connect = (
  overrides: Partial<CrmConfig.CrmOptions> = {}
): Effect.Effect<Client, CrmError.ConfigurationError, Emulator.Emulator> =>
  Effect.gen(function*() {
    const info = yield* Emulator.Emulator
    const sent: Array<SentRequest> = []
    const services = yield* Effect.all({
      leads: LeadsService,
      follows: LeadFollowsService,
      opportunities: OpportunitiesService,
      quotes: QuotesService,
      referrals: ReferralsService,
      touches: TouchesService,
      transport: CrmTransport.CrmTransport
    }).pipe(Effect.provide(clientLayer(info, overrides, sent)))
    return { info, sent, ...services }
  })

/** A raw HTTP answer. */
export interface RawResponse<A = unknown> {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  /** The body parsed as JSON (`undefined` when empty or not JSON). */
  readonly json: A
}

export interface RawOptions {
  readonly body?: unknown
  /** `null` leaves the header out. Default: tenant A's key in `AppId` and the token. */
  readonly apiKey?: string | null | undefined
  readonly apiKeyHeader?: "AppId" | "X-Api-Key" | undefined
  readonly token?: string | null | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/** One request with `fetch`, no SDK in between. */
export const raw = <A = any>(
  method: string,
  path: string,
  options: RawOptions = {}
): Effect.Effect<RawResponse<A>, never, Emulator.Emulator> =>
  Effect.flatMap(Emulator.Emulator, (info) =>
    Effect.promise(async () => {
      const headers: Record<string, string> = { accept: "application/json", ...options.headers }
      const token = options.token === undefined ? TOKEN : options.token
      const apiKey = options.apiKey === undefined ? API_KEY_A : options.apiKey
      if (token !== null) headers["authorization"] = `Bearer ${token}`
      if (apiKey !== null) headers[options.apiKeyHeader ?? "AppId"] = apiKey
      if (options.body !== undefined) headers["content-type"] ??= "application/json"
      const response = await fetch(`${info.url}${path}`, {
        method,
        headers,
        ...(options.body === undefined
          ? {}
          : { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) })
      })
      const text = await response.text()
      let json: unknown = undefined
      try {
        json = text === "" ? undefined : JSON.parse(text)
      } catch {
        json = undefined
      }
      return { status: response.status, headers: response.headers, text, json: json as A }
    }))

/** Queues a fault for tenant A's next matching requests (`POST /__emulator/faults`). */
export const queueFault = (fault: {
  readonly times?: number
  readonly method?: string
  readonly path?: string
  readonly fault: string
}): Effect.Effect<void, never, Emulator.Emulator> =>
  Effect.flatMap(
    raw("POST", "/__emulator/faults", { body: fault }),
    (response) => Effect.sync(() => expect(response.status).toBe(204))
  )

/** Clears tenant A's fault queue. */
export const clearFaults: Effect.Effect<void, never, Emulator.Emulator> = Effect.flatMap(
  raw("DELETE", "/__emulator/faults"),
  (response) => Effect.sync(() => expect(response.status).toBe(204))
)

/** Asserts the tag of an error and narrows it. */
export const expectTag = <E extends { readonly _tag: string }, const T extends E["_tag"]>(
  error: E,
  tag: T
): Extract<E, { readonly _tag: T }> => {
  expect(error._tag, `expected ${tag}, got ${error._tag}: ${String((error as { message?: unknown }).message)}`).toBe(
    tag
  )
  return error as Extract<E, { readonly _tag: T }>
}

/** A UUID as the emulator makes them. */
export const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** JSON:API shapes for raw responses. */
export interface WireResource {
  readonly id: string
  readonly type: string
  readonly attributes: Record<string, unknown>
  readonly relationships?: Record<string, { readonly data: { readonly id: string; readonly type: string } | null }>
}
export interface WireDocument {
  readonly data: WireResource
}
export interface WireList {
  readonly data: ReadonlyArray<WireResource>
  readonly meta: Record<string, number>
}
export interface WireError {
  readonly status: string
  readonly code: string
  readonly title: string
  readonly detail: string
  readonly source?: { readonly pointer?: string; readonly parameter?: string }
}
export interface WireErrors {
  readonly errors: ReadonlyArray<WireError>
}
