/**
 * Child process of the streaming benchmark: streams every lead once through one face (`effect`,
 * `promise`, `raw`, or a floor: `effect-raw`, the raw loop's pages through Effect's Stream; `list`,
 * the SDK's pages in a loop without a Stream) and prints the peak RSS growth over this fresh
 * process's baseline as JSON.
 * Usage: StreamMemory.ts <face> <emulatorUrl> <expectedLeads>
 */
import { PromiseFace } from "@blocks-crm/core-http"
import * as NodeTransport from "@blocks-crm/core-http/NodeTransport"
import { LeadsService } from "@blocks-crm/pipeline"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { credentials, rawHeaders } from "./EmulatorProcess.js"
import { maybeGc } from "./Measure.js"

const [face, url, expectedText] = process.argv.slice(2)
const expected = Number(expectedText)
const pageSize = 1000

const runtime = ManagedRuntime.make(
  LeadsService.Default.pipe(
    Layer.provide(NodeTransport.layer({ apiUrl: url!, authToken: credentials.token, apiKey: credentials.apiKey }))
  )
)
const leads = await runtime.runPromise(LeadsService)
// Warm the connection and the code paths on one small page, then measure from a collected heap.
await runtime.runPromise(leads.list({ records: 1 }))
await fetch(`${url}/leads/?page=1&records=1`, { headers: rawHeaders() }).then((r) => r.arrayBuffer())
maybeGc()
const baseline = process.memoryUsage()
let peak = baseline.rss
let peakHeap = baseline.heapUsed
const sample = () => {
  const { rss, heapUsed } = process.memoryUsage()
  if (rss > peak) peak = rss
  if (heapUsed > peakHeap) peakHeap = heapUsed
}
const timer = setInterval(sample, 5)
let n = 0
if (face === "effect") {
  await runtime.runPromise(Stream.runForEach(leads.stream({ records: pageSize }), () =>
    Effect.sync(() => {
      if (++n % pageSize === 0) sample()
    })))
} else if (face === "list") {
  for (let page = 1;; page++) {
    const result = await runtime.runPromise(leads.list({ page, records: pageSize }))
    n += result.data.length
    sample()
    if (result.data.length === 0 || page >= result.meta.totalPages) break
  }
} else if (face === "effect-raw") {
  // The floor of the Effect face: the raw loop's pages (fetch + JSON.parse, no SDK code) as an Effect
  // stream, consumed as the Effect face is, one Effect per element.
  const pages = Stream.paginateChunkEffect(1, (page) =>
    Effect.promise(async () => {
      const response = await fetch(`${url}/leads/?page=${page}&records=${pageSize}`, { headers: rawHeaders() })
      const body = (await response.json()) as { data: ReadonlyArray<unknown>; meta: { totalPages: number } }
      const last = body.data.length === 0 || page >= body.meta.totalPages
      return [Chunk.unsafeFromArray(body.data), last ? Option.none() : Option.some(page + 1)] as const
    }))
  await Effect.runPromise(Stream.runForEach(pages, () =>
    Effect.sync(() => {
      if (++n % pageSize === 0) sample()
    })))
} else if (face === "promise") {
  for await (const _ of PromiseFace.promisify(leads, runtime).stream({ records: pageSize })) {
    if (++n % pageSize === 0) sample()
  }
} else {
  for (let page = 1;; page++) {
    const response = await fetch(`${url}/leads/?page=${page}&records=${pageSize}`, { headers: rawHeaders() })
    const body = (await response.json()) as { data: ReadonlyArray<unknown>; meta: { totalPages: number } }
    for (const _ of body.data) n++
    sample()
    if (body.data.length === 0 || page >= body.meta.totalPages) break
  }
}
clearInterval(timer)
sample()
maybeGc()
const retained = process.memoryUsage().heapUsed - baseline.heapUsed
await runtime.dispose()
if (n !== expected) throw new Error(`streamed ${n} leads, expected ${expected}`)
const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10
process.stdout.write(
  JSON.stringify({
    face,
    leads: n,
    peakRssGrowthMb: mb(peak - baseline.rss),
    peakHeapGrowthMb: mb(peakHeap - baseline.heapUsed),
    retainedHeapMb: mb(retained)
  }) + "\n"
)
