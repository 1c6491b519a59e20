/**
 * `RecordCache` against the emulator in its own process: 16 concurrent `leads.get`s of one id, each in
 * its own fiber as 16 Promise calls would be, counting the HTTP requests the transport sends (goal 1;
 * 16 without the cache); and a cached `get` against a network `get` of the same lead, interleaved call
 * by call, both through the Effect face on the same fetch transport (the ratio: cached ÷ network).
 */
import { CrmConfig, CrmTransport, RecordCache } from "@blocks-crm/core-http"
import { LeadsService } from "@blocks-crm/pipeline"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { createLead, credentials, startEmulatorProcess } from "./EmulatorProcess.js"
import { maybeGc, median, now, round } from "./Measure.js"
import { table } from "./Report.js"

export interface CacheResult {
  readonly concurrentGets: {
    readonly gets: number
    /** HTTP requests sent for them with the cache (goal 1). */
    readonly requests: number
    /** The same without the cache. */
    readonly requestsWithoutCache: number
    readonly goal: 1
  }
  readonly calls: number
  readonly cachedMedianUs: number
  readonly networkMedianUs: number
  /** A cached `get`'s median time ÷ a network `get`'s, same run. */
  readonly cachedRatio: number
}

/** Leads over the fetch transport, counting the requests it hands to fetch; with a cache or without. */
const leadsRuntime = (url: string, cache: RecordCache.RecordCacheOptions | undefined) => {
  const counter = { sent: 0 }
  const counting = Layer.effect(
    HttpClient.HttpClient,
    Effect.map(
      HttpClient.HttpClient,
      (client) => HttpClient.tapRequest(client, () => Effect.sync(() => counter.sent++))
    )
  ).pipe(Layer.provide(FetchHttpClient.layer))
  const transport = CrmTransport.layer.pipe(
    Layer.provide([
      CrmConfig.layer({ apiUrl: url, authToken: credentials.token, apiKey: credentials.apiKey }),
      counting
    ])
  )
  const runtime = ManagedRuntime.make(
    LeadsService.Default.pipe(
      Layer.provide(cache === undefined ? transport : Layer.merge(transport, RecordCache.layer(cache)))
    )
  )
  return { runtime, counter }
}

export const runCache = async (options: { readonly quick: boolean }): Promise<CacheResult> => {
  const info = await startEmulatorProcess({})
  const cached = leadsRuntime(info.url, { ttl: "10 minutes", capacity: 1000 })
  const network = leadsRuntime(info.url, undefined)
  try {
    const id = await createLead(info.url)
    const getVia = (r: typeof cached) => () => r.runtime.runPromise(Effect.flatMap(LeadsService, (l) => l.get(id)))
    const sixteen = async (r: typeof cached) => {
      const before = r.counter.sent
      const leads = await Promise.all(Array.from({ length: 16 }, getVia(r)))
      if (leads.some((lead) => lead.uniqueId !== id)) throw new Error("leads.get did not return the seeded lead")
      return r.counter.sent - before
    }
    const requests = await sixteen(cached)
    const requestsWithoutCache = await sixteen(network)

    const calls = options.quick ? 300 : 2000
    const warmup = options.quick ? 100 : 300
    const variants = [
      { name: "cached", run: getVia(cached) },
      { name: "network", run: getVia(network) }
    ] as const
    for (let i = 0; i < warmup; i++) for (const v of variants) await v.run()
    maybeGc()
    const samples: Record<string, Array<number>> = { cached: [], network: [] }
    for (let i = 0; i < calls; i++) {
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(i + k) % variants.length]!
        const start = now()
        await v.run()
        samples[v.name]!.push(now() - start)
      }
    }
    const cachedMedianUs = round(median(samples["cached"]!) / 1000, 1)
    const networkMedianUs = round(median(samples["network"]!) / 1000, 1)
    return {
      concurrentGets: { gets: 16, requests, requestsWithoutCache, goal: 1 },
      calls,
      cachedMedianUs,
      networkMedianUs,
      cachedRatio: round(cachedMedianUs / networkMedianUs, 3)
    }
  } finally {
    await cached.runtime.dispose()
    await network.runtime.dispose()
    await info.stop()
  }
}

export const cacheSection = (r: CacheResult): string =>
  [
    "### Record cache (`RecordCache`, emulator in its own process, Effect face on fetch)",
    "",
    table(["measure", "value", "goal"], [
      [
        "16 concurrent `get`s of one id: HTTP requests sent",
        `${r.concurrentGets.requests} (${r.concurrentGets.requestsWithoutCache} without the cache)`,
        `${r.concurrentGets.goal} (${r.concurrentGets.requests <= r.concurrentGets.goal ? "met" : "missed"})`
      ],
      [
        `a cached \`get\` ÷ a network \`get\`, median of ${r.calls} each`,
        `${r.cachedRatio} (${r.cachedMedianUs} µs ÷ ${r.networkMedianUs} µs)`,
        "none"
      ]
    ])
  ].join("\n")
