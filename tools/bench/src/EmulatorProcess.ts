/**
 * The emulator as a separate process (its CLI, from source through tsx), on a free loopback port.
 * Used where the measuring process must not share a CPU thread or a heap with the server.
 */
// Only the process helper: a measuring process must not load the emulator itself.
import * as EmulatorProcess from "@blocks-crm/emulator/EmulatorProcess"
import { fileURLToPath } from "node:url"

/** The workspace root (tools/bench/src → ../../..). */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url))

/** Credentials the benchmarks seed the emulator with. Local only. */
export const credentials = { apiKey: "pk_bench_local", token: "tok_bench_local" } as const

export const { stopProcess } = EmulatorProcess

/** Starts the emulator's CLI (in memory unless `database` is given) seeded with the bench's credentials. */
export const startEmulatorProcess = (options: {
  readonly database?: string | undefined
  readonly timeoutMs?: number | undefined
}): Promise<EmulatorProcess.EmulatorProcess> => EmulatorProcess.start({ ...options, credentials })

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
