/**
 * Markdown tables for the benchmark results.
 */
import type { CliStartResult } from "./CliStart.js"
import type { DecodeResult } from "./DecodeBench.js"
import type { LoadRun } from "./EmulatorLoad.js"
import type { RequestResult } from "./RequestBench.js"
import type { FixedRequestResult } from "./RequestFixed.js"
import type { LayerCost } from "./RequestLayers.js"
import type { Memory, StreamResult } from "./StreamBench.js"

export interface Machine {
  readonly cpus: number
  readonly cpuModel: string
  readonly node: string
  readonly platform: string
  readonly arch: string
  readonly totalMemoryGb: number
  readonly loadAverage: ReadonlyArray<number>
}
import type { EmulatorStartResult } from "./EmulatorStart.js"

export const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number>>): string =>
  [
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`)
  ].join("\n")

const meets = (ok: boolean) => (ok ? "met" : "missed")
const x = (ratio: number) => `${ratio.toFixed(2)}×`

export const machineLine = (m: Machine, date: string, quick: boolean) =>
  `${m.cpus} × ${m.cpuModel} · Node ${m.node} · ${m.platform}/${m.arch} · ${m.totalMemoryGb} GB · load ${
    m.loadAverage.map((l) => l.toFixed(2)).join(" ")
  } · ${date}${quick ? " · --quick" : ""}`

export const decodeSection = (d: DecodeResult) =>
  [
    `### Decode: ${d.records}-record leads page, bytes → domain objects (${
      Math.round(d.bytes / 1024)
    } KiB, ${d.rounds} interleaved rounds × ${d.iterationsPerRound})`,
    "",
    table(["path", "ns/record", "ratio to baseline", "target"], [
      [
        "client: UTF-8 + JSON.parse + leads.list success schema (full validation)",
        d.clientNsPerRecord,
        x(d.ratio),
        `≤ ${d.target}× (${meets(d.ratio <= d.target)}), goal ${d.goal}×`
      ],
      ["baseline: UTF-8 + JSON.parse + hand mapper (no validation)", d.baselineNsPerRecord, "1.00×", ""]
    ]),
    "",
    `Median of per-round ratios: ${
      x(d.ratioMedianOfRounds)
    }. Each path keeps the page it decoded last until its next turn, as an application does.`,
    "",
    `With nothing kept between turns (two full GCs drop the object shapes optimized code was specialised on, so each turn starts deoptimized): ` +
    `client ${d.nothingKept.clientNsPerRecord}, baseline ${d.nothingKept.baselineNsPerRecord} ns/record, ${
      x(d.nothingKept.ratio)
    }.`,
    "",
    `Each step alone, ns/record: UTF-8 decode ${d.steps.utf8}, JSON.parse ${d.steps.jsonParse} (both paths), ` +
    `hand mapper ${d.steps.handMapper} (baseline) vs the success schema with full validation ${d.steps.successSchema} (client).`
  ].join("\n")

export const requestSection = (r: RequestResult) =>
  [
    `### Request overhead: leads.get, one at a time, ${r.requests} per face interleaved (emulator process, loopback)`,
    "",
    table(["face", "median µs", "p99 µs", "req/s", "median ratio", "p99 ratio", "target", "median × undici request"], [
      [
        "Effect (ManagedRuntime + LeadsService)",
        r.effect.medianUs,
        r.effect.p99Us,
        r.effect.requestsPerSecond,
        x(r.effectRatio),
        x(r.effectP99Ratio),
        `≤ ${r.target}× (${meets(r.effectRatio <= r.target)})`,
        x(r.undiciRatio.effect)
      ],
      [
        "Promise (PromiseFace.promisify)",
        r.promise.medianUs,
        r.promise.p99Us,
        r.promise.requestsPerSecond,
        x(r.promiseRatio),
        x(r.promiseP99Ratio),
        `≤ ${r.target}× (${meets(r.promiseRatio <= r.target)})`,
        x(r.undiciRatio.promise)
      ],
      [
        "raw fetch + json()",
        r.raw.medianUs,
        r.raw.p99Us,
        r.raw.requestsPerSecond,
        "1.00×",
        "1.00×",
        "",
        x(r.undiciRatio.raw)
      ],
      [
        "floor: undici request + body.json()",
        r.undici.medianUs,
        r.undici.p99Us,
        r.undici.requestsPerSecond,
        x(r.undici.medianUs / r.raw.medianUs),
        x(r.undici.p99Us / r.raw.p99Us),
        "",
        "1.00×"
      ]
    ])
  ].join("\n")

/** A memory-only row of the streaming table: a floor has no throughput of its own. */
const memoryFloorRow = (
  label: string,
  m: Memory
) => [label, "", "", "", m.peakRssGrowthMb, m.peakHeapGrowthMb, m.retainedHeapMb, ""]

export const streamSection = (s: StreamResult) =>
  [
    `### Streaming: ${
      s.leads.toLocaleString("en")
    } leads, pages of ${s.pageSize}, median of ${s.rounds} interleaved rounds (emulator process, seeded in ${s.seedSeconds} s)`,
    "",
    table([
      "face",
      "leads/s",
      "seconds",
      "throughput ratio",
      "peak RSS growth MB",
      "peak heap growth MB",
      "retained after GC MB",
      "target"
    ], [
      [
        "Effect: LeadsService.stream + Stream.runForEach",
        s.effect.leadsPerSecond,
        s.effect.seconds,
        x(s.effectRatio),
        s.effect.peakRssGrowthMb,
        s.effect.peakHeapGrowthMb,
        s.effect.retainedHeapMb,
        `≥ ${s.targetRatio} (${meets(s.effectRatio >= s.targetRatio)}); RSS < ${s.targetRssMb} MB (${
          meets(s.effect.peakRssGrowthMb < s.targetRssMb)
        })`
      ],
      [
        "Promise: for await over the async iterable",
        s.promise.leadsPerSecond,
        s.promise.seconds,
        x(s.promiseRatio),
        s.promise.peakRssGrowthMb,
        s.promise.peakHeapGrowthMb,
        s.promise.retainedHeapMb,
        `≥ ${s.targetRatio} (${meets(s.promiseRatio >= s.targetRatio)}); RSS < ${s.targetRssMb} MB (${
          meets(s.promise.peakRssGrowthMb < s.targetRssMb)
        })`
      ],
      [
        "Effect with prefetch: 1",
        s.prefetchLeadsPerSecond,
        "",
        x(s.prefetchRatio),
        "",
        "",
        "",
        `≥ ${s.targetRatio} (${meets(s.prefetchRatio >= s.targetRatio)})`
      ],
      [
        "raw page loop: fetch + JSON.parse",
        s.raw.leadsPerSecond,
        s.raw.seconds,
        "1.00×",
        s.raw.peakRssGrowthMb,
        s.raw.peakHeapGrowthMb,
        s.raw.retainedHeapMb,
        ""
      ],
      memoryFloorRow(
        "floor: the raw loop's pages (no SDK) as an Effect Stream + Stream.runForEach",
        s.memoryFloors.effectOverRawPages
      ),
      memoryFloorRow(
        "floor: the SDK's decoded pages (leads.list) in a plain loop, no Stream",
        s.memoryFloors.sdkPagesWithoutStream
      )
    ]),
    "",
    `Goals (issue 17): throughput ≥ ${s.goalRatio}× the raw loop (${x(s.effectRatio)}, ${
      meets(s.effectRatio >= s.goalRatio)
    }); peak RSS growth ≤ ${s.goalRssVsRaw}× the raw loop's (${x(s.effectRssVsRaw)}, ${
      meets(s.effectRssVsRaw <= s.goalRssVsRaw)
    }).`,
    "",
    `Page prefetching: ${s.prefetch}. The SDK faces run on NodeTransport (undici). Memory is measured in fresh processes, one per face and run (the median of three runs; one with --quick).`
  ].join("\n")

export const loadSection = (runs: ReadonlyArray<LoadRun>) => {
  const paired = runs.find((r) => r.floorRatios !== undefined)
  return [
    `### Emulator under load: autocannon (separate process) against an emulator process, ${
      runs[0]?.seconds ?? 0
    } s per run (autocannon's percentiles are whole milliseconds)`,
    "",
    paired === undefined
      ? ""
      : `At 16 connections the emulator and the HttpApi floor run in ${paired.rounds} interleaved pairs per method (floor, then emulator); their rows give the median round's req/s and percentiles, and ÷ floor is the median of the pairs' ratios (each pair's in brackets). Load generator busy: autocannon's CPU time ÷ wall time (near 1.00, it set the pace and the latencies).\n`,
    table(
      [
        "endpoint",
        "connections",
        "req/s",
        "mean ms (connections ÷ req/s)",
        "p50 ms",
        "p99 ms",
        "requests",
        "errors",
        "non-2xx",
        "server CPU µs/request",
        "load generator CPU µs/request (busy)",
        "÷ HttpApi floor (goal ≥ 0.8)"
      ],
      runs.map((r) => [
        r.endpoint,
        r.connections,
        r.requestsPerSecond,
        r.latencyMeanMs,
        r.latencyP50Ms,
        r.latencyP99Ms,
        r.requests,
        r.errors,
        r.non2xx,
        r.serverCpuUsPerRequest ?? "n/a",
        r.loadGeneratorCpuUsPerRequest === undefined
          ? ""
          : `${r.loadGeneratorCpuUsPerRequest} (${r.loadGeneratorBusy})`,
        r.floorRatio === undefined ? "" : `${r.floorRatio} [${(r.floorRatios ?? []).join(", ")}]`
      ])
    )
  ].join("\n")
}

export const layersSection = (layers: ReadonlyArray<LayerCost>) =>
  [
    "### Where the request overhead goes: client CPU per request by layer (trivial server in another process)",
    "",
    table(
      ["layer (each includes the ones above)", "client CPU µs/request", "over raw fetch µs"],
      layers.map((l) => [
        l.layer,
        l.cpuUsPerRequest,
        l.overRawUs
      ])
    )
  ].join("\n")

export const fixedRequestSection = (r: FixedRequestResult) => {
  const floor = (f: { readonly undiciRatio: number; readonly undiciConcurrentRatio: number }) => [
    x(f.undiciRatio),
    x(f.undiciConcurrentRatio)
  ]
  const u = r.userPromise
  return [
    `### Request overhead, client alone: leads.get against a fixed-response server (separate process, loopback), ${r.requests} sequential per face interleaved, then ${r.concurrency} concurrent (${r.concurrentRounds} interleaved rounds)`,
    "",
    table([
      "face (NodeTransport, undici, unless said)",
      "median µs",
      "p99 µs",
      "median ratio",
      `req/s at ${r.concurrency} concurrent`,
      "throughput ratio",
      "target",
      "median × undici request",
      "throughput × undici request"
    ], [
      [
        "Effect (ManagedRuntime + LeadsService)",
        r.effect.medianUs,
        r.effect.p99Us,
        x(r.effectRatio),
        r.effect.concurrent.requestsPerSecond,
        x(r.concurrentRatio),
        `≤ ${r.target.sequential}× (${meets(r.effectRatio <= r.target.sequential)}); ≥ ${r.target.concurrent}× (${
          meets(r.concurrentRatio >= r.target.concurrent)
        })`,
        ...floor(r.effect)
      ],
      [
        "Promise (PromiseFace.promisify)",
        r.promise.medianUs,
        r.promise.p99Us,
        x(r.promiseRatio),
        r.promise.concurrent.requestsPerSecond,
        x(r.promiseConcurrentRatio),
        `≤ ${r.target.sequential}× (${meets(r.promiseRatio <= r.target.sequential)})`,
        ...floor(r.promise)
      ],
      [
        `Promise as a user creates it (createCrmClient from @blocks-crm/sdk, no transport named: ${u.transport})`,
        u.medianUs,
        u.p99Us,
        x(u.ratio),
        u.concurrent.requestsPerSecond,
        x(u.concurrentRatio),
        `≤ ${u.target.sequential}× (${meets(u.ratio <= u.target.sequential)}); ≥ ${u.target.concurrent}× (${
          meets(u.concurrentRatio >= u.target.concurrent)
        })`,
        ...floor(u)
      ],
      [
        "Effect over the fetch transport (CrmTransport.layerFetch)",
        r.effectFetch.medianUs,
        r.effectFetch.p99Us,
        x(r.fetchTransportRatio),
        r.effectFetch.concurrent.requestsPerSecond,
        x(r.fetchTransportConcurrentRatio),
        "",
        ...floor(r.effectFetch)
      ],
      [
        "raw fetch + json()",
        r.raw.medianUs,
        r.raw.p99Us,
        "1.00×",
        r.raw.concurrent.requestsPerSecond,
        "1.00×",
        "",
        ...floor(r.raw)
      ],
      [
        "floor: undici request + body.json()",
        r.undici.medianUs,
        r.undici.p99Us,
        x(r.floorRatio),
        r.undici.concurrent.requestsPerSecond,
        x(r.floorConcurrentRatio),
        "",
        "1.00×",
        "1.00×"
      ]
    ])
  ].join("\n")
}

/** The emulator's start and reset, with their goals (issue 28) and the Node.js process floor. */
export const emulatorStartSection = (r: EmulatorStartResult) =>
  [
    `### Emulator start and reset (medians of ${r.rounds} rounds; goals from issue 28)`,
    "",
    table(["measure", "ms", "goal", "met"], [
      [
        "startEmulator() → first answered request, in memory (first in the process, fetch warmed)",
        r.startFirstMs,
        "≤ 250",
        r.startFirstMs <= 250 ? "yes" : "no"
      ],
      [
        "  the same, CPU time of the main thread",
        r.startFirstCpuMs ?? "n/a",
        "",
        ""
      ],
      [
        "startEmulator() → a domain's first answered request (GET /leads/ after /health), same first start",
        r.startFirstDomainMs,
        "≤ 250",
        r.startFirstDomainMs <= 250 ? "yes" : "no"
      ],
      [
        "  the same, CPU time of the main thread",
        r.startFirstDomainCpuMs ?? "n/a",
        "",
        ""
      ],
      ["startEmulator() → first answered request, in memory (median of the next)", r.startMedianMs, "", ""],
      ["startEmulator() → a domain's first answered request (median of the next)", r.startMedianDomainMs, "", ""],
      ["bin: spawn → --json line (built JS)", r.binMedianMs, "≤ 1500", r.binMedianMs <= 1500 ? "yes" : "no"],
      ["floor: node -e 0, spawn → exit", r.nodeFloorMedianMs, "", ""],
      [
        `reset() with ${r.resetRecords} records (1,000 per collection)`,
        r.resetMedianMs,
        "≤ 5",
        r.resetMedianMs <= 5 ? "yes" : "no"
      ]
    ])
  ].join("\n")

export const cliSection = (c: CliStartResult) =>
  [
    `### CLI start: the built \`crm\` spawned as a user runs it, wall time, median of ${c.rounds} interleaved rounds`,
    "",
    table(["command line", "ms", "over the floor", "target", ""], [
      ["`node -e 0` (the floor)", c.floorMs.toFixed(0), "", "", ""],
      [
        "`crm --help`",
        c.helpMs.toFixed(0),
        `+${(c.helpMs - c.floorMs).toFixed(0)}`,
        `≤ ${c.helpTargetMs}`,
        meets(c.helpMs <= c.helpTargetMs)
      ],
      [
        "`crm leads list --json` (emulator in its own process)",
        c.listMs.toFixed(0),
        `+${(c.listMs - c.floorMs).toFixed(0)}`,
        `≤ ${c.listTargetMs}`,
        meets(c.listMs <= c.listTargetMs)
      ]
    ]),
    "",
    `Help lines: \`crm --help\` ${c.helpLines.root} (≤ 60), \`crm leads --help\` ${c.helpLines.leads}, \`crm leads create --help\` ${c.helpLines.leadsCreate}.`
  ].join("\n")
