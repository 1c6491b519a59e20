/**
 * (b′) Request overhead of the client alone: `leads.get` through the Effect face and the Promise face
 * (on the Node transport, undici; and the Effect face on the fetch transport), and through the Promise
 * face exactly as a user creates it (`createCrmClient` from `@blocks-crm/sdk`, no transport named: the
 * package's export conditions pick it), against a raw `fetch` of the same URL with the same headers,
 * and beside undici's own `request` (the floor), against a fixed-response server in another process
 * (it returns one lead document, whatever the path). Sequential calls are interleaved request by
 * request; then each face runs rounds of `concurrency` calls in flight, interleaved round by round, and
 * its throughput is compared with raw fetch's and undici's.
 */
import { CrmTransport, PromiseFace } from "@blocks-crm/core-http"
import * as DefaultTransport from "@blocks-crm/core-http/DefaultTransport"
import * as NodeTransport from "@blocks-crm/core-http/NodeTransport"
import { Lead, LeadsService } from "@blocks-crm/pipeline"
import { createCrmClient } from "@blocks-crm/sdk"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Schema from "effect/Schema"
import { request as undiciRequest } from "undici"
import { credentials, rawGetJson, rawHeaders } from "./EmulatorProcess.js"
import { startFixedServer } from "./FixedServer.js"
import { makeLead } from "./LeadFixtures.js"
import { maybeGc, mean, median, now, percentile, round } from "./Measure.js"
import type { LatencySummary } from "./RequestBench.js"

export interface ConcurrentSummary {
  readonly requestsPerSecond: number
}

/** One row: its latency and throughput, and both against undici's `request` in the same run (the floor). */
export type FaceSummary = LatencySummary & {
  readonly concurrent: ConcurrentSummary
  /** Median sequential latency, × undici's `request`. */
  readonly undiciRatio: number
  /** Throughput at `concurrency` calls in flight, × undici's `request` (median of per-round ratios). */
  readonly undiciConcurrentRatio: number
}

export interface FixedRequestResult {
  readonly requests: number
  readonly warmup: number
  readonly concurrency: number
  readonly concurrentRounds: number
  readonly effect: FaceSummary
  readonly promise: FaceSummary
  /**
   * The Promise face as a user creates it: `createCrmClient` from `@blocks-crm/sdk`, no transport
   * named (`transport` says which one the export conditions picked). `ratio` is its median sequential
   * latency × raw fetch's, `concurrentRatio` its throughput at `concurrency` in flight × raw fetch's.
   */
  readonly userPromise: FaceSummary & {
    readonly transport: DefaultTransport.Name
    readonly ratio: number
    readonly concurrentRatio: number
    readonly target: { readonly sequential: number; readonly concurrent: number }
  }
  readonly effectFetch: FaceSummary
  readonly raw: FaceSummary
  /** undici's `request` + `body.json()`, same URL and headers: the floor every row is also compared with. */
  readonly undici: FaceSummary
  /** Median sequential latency, × raw fetch. */
  readonly effectRatio: number
  readonly promiseRatio: number
  /** Throughput at `concurrency` calls in flight, × raw fetch's (median of per-round ratios). */
  readonly concurrentRatio: number
  readonly promiseConcurrentRatio: number
  /** The Effect face over the fetch transport (`CrmTransport.layerFetch`), × raw fetch. */
  readonly fetchTransportRatio: number
  readonly fetchTransportConcurrentRatio: number
  /** undici's `request` (the floor), × raw fetch: median sequential latency and throughput. */
  readonly floorRatio: number
  readonly floorConcurrentRatio: number
  readonly target: { readonly sequential: number; readonly concurrent: number }
}

const summarize = (samplesNs: ReadonlyArray<number>): LatencySummary => ({
  medianUs: round(median(samplesNs) / 1000, 1),
  p99Us: round(percentile(samplesNs, 99) / 1000, 1),
  requestsPerSecond: round(1e9 / mean(samplesNs), 0)
})

const faceNames = ["effect", "promise", "userPromise", "effectFetch", "raw", "undici"] as const
type FaceName = typeof faceNames[number]

/** undici's own `request` on its global dispatcher, headers as the SDK sends them. */
const undiciGetJson = async (url: string): Promise<unknown> => {
  const response = await undiciRequest(url, { headers: rawHeaders() })
  if (response.statusCode !== 200) throw new Error(`undici GET answered ${response.statusCode}`)
  return response.body.json()
}

export const runRequestFixed = async (options: { readonly quick: boolean }): Promise<FixedRequestResult> => {
  const lead = makeLead(1)
  const id = lead.uniqueId
  const body = JSON.stringify({ data: { id, type: "lead", attributes: Schema.encodeSync(Lead)(lead) } })
  const server = await startFixedServer(body)
  try {
    const settings = { apiUrl: server.url, authToken: credentials.token, apiKey: credentials.apiKey }
    // The faces on Node's transport (undici); the fetch transport (browsers, edge) is measured beside them.
    const runtime = ManagedRuntime.make(LeadsService.Default.pipe(Layer.provide(NodeTransport.layer(settings))))
    const fetchRuntime = ManagedRuntime.make(
      LeadsService.Default.pipe(Layer.provide(CrmTransport.layerFetch(settings)))
    )
    // As a user writes it: every domain, the transport the package picks for this runtime.
    const user = createCrmClient(settings)
    try {
      const leads = await runtime.runPromise(LeadsService)
      const fetchLeads = await fetchRuntime.runPromise(LeadsService)
      const promised = PromiseFace.promisify(leads, runtime)
      const url = `${server.url}/leads/${id}`
      const variants: ReadonlyArray<{ readonly name: FaceName; readonly run: () => Promise<unknown> }> = [
        { name: "effect", run: () => runtime.runPromise(leads.get(id)) },
        { name: "promise", run: () => promised.get(id) },
        { name: "userPromise", run: () => user.crm.leads.get(id) },
        { name: "effectFetch", run: () => fetchRuntime.runPromise(fetchLeads.get(id)) },
        { name: "raw", run: () => rawGetJson(url) },
        { name: "undici", run: () => undiciGetJson(url) }
      ]
      for (const v of variants.slice(0, 4)) {
        if ((await v.run() as { uniqueId: string }).uniqueId !== id) {
          throw new Error(`leads.get (${v.name}) did not return the fixed lead`)
        }
      }

      const warmup = options.quick ? 200 : 500
      const requests = options.quick ? 500 : 2000
      const samples = Object.fromEntries(faceNames.map((name) => [name, [] as Array<number>])) as Record<
        FaceName,
        Array<number>
      >
      for (let i = 0; i < warmup; i++) for (const v of variants) await v.run()
      maybeGc()
      for (let i = 0; i < requests; i++) {
        for (let k = 0; k < variants.length; k++) {
          const v = variants[(i + k) % variants.length]!
          const start = now()
          await v.run()
          samples[v.name].push(now() - start)
        }
      }

      // Concurrent: `concurrency` workers each making `perWorker` calls back to back.
      const concurrency = 16
      const perWorker = options.quick ? 10 : 25
      const concurrentRounds = options.quick ? 8 : 24
      const roundNs = Object.fromEntries(faceNames.map((name) => [name, [] as Array<number>])) as Record<
        FaceName,
        Array<number>
      >
      const burst = async (run: () => Promise<unknown>) => {
        const start = now()
        await Promise.all(Array.from({ length: concurrency }, async () => {
          for (let i = 0; i < perWorker; i++) await run()
        }))
        return now() - start
      }
      for (const v of variants) await burst(v.run)
      for (let r = 0; r < concurrentRounds; r++) {
        for (let k = 0; k < variants.length; k++) {
          const v = variants[(r + k) % variants.length]!
          roundNs[v.name].push(await burst(v.run))
        }
      }
      const calls = concurrency * perWorker
      // Throughput ratio = the baseline's time for a round ÷ the face's time for the same round.
      const throughputRatio = (name: FaceName, baseline: FaceName = "raw") =>
        round(median(roundNs[name].map((ns, i) => roundNs[baseline][i]! / ns)))
      const latency = Object.fromEntries(faceNames.map((name) => [name, summarize(samples[name])])) as Record<
        FaceName,
        LatencySummary
      >
      const face = (name: FaceName): FaceSummary => ({
        ...latency[name],
        concurrent: { requestsPerSecond: round(calls / (median(roundNs[name]) / 1e9), 0) },
        undiciRatio: round(latency[name].medianUs / latency.undici.medianUs),
        undiciConcurrentRatio: throughputRatio(name, "undici")
      })
      const ratio = (name: FaceName) => round(latency[name].medianUs / latency.raw.medianUs)
      const target = { sequential: 1.0, concurrent: 1.0 }
      return {
        requests,
        warmup,
        concurrency,
        concurrentRounds,
        effect: face("effect"),
        promise: face("promise"),
        userPromise: {
          ...face("userPromise"),
          transport: DefaultTransport.picked,
          ratio: ratio("userPromise"),
          concurrentRatio: throughputRatio("userPromise"),
          target
        },
        effectFetch: face("effectFetch"),
        raw: face("raw"),
        undici: face("undici"),
        effectRatio: ratio("effect"),
        promiseRatio: ratio("promise"),
        concurrentRatio: throughputRatio("effect"),
        promiseConcurrentRatio: throughputRatio("promise"),
        fetchTransportRatio: ratio("effectFetch"),
        fetchTransportConcurrentRatio: throughputRatio("effectFetch"),
        floorRatio: ratio("undici"),
        floorConcurrentRatio: throughputRatio("undici"),
        target
      }
    } finally {
      await user.close()
      await runtime.dispose()
      await fetchRuntime.dispose()
    }
  } finally {
    await server.stop()
  }
}
