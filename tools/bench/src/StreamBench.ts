/**
 * (c) Streaming: every lead of a seeded tenant through `LeadsService.stream({ records: 1000 })`
 * (the Effect face, and the Promise face's async iterable) against a raw page loop of fetch +
 * JSON.parse. The emulator runs as its own process on a temporary SQLite file seeded directly
 * (batched inserts in one transaction; see `seedLeads`).
 * Throughput is the median of five interleaved rounds; peak RSS growth is measured in fresh processes
 * per face (the median of three), beside two floors:
 * the raw loop's pages through Effect's Stream, and the SDK's pages without a Stream.
 */
import { PromiseFace } from "@blocks-crm/core-http"
import * as NodeTransport from "@blocks-crm/core-http/NodeTransport"
import { Credentials, Database } from "@blocks-crm/emulator"
import { LeadsService } from "@blocks-crm/pipeline"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Stream from "effect/Stream"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { credentials, rawHeaders, repoRoot, startEmulatorProcess } from "./EmulatorProcess.js"
import { makeLead, storedLead } from "./LeadFixtures.js"
import { maybeGc, median, round, roundOrder } from "./Measure.js"

export interface StreamVariantResult {
  readonly leadsPerSecond: number
  readonly seconds: number
  readonly peakRssGrowthMb: number
  readonly peakHeapGrowthMb: number
  /** Heap still used after a full GC at the end, over the start: what the stream kept. */
  readonly retainedHeapMb: number
}

export interface StreamResult {
  readonly leads: number
  readonly pageSize: number
  readonly rounds: number
  readonly seedSeconds: number
  readonly effect: StreamVariantResult
  readonly promise: StreamVariantResult
  readonly raw: StreamVariantResult
  readonly effectRatio: number
  readonly promiseRatio: number
  readonly targetRatio: number
  readonly targetRssMb: number
  /** Issue 17's goals: the Effect face's throughput ratio, and its peak RSS growth over the raw loop's. */
  readonly goalRatio: number
  readonly goalRssVsRaw: number
  readonly effectRssVsRaw: number
  /**
   * Floors of the memory figure, each in a fresh process: the raw loop's pages (no SDK code) through
   * Effect's Stream and `Stream.runForEach`, as the Effect face is consumed; and the SDK's decoded
   * pages (`leads.list`) in a plain loop, without a Stream.
   */
  readonly memoryFloors: { readonly effectOverRawPages: Memory; readonly sdkPagesWithoutStream: Memory }
  readonly prefetch: string
  /** The Effect face with `prefetch: 1` (the next page is fetched while the current one is consumed). */
  readonly prefetchLeadsPerSecond: number
  readonly prefetchRatio: number
}

/** Writes `total` leads for the benchmark tenant straight into the emulator's table. */
export const seedLeads = (file: string, total: number) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const tenantId = Credentials.tenantIdOf(credentials.apiKey)
    const batch = 1000
    yield* sql.withTransaction(
      Effect.forEach(
        Array.from({ length: Math.ceil(total / batch) }, (_, b) => b),
        (b) => {
          const rows = Array.from({ length: Math.min(batch, total - b * batch) }, (_, k) => {
            const i = b * batch + k
            const lead = makeLead(i)
            return {
              tenant_id: tenantId,
              collection: "leads",
              unique_id: lead.uniqueId,
              parent_id: null,
              data: storedLead(i),
              search_text: [lead.name, lead.source ?? "", lead.stage ?? ""].join(" ").toLowerCase()
            }
          })
          return sql`INSERT INTO records ${sql.insert(rows)}`
        },
        { discard: true }
      )
    )
  }).pipe(Effect.provide(Database.layer(file)))

/** Runs `consume` and reports how long it took. */
const timed = async (consume: () => Promise<number>, expected: number): Promise<number> => {
  maybeGc()
  const t0 = performance.now()
  const count = await consume()
  const seconds = (performance.now() - t0) / 1000
  if (count !== expected) throw new Error(`streamed ${count} leads, expected ${expected}`)
  return seconds
}

const execFileAsync = promisify(execFile)

/** Memory figures of one face, from a fresh process. */
export interface Memory {
  readonly peakRssGrowthMb: number
  readonly peakHeapGrowthMb: number
  readonly retainedHeapMb: number
}

/** Memory of a fresh process streaming every lead through `face` (see StreamMemory.ts). */
const memoryOf = async (face: string, url: string, expected: number): Promise<Memory> => {
  const script = fileURLToPath(new URL("./StreamMemory.ts", import.meta.url))
  const { stdout } = await execFileAsync(
    process.execPath,
    ["--expose-gc", "--conditions=@blocks-crm/source", "--import", "tsx", script, face, url, String(expected)],
    { cwd: repoRoot, timeout: 180_000, maxBuffer: 1024 * 1024 }
  )
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as Memory
}

export const runStream = async (
  options: { readonly quick: boolean; readonly leads?: number }
): Promise<StreamResult> => {
  const total = options.leads ?? (options.quick ? 20_000 : 100_000)
  const pageSize = 1000
  const rounds = options.quick ? 3 : 5
  const memoryRounds = options.quick ? 1 : 3
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blocks-crm-bench-"))
  const file = path.join(dir, "stream.db")
  try {
    const t0 = performance.now()
    await Effect.runPromise(seedLeads(file, total))
    const seedSeconds = (performance.now() - t0) / 1000
    const emulator = await startEmulatorProcess({ database: file })
    try {
      const runtime = ManagedRuntime.make(
        LeadsService.Default.pipe(
          Layer.provide(
            NodeTransport.layer({ apiUrl: emulator.url, authToken: credentials.token, apiKey: credentials.apiKey })
          )
        )
      )
      try {
        const leads = await runtime.runPromise(LeadsService)
        const promised = PromiseFace.promisify(leads, runtime)
        const variants: ReadonlyArray<
          { readonly name: "effect" | "prefetch" | "promise" | "raw"; readonly run: () => Promise<number> }
        > = [
          {
            name: "effect",
            run: () => {
              let n = 0
              return runtime.runPromise(
                Stream.runForEach(leads.stream({ records: pageSize }), () =>
                  Effect.sync(() => {
                    n++
                  }))
              ).then(() => n)
            }
          },
          {
            name: "prefetch",
            run: () => {
              let n = 0
              return runtime.runPromise(
                Stream.runForEach(leads.stream({ records: pageSize, prefetch: 1 }), () =>
                  Effect.sync(() => {
                    n++
                  }))
              ).then(() => n)
            }
          },
          {
            name: "promise",
            run: async () => {
              let n = 0
              for await (const _ of promised.stream({ records: pageSize })) n++
              return n
            }
          },
          {
            name: "raw",
            run: async () => {
              let n = 0
              for (let page = 1;; page++) {
                const response = await fetch(`${emulator.url}/leads/?page=${page}&records=${pageSize}`, {
                  headers: rawHeaders()
                })
                if (response.status !== 200) throw new Error(`raw page ${page} answered ${response.status}`)
                const body = (await response.json()) as { data: ReadonlyArray<unknown>; meta: { totalPages: number } }
                for (const _ of body.data) n++
                if (body.data.length === 0 || page >= body.meta.totalPages) break
              }
              return n
            }
          }
        ]
        const samples: Record<string, Array<number>> = { effect: [], prefetch: [], promise: [], raw: [] }
        // One untimed pass of every variant first, so no face pays for the JIT or a cold SQLite cache.
        for (const v of variants) await v.run()
        for (let r = 0; r < rounds; r++) {
          for (const v of roundOrder(variants, r)) samples[v.name]!.push(await timed(v.run, total))
        }
        // Memory in fresh processes: growth over a baseline is only meaningful on a heap of its own.
        // One process at a time, each alone with the emulator, as an application would run.
        const memory: Record<string, Memory> = {}
        // A single process's peak RSS moves by several MB from run to run (the raw loop's read 4.6
        // and 11.6 MB in two runs): each face runs in three processes, interleaved, and each figure
        // is the median of the three.
        const faces = ["effect", "promise", "raw", "effect-raw", "list"]
        const runs: Record<string, Array<Memory>> = Object.fromEntries(faces.map((face) => [face, []]))
        for (let r = 0; r < memoryRounds; r++) {
          for (const face of roundOrder(faces, r)) runs[face]!.push(await memoryOf(face, emulator.url, total))
        }
        for (const face of faces) {
          const of = (key: keyof Memory) => median(runs[face]!.map((m) => m[key]))
          memory[face] = {
            peakRssGrowthMb: of("peakRssGrowthMb"),
            peakHeapGrowthMb: of("peakHeapGrowthMb"),
            retainedHeapMb: of("retainedHeapMb")
          }
        }
        const summary = (name: string): StreamVariantResult => {
          const seconds = median(samples[name]!)
          return {
            leadsPerSecond: round(total / seconds, 0),
            seconds: round(seconds, 2),
            peakRssGrowthMb: memory[name]!.peakRssGrowthMb,
            peakHeapGrowthMb: memory[name]!.peakHeapGrowthMb,
            retainedHeapMb: memory[name]!.retainedHeapMb
          }
        }
        const effect = summary("effect")
        const promise = summary("promise")
        const raw = summary("raw")
        return {
          leads: total,
          pageSize,
          rounds,
          seedSeconds: round(seedSeconds, 1),
          effect,
          promise,
          raw,
          effectRatio: round(effect.leadsPerSecond / raw.leadsPerSecond),
          promiseRatio: round(promise.leadsPerSecond / raw.leadsPerSecond),
          targetRatio: 0.9,
          targetRssMb: 64,
          goalRatio: 0.95,
          goalRssVsRaw: 2,
          effectRssVsRaw: round(effect.peakRssGrowthMb / raw.peakRssGrowthMb),
          memoryFloors: { effectOverRawPages: memory["effect-raw"]!, sdkPagesWithoutStream: memory["list"]! },
          prefetch:
            "off by default (the stream stays lazy); `stream({ prefetch: 1 })` fetches the next page while the current one is consumed",
          prefetchLeadsPerSecond: round(total / median(samples["prefetch"]!), 0),
          prefetchRatio: round(median(samples["raw"]!) / median(samples["prefetch"]!))
        }
      } finally {
        await runtime.dispose()
      }
    } finally {
      await emulator.stop()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
