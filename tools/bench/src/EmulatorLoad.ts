/**
 * (d) Emulator throughput: GET /leads/:id and POST /leads/ at 1, 16 and 64 connections, then the floors:
 * the emulator's own work (credentials, SQLite, schemas) on node:http with one Effect per request, and
 * under GET, from the top of the stack down, one fixed HttpApi endpoint (and a fixed POST whose body is
 * decoded and not stored: the POST floor), a plain HttpLayerRouter route,
 * node:http running one Effect per request, bare node:http. Driven by autocannon in a separate
 * process against an emulator process, each run bounded in time and in request count. Loopback only.
 * Each run also reports the server's CPU time per request (Linux, from /proc), which a machine shared
 * with other work moves far less than it moves requests per second.
 */
import { execFile, execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { promisify } from "node:util"
import { createLead, credentials, rawGetJson, startEmulatorProcess } from "./EmulatorProcess.js"
import { startFixedServer, startHttpApiFloorServer, startServicesFloorServer } from "./FixedServer.js"
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
  /** The server process's CPU time (user + system) per request, in µs; undefined where /proc is absent. */
  readonly serverCpuUsPerRequest: number | undefined
  /**
   * On the emulator's 16-connection rows: its requests per second ÷ the HttpApi stack floor's for the same
   * method (one fixed GET, or one fixed POST whose body is decoded and not stored), same run.
   */
  readonly floorRatio?: number
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

/** Runs `load` and reads the server's CPU time around it. */
const measured = async (
  pid: number | undefined,
  load: () => Promise<AutocannonJson>
): Promise<readonly [AutocannonJson, number | undefined]> => {
  const before = cpuMicros(pid)
  const result = await load()
  const after = cpuMicros(pid)
  return [result, before === undefined || after === undefined ? undefined : after - before]
}

export const runEmulatorLoad = async (options: { readonly quick: boolean }): Promise<ReadonlyArray<LoadRun>> => {
  const seconds = options.quick ? 1 : 3
  const emulator = await startEmulatorProcess({})
  const pid = emulator.child.pid
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
        runs.push(toRun(endpoint, connections, seconds, ...await measured(pid, () => load(connections, seconds))))
      }
    }
    // The floors under the emulator's GET: the same document from each layer of the emulator's server
    // stack with nothing of the emulator in it, down to a bare node:http server, at 16 connections.
    const document = await rawGetJson(`${emulator.url}/leads/${id}`)
    // The emulator's own per-request work (credentials, one SQLite read or write, the contract's
    // schemas) served the leanest way: how fast any serving path over these services could go.
    const services = await startServicesFloorServer(JSON.stringify(document), credentials)
    try {
      for (const endpoint of ["GET /leads/:id", "POST /leads/"] as const) {
        const load = () =>
          endpoint === "GET /leads/:id"
            ? autocannon({ url: `${services.url}/leads/${id}`, connections: 16, seconds })
            : autocannon({ url: `${services.url}/leads/`, connections: 16, seconds, method: "POST", body })
        await load()
        runs.push(
          toRun(
            `floor: ${endpoint} on node:http + one Effect over the emulator's services`,
            16,
            seconds,
            ...await measured(services.pid, load)
          )
        )
      }
    } finally {
      await services.stop()
    }
    for (const [endpoint, start] of floors) {
      const server = await start(JSON.stringify(document))
      try {
        const url = `${server.url}/leads/${id}`
        await autocannon({ url, connections: 16, seconds: 2 })
        runs.push(
          toRun(
            endpoint,
            16,
            seconds,
            ...await measured(server.pid, () => autocannon({ url, connections: 16, seconds }))
          )
        )
        if (endpoint === httpApiGetFloor) {
          const post = () => autocannon({ url: `${server.url}/leads/`, connections: 16, seconds, method: "POST", body })
          await post()
          runs.push(toRun(httpApiPostFloor, 16, seconds, ...await measured(server.pid, post)))
        }
      } finally {
        await server.stop()
      }
    }
    return withFloorRatios(runs)
  } finally {
    await emulator.stop()
  }
}

const toRun = (
  endpoint: string,
  connections: number,
  seconds: number,
  result: AutocannonJson,
  serverCpuUs: number | undefined
): LoadRun => ({
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
  non2xx: result.non2xx,
  serverCpuUsPerRequest: serverCpuUs === undefined || result.requests.total === 0
    ? undefined
    : round(serverCpuUs / result.requests.total, 0)
})

const httpApiGetFloor = "floor: GET on the HttpApi server stack alone"
const httpApiPostFloor = "floor: POST on the HttpApi server stack alone (body decoded, not stored)"

/** `floorRatio` on the emulator's 16-connection rows: ÷ the HttpApi floor of the same method. */
const withFloorRatios = (runs: ReadonlyArray<LoadRun>): Array<LoadRun> => {
  const floorOf = (name: string) => runs.find((run) => run.endpoint === name)?.requestsPerSecond
  const get = floorOf(httpApiGetFloor)
  const post = floorOf(httpApiPostFloor)
  return runs.map((run) => {
    if (run.connections !== 16) return run
    const floor = run.endpoint === "GET /leads/:id" ? get : run.endpoint === "POST /leads/" ? post : undefined
    return floor === undefined || floor === 0 ? run : { ...run, floorRatio: round(run.requestsPerSecond / floor) }
  })
}

const floors = [
  [httpApiGetFloor, (body: string) => startHttpApiFloorServer(body, "httpapi")],
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
