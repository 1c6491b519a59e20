/**
 * (d) Emulator throughput: GET /leads/:id and POST /leads/ at 1, 16 and 64 connections, then the floors:
 * the emulator's own work (credentials, SQLite, schemas) on node:http with one Effect per request, and
 * under GET, from the top of the stack down, one fixed HttpApi endpoint (and a fixed POST whose body is
 * decoded and not stored: the POST floor), a plain HttpLayerRouter route,
 * node:http running one Effect per request, bare node:http. Driven by autocannon in a separate
 * process against an emulator process, each run bounded in time and in request count. Loopback only.
 *
 * The goal's comparison (the emulator at 16 connections ÷ the HttpApi floor) is taken in interleaved
 * pairs of runs, floor then emulator, several rounds per method, and reported as the median of the
 * pairs' ratios: a single run of each moved by ±15 % with the machine, a pair's two runs move together.
 * Each run also reports the server's CPU time per request (Linux, from /proc), which a machine shared
 * with other work moves far less than it moves requests per second, and autocannon's own CPU time: the
 * two share the machine's cores, so a busy load generator sets latencies the server did not.
 */
import { execFile, execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { promisify } from "node:util"
import { createLead, credentials, rawGetJson, startEmulatorProcess } from "./EmulatorProcess.js"
import { startFixedServer, startHttpApiFloorServer, startServicesFloorServer } from "./FixedServer.js"
import { median, round } from "./Measure.js"

export interface LoadRun {
  readonly endpoint: string
  readonly connections: number
  /** The length of one run; a row of several rounds ran `rounds` runs of this length. */
  readonly seconds: number
  /** Requests per second; over several rounds, the median round's. */
  readonly requestsPerSecond: number
  /** Over several rounds, the median of the rounds' percentiles. */
  readonly latencyP50Ms: number
  readonly latencyP99Ms: number
  readonly latencyMeanMs: number
  /** Over several rounds, the requests of them all (and so for errors and non-2xx answers). */
  readonly requests: number
  readonly errors: number
  readonly non2xx: number
  /** The server process's CPU time (user + system) per request, in µs; undefined where /proc is absent. */
  readonly serverCpuUsPerRequest: number | undefined
  /**
   * autocannon's own CPU time per request, in µs: with the server, it shares the machine's cores, and
   * `loadGeneratorBusy` (its CPU time ÷ the run's wall time) near 1 means it, not the server, set the pace
   * and the latencies.
   */
  readonly loadGeneratorCpuUsPerRequest?: number | undefined
  readonly loadGeneratorBusy?: number | undefined
  /** How many interleaved rounds the row sums up (1 when absent). */
  readonly rounds?: number
  /**
   * On the emulator's 16-connection rows: its requests per second ÷ the HttpApi stack floor's for the same
   * method (one fixed GET, or one fixed POST whose body is decoded and not stored), same run: the median
   * of `floorRatios`, one per round, each the emulator's run ÷ the floor's run next to it.
   */
  readonly floorRatio?: number
  readonly floorRatios?: ReadonlyArray<number>
}

interface AutocannonJson {
  readonly requests: { readonly average: number; readonly total: number }
  readonly latency: { readonly p50: number; readonly p99: number }
  readonly errors: number
  readonly timeouts: number
  readonly non2xx: number
  readonly duration: number
  /** The load generator's CPU time (user + system) during the run, in µs. */
  readonly cpuUs: number
}

const execFileAsync = promisify(execFile)
const autocannonModule = createRequire(import.meta.url).resolve("autocannon")

/** At most this many requests per run, whatever the duration. */
const maxRequestsPerRun = 200_000

/**
 * autocannon in a process of its own, through its API so the process can report its own CPU time: the
 * result as its CLI's `-j` prints it, plus `cpuUs`.
 */
const generatorSource = `
const autocannon = require(process.argv[1])
const options = JSON.parse(process.argv[2])
const start = process.cpuUsage()
autocannon(options, (error, result) => {
  if (error) throw error
  const cpu = process.cpuUsage(start)
  console.log(JSON.stringify({ ...result, cpuUs: cpu.user + cpu.system }))
})
`

const autocannon = async (options: {
  readonly url: string
  readonly connections: number
  readonly seconds: number
  readonly method?: "POST"
  readonly body?: string
}): Promise<AutocannonJson> => {
  const settings = {
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    maxOverallRequests: maxRequestsPerRun,
    timeout: 10,
    headers: {
      authorization: `Bearer ${credentials.token}`,
      appid: credentials.apiKey,
      accept: "application/json",
      ...(options.method === "POST" ? { "content-type": "application/json" } : {})
    },
    ...(options.method === "POST" ? { method: "POST", body: options.body ?? "{}" } : {})
  }
  const { stdout } = await execFileAsync(
    process.execPath,
    ["-e", generatorSource, autocannonModule, JSON.stringify(settings)],
    { timeout: (options.seconds + 30) * 1000, maxBuffer: 16 * 1024 * 1024 }
  )
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as AutocannonJson
}

/** Clock ticks per second of /proc's CPU times (100 on nearly every Linux). */
const clockTicks = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100
  } catch {
    return 100
  }
})()

/** The CPU time (user + system) a process has used, in µs; undefined without /proc. */
const cpuMicros = (pid: number | undefined): number | undefined => {
  if (pid === undefined) return undefined
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / clockTicks
  } catch {
    return undefined
  }
}

/** One run of load: autocannon's result and the server's CPU time around it. */
interface Measured {
  readonly result: AutocannonJson
  readonly serverCpuUs: number | undefined
}

/** Runs `load` and reads the server's CPU time around it. */
const measured = async (pid: number | undefined, load: () => Promise<AutocannonJson>): Promise<Measured> => {
  const before = cpuMicros(pid)
  const result = await load()
  const after = cpuMicros(pid)
  return { result, serverCpuUs: before === undefined || after === undefined ? undefined : after - before }
}

/** The bench's lead payload, as `POST /leads/` receives it under load. */
const body = JSON.stringify({ lead: { name: "Load test lead", source: "bench", value: 1000, stage: "new" } })

export const runEmulatorLoad = async (options: { readonly quick: boolean }): Promise<ReadonlyArray<LoadRun>> => {
  const seconds = options.quick ? 1 : 2
  // The emulator against its floor at 16 connections: this many interleaved pairs of runs per method.
  const rounds = options.quick ? 2 : 6
  const emulator = await startEmulatorProcess({})
  const pid = emulator.child.pid
  try {
    const id = await createLead(emulator.url)
    const document = await rawGetJson(`${emulator.url}/leads/${id}`)
    const emulatorLoad = (endpoint: Endpoint, connections: number, duration: number) =>
      endpoint === "GET /leads/:id"
        ? autocannon({ url: `${emulator.url}/leads/${id}`, connections, seconds: duration })
        : autocannon({ url: `${emulator.url}/leads/`, connections, seconds: duration, method: "POST", body })
    const runs: Array<LoadRun> = []
    for (const endpoint of endpoints) {
      // A short warmup of the same endpoint, so the first measured run does not pay for the JIT.
      await emulatorLoad(endpoint, 4, 1)
      for (const connections of [1, 64]) {
        runs.push(
          toRun(endpoint, connections, seconds, [
            await measured(pid, () => emulatorLoad(endpoint, connections, seconds))
          ])
        )
      }
    }
    // At 16 connections, the goal's comparison: the emulator and the HttpApi floor (a process of its own,
    // started now and idle while the emulator runs) take turns, floor then emulator, in `rounds` pairs of
    // runs per method, and each pair gives one ratio. Both drift with the machine; a pair shares its moment.
    const floor = await startHttpApiFloorServer(JSON.stringify(document), "httpapi")
    try {
      const floorLoad = (endpoint: Endpoint, duration: number) =>
        endpoint === "GET /leads/:id"
          ? autocannon({ url: `${floor.url}/leads/${id}`, connections: 16, seconds: duration })
          : autocannon({ url: `${floor.url}/leads/`, connections: 16, seconds: duration, method: "POST", body })
      for (const endpoint of endpoints) {
        await floorLoad(endpoint, 2)
        await emulatorLoad(endpoint, 16, 1)
      }
      const pairs = new Map(
        endpoints.map((endpoint) => [endpoint, { floor: [] as Array<Measured>, emulator: [] as Array<Measured> }])
      )
      for (let turn = 0; turn < rounds; turn++) {
        for (const endpoint of endpoints) {
          const pair = pairs.get(endpoint)!
          pair.floor.push(await measured(floor.pid, () => floorLoad(endpoint, seconds)))
          pair.emulator.push(await measured(pid, () => emulatorLoad(endpoint, 16, seconds)))
        }
      }
      for (const endpoint of endpoints) {
        const pair = pairs.get(endpoint)!
        const floorRatios = pair.emulator.map((run, i) =>
          round(run.result.requests.average / pair.floor[i]!.result.requests.average)
        )
        runs.push({
          ...toRun(endpoint, 16, seconds, pair.emulator),
          floorRatio: round(median(floorRatios)),
          floorRatios
        })
      }
      runs.sort((a, b) =>
        endpoints.indexOf(a.endpoint as Endpoint) - endpoints.indexOf(b.endpoint as Endpoint) ||
        a.connections - b.connections
      )
      for (const endpoint of endpoints) {
        runs.push(
          toRun(
            endpoint === "GET /leads/:id" ? httpApiGetFloor : httpApiPostFloor,
            16,
            seconds,
            pairs.get(endpoint)!.floor
          )
        )
      }
    } finally {
      await floor.stop()
    }
    // The emulator's own per-request work (credentials, one SQLite read or write, the contract's
    // schemas) served the leanest way: how fast any serving path over these services could go.
    const services = await startServicesFloorServer(JSON.stringify(document), credentials)
    try {
      for (const endpoint of endpoints) {
        const load = (duration = seconds) =>
          endpoint === "GET /leads/:id"
            ? autocannon({ url: `${services.url}/leads/${id}`, connections: 16, seconds: duration })
            : autocannon({ url: `${services.url}/leads/`, connections: 16, seconds: duration, method: "POST", body })
        await load(1)
        runs.push(
          toRun(
            `floor: ${endpoint} on node:http + one Effect over the emulator's services`,
            16,
            seconds,
            [await measured(services.pid, () => load())]
          )
        )
      }
    } finally {
      await services.stop()
    }
    // The floors under the emulator's GET: the same document from each layer of the emulator's server
    // stack with nothing of the emulator in it, down to a bare node:http server, at 16 connections.
    for (const [endpoint, start] of floors) {
      const server = await start(JSON.stringify(document))
      try {
        const url = `${server.url}/leads/${id}`
        await autocannon({ url, connections: 16, seconds: 1 })
        runs.push(
          toRun(endpoint, 16, seconds, [
            await measured(server.pid, () => autocannon({ url, connections: 16, seconds }))
          ])
        )
      } finally {
        await server.stop()
      }
    }
    return runs
  } finally {
    await emulator.stop()
  }
}

const endpoints = ["GET /leads/:id", "POST /leads/"] as const
type Endpoint = typeof endpoints[number]

/** A row from one run, or from several rounds of the same load (medians, and sums of the counts). */
const toRun = (
  endpoint: string,
  connections: number,
  seconds: number,
  measuredRuns: ReadonlyArray<Measured>
): LoadRun => {
  const results = measuredRuns.map((run) => run.result)
  const requests = results.reduce((sum, result) => sum + result.requests.total, 0)
  const requestsPerSecond = median(results.map((result) => result.requests.average))
  const serverCpuUs = measuredRuns.some((run) => run.serverCpuUs === undefined)
    ? undefined
    : measuredRuns.reduce((sum, run) => sum + run.serverCpuUs!, 0)
  const generatorCpuUs = results.reduce((sum, result) => sum + result.cpuUs, 0)
  const wallUs = results.reduce((sum, result) => sum + result.duration * 1_000_000, 0)
  return {
    endpoint,
    connections,
    seconds,
    requestsPerSecond: round(requestsPerSecond, 0),
    latencyP50Ms: median(results.map((result) => result.latency.p50)),
    latencyP99Ms: median(results.map((result) => result.latency.p99)),
    // autocannon times requests in whole milliseconds; the mean from Little's law is finer.
    latencyMeanMs: round((connections / requestsPerSecond) * 1000, 2),
    requests,
    // autocannon already counts timeouts among errors.
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
    serverCpuUsPerRequest: serverCpuUs === undefined || requests === 0 ? undefined : round(serverCpuUs / requests, 0),
    loadGeneratorCpuUsPerRequest: requests === 0 ? undefined : round(generatorCpuUs / requests, 0),
    loadGeneratorBusy: wallUs === 0 ? undefined : round(generatorCpuUs / wallUs),
    ...(measuredRuns.length > 1 ? { rounds: measuredRuns.length } : {})
  }
}

const httpApiGetFloor = "floor: GET on the HttpApi server stack alone"
const httpApiPostFloor = "floor: POST on the HttpApi server stack alone (body decoded, not stored)"

const floors = [
  [
    "floor: GET on HttpServer + HttpLayerRouter, plain route (no HttpApi)",
    (body: string) => startHttpApiFloorServer(body, "router")
  ],
  [
    "floor: GET on node:http + one Effect per request (ManagedRuntime)",
    (body: string) => startHttpApiFloorServer(body, "runtime")
  ],
  ["floor: GET on node:http alone", startFixedServer]
] as const
