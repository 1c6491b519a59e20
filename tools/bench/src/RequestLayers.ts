/**
 * Where a request's client-side cost goes: the CPU time this process spends per `leads.get`-shaped
 * request at each layer of the stack, against a trivial HTTP server in another process (so the
 * server's work is not counted). Layers are interleaved request by request; medians are reported.
 */
import { CrmConfig, CrmTransport } from "@blocks-crm/core-http"
import { LeadsService } from "@blocks-crm/pipeline"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { startFixedServer } from "./FixedServer.js"
import { makeLead } from "./LeadFixtures.js"
import { median, round } from "./Measure.js"
import { Lead } from "@blocks-crm/pipeline"
import * as Schema from "effect/Schema"

export interface LayerCost {
  readonly layer: string
  readonly cpuUsPerRequest: number
  readonly overRawUs: number
}

export const runRequestLayers = async (options: { readonly quick: boolean }): Promise<ReadonlyArray<LayerCost>> => {
  const lead = makeLead(1)
  const body = JSON.stringify({ data: { id: lead.uniqueId, type: "lead", attributes: Schema.encodeSync(Lead)(lead) } })
  const server = await startFixedServer(body)
  const url = server.url
  try {
    const runtime = ManagedRuntime.make(
      LeadsService.Default.pipe(
        Layer.provideMerge(CrmTransport.layer),
        Layer.provideMerge(CrmConfig.layer({ apiUrl: url, authToken: "token", apiKey: "key" })),
        Layer.provideMerge(FetchHttpClient.layer)
      )
    )
    try {
      const leads = await runtime.runPromise(LeadsService)
      const transport = await runtime.runPromise(CrmTransport.CrmTransport)
      const http = await runtime.runPromise(HttpClient.HttpClient)
      const path = `/leads/${lead.uniqueId}`
      const layers: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
        ["raw fetch + json()", async () => {
          const response = await fetch(url + path, {
            headers: {
              accept: "application/json",
              authorization: "Bearer token",
              appid: "key",
              "x-request-id": crypto.randomUUID()
            }
          })
          return response.json()
        }],
        [
          "+ Effect FetchHttpClient (span, abort signal) + json",
          () => runtime.runPromise(Effect.flatMap(http.execute(HttpClientRequest.get(url + path)), (r) => r.json))
        ],
        [
          "+ CrmTransport (headers, ids, timeout, retry policy, errors, buffering)",
          () => runtime.runPromise(Effect.flatMap(transport.client.execute(HttpClientRequest.get(path)), (r) => r.json))
        ],
        [
          "+ derived client and decode: LeadsService.get (full stack)",
          () => runtime.runPromise(leads.get(lead.uniqueId))
        ]
      ]
      const warmup = options.quick ? 100 : 300
      const rounds = options.quick ? 300 : 1000
      for (let i = 0; i < warmup; i++) for (const [, run] of layers) await run()
      const cpu: Array<Array<number>> = layers.map(() => [])
      for (let i = 0; i < rounds; i++) {
        for (let k = 0; k < layers.length; k++) {
          const index = (i + k) % layers.length
          const start = process.cpuUsage()
          await layers[index]![1]()
          const used = process.cpuUsage(start)
          cpu[index]!.push(used.user + used.system)
        }
      }
      const raw = median(cpu[0]!)
      return layers.map(([layer], i) => ({
        layer,
        cpuUsPerRequest: round(median(cpu[i]!), 0),
        overRawUs: round(median(cpu[i]!) - raw, 0)
      }))
    } finally {
      await runtime.dispose()
    }
  } finally {
    await server.stop()
  }
}
