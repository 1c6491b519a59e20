/**
 * The emulator as a separate process, on a free loopback port: its published bin (`dist/bin.js`, the
 * package built first), as a user runs it with npx. Used where the measuring process must not share a
 * CPU thread or a heap with the server.
 */
// Only the process helper: a measuring process must not load the emulator itself.
import * as EmulatorProcess from "@blocks-crm/emulator/EmulatorProcess"
import { execFileSync } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

/** The workspace root (tools/bench/src → ../../..). */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url))

const emulatorDir = path.join(repoRoot, "packages", "emulator")

/** Credentials the benchmarks seed the emulator with. Local only. */
export const credentials = { apiKey: "pk_bench_local", token: "tok_bench_local" } as const

let built: Promise<typeof EmulatorProcess> | undefined

/**
 * Builds the emulator as it is published (`packages/emulator/build.mjs`: tsc, then the bin's esbuild
 * bundle), once per run, so a change of its sources is in what is measured; resolves with the built
 * process helper, which starts `dist/bin.js`.
 */
export const buildEmulator = (): Promise<typeof EmulatorProcess> =>
  built ??= Promise.resolve().then(() => {
    execFileSync(process.execPath, ["build.mjs"], { cwd: emulatorDir, stdio: "inherit" })
    return import(pathToFileURL(path.join(emulatorDir, "dist", "EmulatorProcess.js")).href) as Promise<
      typeof EmulatorProcess
    >
  })

/** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
export const { stopProcess } = EmulatorProcess

/** Starts the emulator's built bin (in memory unless `database` is given) seeded with the bench's credentials. */
export const startEmulatorProcess = async (options: {
  readonly database?: string | undefined
  readonly timeoutMs?: number | undefined
}): Promise<EmulatorProcess.EmulatorProcess> => (await buildEmulator()).start({ ...options, credentials })

/** The headers every benchmark request carries, as the SDK sends them. */
export const rawHeaders = (): Record<string, string> => ({
  accept: "application/json",
  authorization: `Bearer ${credentials.token}`,
  appid: credentials.apiKey,
  "x-request-id": crypto.randomUUID()
})

/** The baseline every request benchmark compares with: fetch + json(), headers as the SDK sends them. */
export const rawGetJson = async (url: string): Promise<unknown> => {
  const response = await fetch(url, { headers: rawHeaders() })
  if (response.status !== 200) throw new Error(`raw GET answered ${response.status}`)
  return response.json()
}

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
