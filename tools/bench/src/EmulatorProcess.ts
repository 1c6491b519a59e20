/**
 * The emulator as a separate process (its CLI, from source through tsx), on a free loopback port.
 * Used where the measuring process must not share a CPU thread or a heap with the server.
 */
import { spawn } from "node:child_process"
import type { ChildProcess } from "node:child_process"
import { fileURLToPath } from "node:url"

/** The workspace root (tools/bench/src → ../../..). */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url))

/** Credentials the benchmarks seed the emulator with. Local only. */
export const credentials = { apiKey: "pk_bench_local", token: "tok_bench_local" } as const

export interface EmulatorProcess {
  readonly url: string
  readonly child: ChildProcess
  readonly stop: () => Promise<void>
}

/**
 * Starts `apps/emulator/src/bin.ts --port 0` and resolves with the URL from its banner
 * ("CRM emulator listening on http://127.0.0.1:PORT").
 */
export const startEmulatorProcess = (options: {
  readonly database?: string | undefined
  readonly timeoutMs?: number | undefined
}): Promise<EmulatorProcess> =>
  new Promise((resolve, reject) => {
    const args = [
      "--conditions=@blocks-crm/source",
      "--import",
      "tsx",
      "apps/emulator/src/bin.ts",
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      ...(options.database === undefined ? ["--memory"] : ["--db", options.database]),
      "--api-key",
      credentials.apiKey,
      "--token",
      credentials.token
    ]
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`the emulator did not start within ${options.timeoutMs ?? 60_000} ms:\n${output}`))
    }, options.timeoutMs ?? 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /CRM emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match !== null) {
        clearTimeout(timer)
        child.stdout.off("data", onData)
        child.stdout.resume()
        resolve({ url: match[1]!, child, stop: () => stopProcess(child) })
      }
    }
    child.stdout.on("data", onData)
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`the emulator exited (code ${code}) before listening:\n${output}`))
    })
  })

/** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
export const stopProcess = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const kill = setTimeout(() => child.kill("SIGKILL"), 5_000)
    child.once("exit", () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill("SIGTERM")
  })

/** The headers every benchmark request carries, as the SDK sends them. */
export const rawHeaders = (): Record<string, string> => ({
  accept: "application/json",
  authorization: `Bearer ${credentials.token}`,
  appid: credentials.apiKey,
  "x-request-id": crypto.randomUUID()
})

/** Creates one lead with a raw POST and returns its id. */
export const createLead = async (url: string, name = "Benchmark lead"): Promise<string> => {
  const response = await fetch(`${url}/leads/`, {
    method: "POST",
    headers: { ...rawHeaders(), "content-type": "application/json" },
    body: JSON.stringify({ lead: { name, source: "website", value: 50_000, stage: "qualified", probability: 40 } })
  })
  if (response.status !== 201) throw new Error(`creating a lead answered ${response.status}: ${await response.text()}`)
  const body = (await response.json()) as { data: { id: string } }
  return body.data.id
}
