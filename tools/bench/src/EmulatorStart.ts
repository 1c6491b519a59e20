/**
 * How fast a test runner gets an emulator, and gets a clean one back (issue 28):
 *
 * - `startEmulator()` (its module already imported, as in a test runner) to the first answered request,
 *   in memory: the first start in this process (goal ≤ 250 ms; with the main thread's CPU time beside it,
 *   steadier on a shared machine; fetch is warmed first) and the median of the next ones. The first
 *   request is `GET /health`; then, timed from the same start, a domain's first request (`GET /leads/`
 *   with credentials): the emulator builds a domain's routes on the first request that reaches it, so a
 *   test runner's first call pays for its domain, and that figure is held to the same goal;
 * - the built bin, from spawn to its `--json` line (goal ≤ 1.5 s), beside `node -e 0` from spawn to
 *   exit, the floor of any Node.js process on this machine, in the same run;
 * - `reset()` with 1,000 records in each of six collections (leads, opportunities, quotes, accounts,
 *   contacts, meetings; loaded as fixtures), goal ≤ 5 ms.
 */
import { startEmulator } from "@blocks-crm/emulator"
import { spawn } from "node:child_process"
import * as http from "node:http"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { buildEmulator, repoRoot } from "./EmulatorProcess.js"

export interface EmulatorStartResult {
  readonly startFirstMs: number
  /** The main thread's CPU time over the first start (Linux; steadier than wall time on a shared machine). */
  readonly startFirstCpuMs: number | undefined
  /** From the same first start to a domain's first answered request (`GET /leads/`, after `/health`). */
  readonly startFirstDomainMs: number
  readonly startFirstDomainCpuMs: number | undefined
  readonly startMedianMs: number
  readonly startMedianDomainMs: number
  readonly binMedianMs: number
  readonly nodeFloorMedianMs: number
  readonly resetMedianMs: number
  readonly resetRecords: number
  readonly rounds: number
}

const median = (values: ReadonlyArray<number>) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const round = (ms: number) => Math.round(ms * 10) / 10

/** CPU time of this process's main thread in ms (Linux: the scheduler's own count), or undefined. */
const mainThreadCpuMs = (): number | undefined => {
  try {
    return Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ")[0]) / 1e6
  } catch {
    return undefined
  }
}

/**
 * The first `fetch` of a process loads and compiles undici (tens of ms): that is the client's start, not
 * the emulator's, and a full `pnpm bench` has fetched already when this suite runs, so it is warmed on a
 * plain server first and `--only emulator-start` measures the same thing.
 */
const warmFetch = async () => {
  const server = http.createServer((_, response) => response.end("ok"))
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  const port = typeof address === "object" && address !== null ? address.port : 0
  await (await fetch(`http://127.0.0.1:${port}/`)).text()
  await new Promise((resolve) => server.close(resolve))
}

/** Milliseconds from spawning `args` until `done(stdout)` says so (the process is then stopped). */
const spawnUntil = (args: ReadonlyArray<string>, done: (stdout: string) => boolean): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "ignore"] })
    let stdout = ""
    let elapsed: number | undefined
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString()
      if (elapsed === undefined && done(stdout)) {
        elapsed = performance.now() - started
        child.kill("SIGTERM")
      }
    })
    child.once("exit", (code) => {
      const total = performance.now() - started
      if (elapsed !== undefined) resolve(elapsed)
      else if (code === 0 && done("")) resolve(total)
      else reject(new Error(`${args.join(" ")} exited (${code}) before it was done: ${stdout}`))
    })
  })

const collections = {
  pipeline: {
    leads: (i: number) => ({ name: `Lead ${i}`, value: i, status: "active" }),
    opportunities: (i: number) => ({ name: `Deal ${i}`, value: i, status: "active" }),
    quotes: (i: number) => ({ title: `Quote ${i}`, status: "draft" })
  },
  accounts: {
    accounts: (i: number) => ({ name: `Account ${i}`, status: "active" }),
    contacts: (i: number) => ({ first_name: "Ada", last_name: `Contact ${i}`, status: "active" })
  },
  scheduling: {
    meetings: (i: number) => ({
      title: `Meeting ${i}`,
      start_time: "2026-03-01T10:00:00Z",
      end_time: "2026-03-01T11:00:00Z",
      status: "active",
      enabled: true
    })
  }
}

export const runEmulatorStart = async (options: { readonly quick: boolean }): Promise<EmulatorStartResult> => {
  const rounds = options.quick ? 3 : 7

  // startEmulator(): the first start in this process, then the median of the next ones.
  await warmFetch()
  const starts: Array<number> = []
  const domainStarts: Array<number> = []
  let startFirstCpuMs: number | undefined
  let startFirstDomainCpuMs: number | undefined
  for (let i = 0; i <= rounds; i++) {
    const cpu = mainThreadCpuMs()
    const started = performance.now()
    const emulator = await startEmulator()
    const response = await fetch(`${emulator.url}/health`)
    await response.text()
    starts.push(performance.now() - started)
    const cpuAfter = mainThreadCpuMs()
    const leads = await fetch(`${emulator.url}/leads/`, {
      headers: { Authorization: `Bearer ${emulator.authToken}`, AppId: emulator.apiKey }
    })
    await leads.text()
    domainStarts.push(performance.now() - started)
    const cpuAfterDomain = mainThreadCpuMs()
    if (leads.status !== 200) throw new Error(`GET /leads/ answered ${leads.status}`)
    if (i === 0 && cpu !== undefined && cpuAfter !== undefined) startFirstCpuMs = round(cpuAfter - cpu)
    if (i === 0 && cpu !== undefined && cpuAfterDomain !== undefined) {
      startFirstDomainCpuMs = round(cpuAfterDomain - cpu)
    }
    await emulator.close()
  }

  // The bin as npx runs it: the package's build (tsc, then the bin's esbuild bundle), so a change of
  // the sources is in the bundle measured.
  await buildEmulator()
  const bin = path.join(repoRoot, "packages/emulator/dist/bin.js")
  const bins: Array<number> = []
  const floors: Array<number> = []
  for (let i = 0; i < rounds; i++) {
    floors.push(await spawnUntil(["-e", "0"], (out) => out === ""))
    bins.push(await spawnUntil([bin, "--port", "0", "--memory", "--json"], (out) => out.includes("\n")))
  }

  // reset() over 1,000 records per collection, loaded as fixtures into a fresh emulator each round.
  const perCollection = 1_000
  const fixtures = {
    tenants: {
      pk_local_emulator: Object.fromEntries(
        Object.entries(collections).map(([domain, byName]) => [
          domain,
          Object.fromEntries(
            Object.entries(byName).map((
              [name, make]
            ) => [name, Array.from({ length: perCollection }, (_, i) => make(i))])
          )
        ])
      )
    }
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-reset-")), "fixtures.json")
  fs.writeFileSync(file, JSON.stringify(fixtures))
  const resets: Array<number> = []
  for (let i = 0; i < Math.min(rounds, 5); i++) {
    const emulator = await startEmulator({ seed: file })
    const started = performance.now()
    await emulator.reset()
    resets.push(performance.now() - started)
    await emulator.close()
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true })

  return {
    startFirstMs: round(starts[0]!),
    startFirstCpuMs,
    startFirstDomainMs: round(domainStarts[0]!),
    startFirstDomainCpuMs,
    startMedianMs: round(median(starts.slice(1))),
    startMedianDomainMs: round(median(domainStarts.slice(1))),
    binMedianMs: round(median(bins)),
    nodeFloorMedianMs: round(median(floors)),
    resetMedianMs: round(median(resets)),
    resetRecords: perCollection * Object.values(collections).reduce((n, c) => n + Object.keys(c).length, 0),
    rounds
  }
}
