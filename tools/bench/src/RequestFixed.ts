/**
 * (b′) Request overhead of the client alone: `leads.get` through the Effect face and the Promise face
 * (on the Node transport, undici; and the Effect face on the fetch transport)
 * against a raw `fetch` of the same URL with the same headers, against a fixed-response server in
 * another process (it returns one lead document, whatever the path). Sequential calls are interleaved
 * request by request; then each face runs rounds of `concurrency` calls in flight, interleaved round by
 * round, and its throughput is compared with raw fetch's.
 */
import { CrmTransport, PromiseFace } from "@blocks-crm/core-http"
import * as NodeTransport from "@blocks-crm/core-http/NodeTransport"
import { Lead, LeadsService } from "@blocks-crm/pipeline"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Schema from "effect/Schema"
import { credentials, rawGetJson } from "./EmulatorProcess.js"
import { startFixedServer } from "./FixedServer.js"
import { makeLead } from "./LeadFixtures.js"
import { maybeGc, median, now, round } from "./Measure.js"
import type { LatencySummary } from "./RequestBench.js"
import { mean, percentile } from "./Measure.js"

export interface ConcurrentSummary {
  readonly requestsPerSecond: number
}

export interface FixedRequestResult {
  readonly requests: number
  readonly warmup: number
  readonly concurrency: number
  readonly concurrentRounds: number
  readonly effect: LatencySummary & { readonly concurrent: ConcurrentSummary }
  readonly promise: LatencySummary & { readonly concurrent: ConcurrentSummary }
  readonly effectFetch: LatencySummary & { readonly concurrent: ConcurrentSummary }
  readonly raw: LatencySummary & { readonly concurrent: ConcurrentSummary }
  /** Median sequential latency, × raw fetch. */
  readonly effectRatio: number
  readonly promiseRatio: number
  /** Throughput at `concurrency` calls in flight, × raw fetch's (median of per-round ratios). */
  readonly concurrentRatio: number
  readonly promiseConcurrentRatio: number
  /** The Effect face over the fetch transport (`CrmTransport.layerFetch`), × raw fetch. */
  readonly fetchTransportRatio: number
  readonly fetchTransportConcurrentRatio: number
  readonly target: { readonly sequential: number; readonly concurrent: number }
}

const summarize = (samplesNs: ReadonlyArray<number>): LatencySummary => ({
  medianUs: round(median(samplesNs) / 1000, 1),
  p99Us: round(percentile(samplesNs, 99) / 1000, 1),
  requestsPerSecond: round(1e9 / mean(samplesNs), 0)
})

type FaceName = "effect" | "promise" | "effectFetch" | "raw"

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
    try {
      const leads = await runtime.runPromise(LeadsService)
      const fetchLeads = await fetchRuntime.runPromise(LeadsService)
      const promised = PromiseFace.promisify(leads, runtime)
      const url = `${server.url}/leads/${id}`
      const variants: ReadonlyArray<{ readonly name: FaceName; readonly run: () => Promise<unknown> }> = [
        { name: "effect", run: () => runtime.runPromise(leads.get(id)) },
        { name: "promise", run: () => promised.get(id) },
        { name: "effectFetch", run: () => fetchRuntime.runPromise(fetchLeads.get(id)) },
        { name: "raw", run: () => rawGetJson(url) }
      ]
      const [viaEffect, viaPromise] = await Promise.all([variants[0]!.run(), variants[1]!.run()])
      if ((viaEffect as { uniqueId: string }).uniqueId !== id || (viaPromise as { uniqueId: string }).uniqueId !== id) {
        throw new Error("leads.get did not return the fixed lead")
      }

      const warmup = options.quick ? 200 : 500
      const requests = options.quick ? 500 : 2000
      const samples: Record<FaceName, Array<number>> = { effect: [], promise: [], effectFetch: [], raw: [] }
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
      const roundNs: Record<FaceName, Array<number>> = { effect: [], promise: [], effectFetch: [], raw: [] }
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
      const throughput = (name: FaceName): ConcurrentSummary => ({
        requestsPerSecond: round(calls / (median(roundNs[name]) / 1e9), 0)
      })
      // Throughput ratio = raw's time for a round ÷ the face's time for the same round.
      const throughputRatio = (name: FaceName) => round(median(roundNs[name].map((ns, i) => roundNs.raw[i]! / ns)))

      const effect = summarize(samples.effect)
      const promise = summarize(samples.promise)
      const effectFetch = summarize(samples.effectFetch)
      const raw = summarize(samples.raw)
      return {
        requests,
        warmup,
        concurrency,
        concurrentRounds,
        effect: { ...effect, concurrent: throughput("effect") },
        promise: { ...promise, concurrent: throughput("promise") },
        effectFetch: { ...effectFetch, concurrent: throughput("effectFetch") },
        raw: { ...raw, concurrent: throughput("raw") },
        effectRatio: round(effect.medianUs / raw.medianUs),
        promiseRatio: round(promise.medianUs / raw.medianUs),
        concurrentRatio: throughputRatio("effect"),
        promiseConcurrentRatio: throughputRatio("promise"),
        fetchTransportRatio: round(effectFetch.medianUs / raw.medianUs),
        fetchTransportConcurrentRatio: throughputRatio("effectFetch"),
        target: { sequential: 1.0, concurrent: 1.0 }
      }
    } finally {
      await runtime.dispose()
      await fetchRuntime.dispose()
    }
  } finally {
    await server.stop()
  }
}
