/**
 * (b) Request overhead: `leads.get` through the whole client (the Effect face on a ManagedRuntime, and
 * the Promise face, both on NodeTransport) against a raw `fetch` of the same URL with the same headers,
 * one request at a time, interleaved request by request, against one emulator process on loopback (so the server's work
 * does not run on the measuring thread and dilute the ratio); undici's own `request` beside them is the floor.
 */
import { PromiseFace } from "@blocks-crm/core-http"
import * as NodeTransport from "@blocks-crm/core-http/NodeTransport"
import { LeadsService } from "@blocks-crm/pipeline"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { request as undiciRequest } from "undici"
import { createLead, credentials, rawGetJson, rawHeaders, startEmulatorProcess } from "./EmulatorProcess.js"
import { maybeGc, mean, median, now, percentile, round } from "./Measure.js"

export interface LatencySummary {
  readonly medianUs: number
  readonly p99Us: number
  readonly requestsPerSecond: number
}

export interface RequestResult {
  readonly requests: number
  readonly warmup: number
  readonly effect: LatencySummary
  readonly promise: LatencySummary
  readonly raw: LatencySummary
  /** undici's `request` + `body.json()`, same URL and headers: the floor. */
  readonly undici: LatencySummary
  readonly effectRatio: number
  readonly promiseRatio: number
  readonly effectP99Ratio: number
  readonly promiseP99Ratio: number
  /** Each row's median latency × undici's `request` (the floor), same run. */
  readonly undiciRatio: { readonly effect: number; readonly promise: number; readonly raw: number }
  readonly target: number
}

const summarize = (samplesNs: ReadonlyArray<number>): LatencySummary => ({
  medianUs: round(median(samplesNs) / 1000, 1),
  p99Us: round(percentile(samplesNs, 99) / 1000, 1),
  requestsPerSecond: round(1e9 / mean(samplesNs), 0)
})

export const runRequest = async (options: { readonly quick: boolean }): Promise<RequestResult> => {
  const info = await startEmulatorProcess({})
  try {
    const id = await createLead(info.url)
    const runtime = ManagedRuntime.make(
      LeadsService.Default.pipe(
        Layer.provide(
          NodeTransport.layer({ apiUrl: info.url, authToken: credentials.token, apiKey: credentials.apiKey })
        )
      )
    )
    try {
      const leads = await runtime.runPromise(LeadsService)
      const promised = PromiseFace.promisify(leads, runtime)
      const url = `${info.url}/leads/${id}`

      const variants: ReadonlyArray<
        { readonly name: "effect" | "promise" | "raw" | "undici"; readonly run: () => Promise<unknown> }
      > = [
        { name: "effect", run: () => runtime.runPromise(leads.get(id)) },
        { name: "promise", run: () => promised.get(id) },
        { name: "raw", run: () => rawGetJson(url) },
        {
          name: "undici",
          run: async () => {
            const response = await undiciRequest(url, { headers: rawHeaders() })
            if (response.statusCode !== 200) throw new Error(`undici GET answered ${response.statusCode}`)
            return response.body.json()
          }
        }
      ]
      // Same answer from every face before timing anything.
      const [viaEffect, viaPromise] = await Promise.all([variants[0]!.run(), variants[1]!.run()])
      if ((viaEffect as { uniqueId: string }).uniqueId !== id || (viaPromise as { uniqueId: string }).uniqueId !== id) {
        throw new Error("leads.get did not return the seeded lead")
      }

      const warmup = options.quick ? 150 : 400
      const requests = options.quick ? 500 : 2500
      const samples: Record<string, Array<number>> = { effect: [], promise: [], raw: [], undici: [] }
      for (let i = 0; i < warmup; i++) for (const v of variants) await v.run()
      maybeGc()
      for (let i = 0; i < requests; i++) {
        // Rotate which face goes first, so none always follows the same one.
        for (let k = 0; k < variants.length; k++) {
          const v = variants[(i + k) % variants.length]!
          const start = now()
          await v.run()
          samples[v.name]!.push(now() - start)
        }
      }
      const effect = summarize(samples["effect"]!)
      const promise = summarize(samples["promise"]!)
      const raw = summarize(samples["raw"]!)
      const undici = summarize(samples["undici"]!)
      return {
        requests,
        warmup,
        effect,
        promise,
        raw,
        undici,
        effectRatio: round(effect.medianUs / raw.medianUs),
        promiseRatio: round(promise.medianUs / raw.medianUs),
        effectP99Ratio: round(effect.p99Us / raw.p99Us),
        promiseP99Ratio: round(promise.p99Us / raw.p99Us),
        undiciRatio: {
          effect: round(effect.medianUs / undici.medianUs),
          promise: round(promise.medianUs / undici.medianUs),
          raw: round(raw.medianUs / undici.medianUs)
        },
        target: 1.05
      }
    } finally {
      await runtime.dispose()
    }
  } finally {
    await info.stop()
  }
}
