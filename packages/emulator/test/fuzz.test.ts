/**
 * Every route the emulator serves, fuzzed with generated bad input: routes are read from each built-in
 * domain's HttpApi (so a new domain is fuzzed without touching this file), plus the emulator's own
 * routes. Requests mix valid and broken credentials, path ids, query parameters, content types and
 * bodies (payloads generated from the contract's schemas then broken, random JSON, JSON nested
 * thousands deep, oversized bodies, multipart without a boundary, bytes that are not UTF-8).
 *
 * Seeded and bounded: the same requests every run. The emulator must never answer 5xx or drop the
 * connection, every 4xx is a JSON:API error document, and the emulator still serves afterwards.
 */
import { Emulator } from "@blocks-crm/emulator"
import type * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiReflect from "@effect/platform/HttpApi"
import { expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as RawHttp from "./support/RawHttp.js"
import * as TestEmulator from "./support/TestEmulator.js"
import { API_KEY_A, API_KEY_B, connect, TOKEN } from "./support/TestEmulator.js"

const SEED = 20_261_130
/** Requests per route: about 400 in all for the pipeline domain. */
const PER_ROUTE = 10

interface Route {
  readonly method: string
  /** With `:name` path parameters. */
  readonly path: string
  readonly payload: Option.Option<Schema.Schema.Any>
  readonly urlParams: Option.Option<Schema.Schema.Any>
}

/** Every endpoint of every domain's contract. */
const contractRoutes = (api: HttpApi.HttpApi.Any): Array<Route> => {
  const routes: Array<Route> = []
  HttpApiReflect.reflect(api as any, {
    onGroup: () => {},
    onEndpoint: ({ endpoint }) => {
      routes.push({
        method: endpoint.method,
        path: endpoint.path,
        payload: endpoint.payloadSchema as unknown as Option.Option<Schema.Schema.Any>,
        urlParams: endpoint.urlParamsSchema as unknown as Option.Option<Schema.Schema.Any>
      })
    }
  })
  return routes
}

const FaultRequest = Schema.Struct({
  times: Schema.optional(Schema.Number),
  method: Schema.optional(Schema.String),
  path: Schema.optional(Schema.String),
  fault: Schema.String
})

const routes: ReadonlyArray<Route> = [
  ...Emulator.builtInDomains.flatMap((domain) => contractRoutes(domain.api)),
  { method: "GET", path: "/health", payload: Option.none(), urlParams: Option.none() },
  { method: "GET", path: "/openapi.json", payload: Option.none(), urlParams: Option.none() },
  { method: "POST", path: "/__emulator/faults", payload: Option.some(FaultRequest), urlParams: Option.none() },
  { method: "DELETE", path: "/__emulator/faults", payload: Option.none(), urlParams: Option.none() },
  { method: "PUT", path: "/__emulator/mandrill/stats", payload: Option.none(), urlParams: Option.none() },
  { method: "GET", path: "/no-such-route/:id", payload: Option.none(), urlParams: Option.none() }
]

/**
 * A value of a schema's wire side: the shape a client sends, with values the model may still refuse.
 * (The type side would be valid more often, but refinements without a generator, such as calendar
 * dates, make fast-check search without end.)
 */
const wireOf = (schema: Schema.Schema.Any): fc.Arbitrary<unknown> => Arbitrary.make(Schema.encodedSchema(schema))

/** Ids that exist (filled in before the fuzz starts) or that never will. */
const existingIds: Array<string> = []
const idArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.nat({ max: 20 }).map((i) => existingIds[i % Math.max(1, existingIds.length)] ?? "none") },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom("..", "%", "%00", "a/b", " ", "x".repeat(3_000), "' OR 1=1 --") }
)

const junkNumber = fc.constantFrom(
  "-1",
  "0",
  "abc",
  "1e309",
  "9007199254740993",
  "",
  "1.5",
  "NaN",
  "99999999999999999999",
  " 2"
)
const queryArbitrary = (route: Route): fc.Arbitrary<Record<string, string>> => {
  const junk = fc.dictionary(
    fc.constantFrom("page", "records", "search", "deleted", "sort", "page[number]"),
    fc.oneof(junkNumber, fc.string({ unit: "binary", maxLength: 30 })),
    { maxKeys: 3 }
  )
  const valid = Option.match(route.urlParams, {
    onNone: () => fc.constant({}),
    onSome: (schema) =>
      wireOf(schema).map((params) =>
        Object.fromEntries(Object.entries(params as object).map(([k, v]) => [k, String(v)]))
      )
  })
  return fc.oneof({ weight: 2, arbitrary: fc.constant({}) }, { weight: 2, arbitrary: valid }, {
    weight: 3,
    arbitrary: junk
  })
}

/** The ways a caller presents itself, from valid to hostile. */
const credentialsArbitrary: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ authorization: `Bearer ${TOKEN}`, appid: API_KEY_A }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom<Record<string, string>>(
      { authorization: `Bearer ${TOKEN}`, "x-api-key": API_KEY_B },
      { authorization: `Bearer ${TOKEN}`, appid: "", "x-api-key": API_KEY_A },
      { authorization: `Bearer ${TOKEN}`, appid: "pk_not_a_tenant", "x-api-key": API_KEY_A },
      { authorization: "Bearer ", appid: API_KEY_A },
      { authorization: "Basic dXNlcjpwYXNz", appid: API_KEY_A },
      {}
    )
  }
)

const contentTypeArbitrary = fc.oneof(
  { weight: 8, arbitrary: fc.constant<string | undefined>("application/json") },
  {
    weight: 3,
    arbitrary: fc.constantFrom<string | undefined>(
      undefined,
      "text/plain",
      "multipart/form-data",
      "multipart/form-data; boundary=----x",
      "application/x-www-form-urlencoded",
      "application/vnd.api+json",
      "application/json; charset=utf-16",
      "application/octet-stream",
      "*/*;;;"
    )
  }
)

const nested = (depth: number, open: string, close: string, inner = "1") =>
  open.repeat(depth) + inner + close.repeat(depth)

/** Bodies: the contract's payloads broken in every way, and bodies no parser should ever see. */
const bodyArbitrary = (route: Route): fc.Arbitrary<string | Uint8Array | undefined> => {
  const valid = Option.match(route.payload, { onNone: () => fc.jsonValue(), onSome: wireOf })
  const broken = fc.tuple(valid, fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })).map((
    [value, key, junk]
  ) =>
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, typeof v === "object" && v !== null ? { ...v, [key]: junk } : junk])
      )
      : junk
  )
  return fc.oneof(
    { weight: 5, arbitrary: valid.map((value) => JSON.stringify(value)) },
    { weight: 4, arbitrary: broken.map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.integer({ min: 65, max: 20_000 }), fc.constantFrom("[", "{\"a\":")).map(([depth, open]) =>
        open === "[" ? nested(depth, "[", "]") : `{"lead":${nested(depth, open, "}")}}`
      )
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom<string | Uint8Array>(
        "",
        "not json {",
        "null",
        "{\"lead\": ",
        "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--",
        new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0x22, 0xc3]),
        `{"lead":{"name":"${"x".repeat(1_100_000)}"}}`
      )
    }
  )
}

interface FuzzRequest {
  readonly method: string
  readonly path: string
  readonly headers: Record<string, string>
  readonly body: string | Uint8Array | undefined
}

const otherMethods = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")

const requestArbitrary = (route: Route): fc.Arbitrary<FuzzRequest> =>
  fc.record({
    method: fc.oneof({ weight: 6, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: otherMethods }),
    ids: fc.array(idArbitrary, { minLength: 2, maxLength: 2 }),
    query: queryArbitrary(route),
    credentials: credentialsArbitrary,
    contentType: contentTypeArbitrary,
    idempotencyKey: fc.oneof(
      { weight: 3, arbitrary: fc.constant<string | undefined>(undefined) },
      { weight: 1, arbitrary: fc.constantFrom("fuzz-key-1", "fuzz-key-2", "") }
    ),
    body: bodyArbitrary(route)
  }).map(({ body, contentType, credentials, idempotencyKey, ids, method, query }) => {
    let index = 0
    const path = route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(ids[index++ % ids.length]!))
    const search = new URLSearchParams(query).toString()
    const headers: Record<string, string> = { accept: "application/json", ...credentials }
    if (contentType !== undefined && body !== undefined) headers["content-type"] = contentType
    if (idempotencyKey !== undefined) headers["idempotency-key"] = idempotencyKey
    return { method, path: search === "" ? path : `${path}?${search}`, headers, body }
  })

/** Every request of the run, the same on every run. */
const fuzzRequests = (): Array<FuzzRequest> =>
  routes.flatMap((route, index) => fc.sample(requestArbitrary(route), { seed: SEED + index, numRuns: PER_ROUTE }))

layer(TestEmulator.layer(), { excludeTestServices: true })("fuzzing every route", (it) => {
  it.effect(
    "no 5xx, no dropped connection, a JSON:API error document on every 4xx, and the emulator still serves",
    () =>
      Effect.gen(function*() {
        const info = yield* Emulator.Emulator
        const crm = yield* connect()
        const lead = yield* crm.leads.create({ name: "Fuzz lead" })
        const follow = yield* crm.follows.create(lead.uniqueId, { title: "Fuzz follow-up" })
        const opportunity = yield* crm.opportunities.create({ name: "Fuzz opportunity" })
        const quote = yield* crm.quotes.create({ title: "Fuzz quote" })
        existingIds.push(lead.uniqueId, follow.uniqueId, opportunity.uniqueId, quote.uniqueId)

        const requests = fuzzRequests()
        const statuses = new Map<number, number>()
        const problems: Array<string> = []
        let unanswered = 0
        for (const request of requests) {
          const label = `${request.method} ${request.path.slice(0, 80)} [${
            request.headers["content-type"] ?? "no content type"
          }, ${request.body === undefined ? "no" : request.body.length} body]`
          const response = yield* Effect.promise(() =>
            RawHttp.send(info.url, request).then(
              (answer) => answer,
              (error: Error) => error
            )
          )
          if (response instanceof Error) {
            unanswered++
            problems.push(`${label}: no answer (${response.message})`)
            continue
          }
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
          if (response.status >= 500) problems.push(`${label}: ${response.status} ${response.text.slice(0, 200)}`)
          if (response.status >= 400 && response.status < 500) {
            const errors = (response.json as { errors?: unknown } | undefined)?.errors
            const document = String(response.headers["content-type"]).includes("application/json") &&
              Array.isArray(errors) &&
              errors.length > 0 &&
              errors.every((error: { status?: unknown; title?: unknown }) =>
                error.status === String(response.status) && typeof error.title === "string"
              )
            if (!document) {
              problems.push(`${label}: ${response.status} without an error document: ${response.text.slice(0, 200)}`)
            }
          }
        }
        const counts = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`)
          .join(" ")
        console.log(
          `fuzz: ${requests.length} requests over ${routes.length} routes (seed ${SEED}): ${counts}; ` +
            `unanswered ${unanswered}; problems ${problems.length}`
        )
        expect(problems).toEqual([])
        expect(requests.length).toBe(routes.length * PER_ROUTE)

        // Still serving, for every tenant, through the SDK.
        const created = yield* crm.leads.create({ name: "After the fuzz" })
        expect((yield* crm.leads.get(created.uniqueId)).name).toBe("After the fuzz")
        const tenantB = yield* connect({ apiKey: API_KEY_B })
        expect((yield* tenantB.opportunities.list()).meta.totalRecords).toBeGreaterThanOrEqual(0)
      }),
    120_000
  )
})
