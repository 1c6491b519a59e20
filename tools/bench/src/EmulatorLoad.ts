/**
 * (d) Emulator throughput: GET /leads/:id and POST /leads/ at 1, 16 and 64 connections (then the floors
 * under GET: the same server stack with one fixed endpoint, and bare node:http), driven by
 * autocannon in a separate process against an emulator process, each run bounded in time and in
 * request count. Loopback only.
 */
import { execFile } from "node:child_process"
import { createRequire } from "node:module"
import { promisify } from "node:util"
import { createLead, credentials, rawGetJson, startEmulatorProcess } from "./EmulatorProcess.js"
import { startFixedServer, startHttpApiFloorServer } from "./FixedServer.js"
import { round } from "./Measure.js"

export interface LoadRun {
  readonly endpoint: string
  readonly connections: number
  readonly seconds: number
  readonly requestsPerSecond: number
  readonly latencyP50Ms: number
  readonly latencyP99Ms: number
  readonly latencyMeanMs: number
  readonly requests: number
  readonly errors: number
  readonly non2xx: number
}

interface AutocannonJson {
  readonly requests: { readonly average: number; readonly total: number }
  readonly latency: { readonly p50: number; readonly p99: number }
  readonly errors: number
  readonly timeouts: number
  readonly non2xx: number
  readonly duration: number
}

const execFileAsync = promisify(execFile)
const autocannonCli = createRequire(import.meta.url).resolve("autocannon/autocannon.js")

/** At most this many requests per run, whatever the duration. */
const maxRequestsPerRun = 200_000

const autocannon = async (options: {
  readonly url: string
  readonly connections: number
  readonly seconds: number
  readonly method?: "POST"
  readonly body?: string
}): Promise<AutocannonJson> => {
  const args = [
    autocannonCli,
    "-c",
    String(options.connections),
    "-d",
    String(options.seconds),
    "-O",
    String(maxRequestsPerRun),
    "-t",
    "10",
    "-j",
    "-H",
    `authorization=Bearer ${credentials.token}`,
    "-H",
    `appid=${credentials.apiKey}`,
    "-H",
    "accept=application/json",
    ...(options.method === "POST"
      ? ["-m", "POST", "-H", "content-type=application/json", "-b", options.body ?? "{}"]
      : []),
    options.url
  ]
  const { stdout } = await execFileAsync(process.execPath, args, {
    timeout: (options.seconds + 30) * 1000,
    maxBuffer: 16 * 1024 * 1024
  })
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as AutocannonJson
}

export const runEmulatorLoad = async (options: { readonly quick: boolean }): Promise<ReadonlyArray<LoadRun>> => {
  const seconds = options.quick ? 1 : 3
  const emulator = await startEmulatorProcess({})
  try {
    const id = await createLead(emulator.url)
    const body = JSON.stringify({ lead: { name: "Load test lead", source: "bench", value: 1000, stage: "new" } })
    const runs: Array<LoadRun> = []
    for (const endpoint of ["GET /leads/:id", "POST /leads/"] as const) {
      const load = (connections: number, duration: number) =>
        endpoint === "GET /leads/:id"
          ? autocannon({ url: `${emulator.url}/leads/${id}`, connections, seconds: duration })
          : autocannon({ url: `${emulator.url}/leads/`, connections, seconds: duration, method: "POST", body })
      // A short warmup of the same endpoint, so the first measured run does not pay for the JIT.
      await load(4, 1)
      for (const connections of [1, 16, 64]) {
        runs.push(toRun(endpoint, connections, seconds, await load(connections, seconds)))
      }
    }
    // The floors under the emulator's GET: the same document from the emulator's server stack with
    // nothing of the emulator in it, and from a bare node:http server, at 16 connections.
    const document = await rawGetJson(`${emulator.url}/leads/${id}`)
    for (const [endpoint, start] of floors) {
      const server = await start(JSON.stringify(document))
      try {
        const url = `${server.url}/leads/${id}`
        await autocannon({ url, connections: 16, seconds: 2 })
        runs.push(toRun(endpoint, 16, seconds, await autocannon({ url, connections: 16, seconds })))
      } finally {
        await server.stop()
      }
    }
    return runs
  } finally {
    await emulator.stop()
  }
}

const toRun = (endpoint: string, connections: number, seconds: number, result: AutocannonJson): LoadRun => ({
  endpoint,
  connections,
  seconds,
  requestsPerSecond: round(result.requests.average, 0),
  latencyP50Ms: result.latency.p50,
  latencyP99Ms: result.latency.p99,
  // autocannon times requests in whole milliseconds; the mean from Little's law is finer.
  latencyMeanMs: round((connections / result.requests.average) * 1000, 2),
  requests: result.requests.total,
  // autocannon already counts timeouts among errors.
  errors: result.errors,
  non2xx: result.non2xx
})

const floors = [
  ["floor: GET on the HttpApi server stack alone", startHttpApiFloorServer],
  ["floor: GET on node:http alone", startFixedServer]
] as const
