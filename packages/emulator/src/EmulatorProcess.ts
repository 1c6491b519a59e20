/**
 * The emulator as a child process (its CLI from source, through tsx) on a free loopback port: for a
 * measuring process that must not share a thread or a heap with the server, and for tests that kill it
 * with SIGKILL and start another on the same database file.
 */
import { spawn } from "node:child_process"
import type { ChildProcess } from "node:child_process"
import { fileURLToPath } from "node:url"

/** The workspace root (packages/emulator/src or dist → ../../..): the CLI runs from source. */
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url))

export interface Options {
  /** The SQLite file; in memory when absent. */
  readonly database?: string | undefined
  /** The API key and token the emulator is seeded with. */
  readonly credentials: { readonly apiKey: string; readonly token: string }
  readonly timeoutMs?: number | undefined
}

export interface EmulatorProcess {
  readonly url: string
  readonly child: ChildProcess
  /** Resolves once the process has exited. */
  readonly exited: Promise<void>
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
  readonly stop: () => Promise<void>
  /** SIGKILL: no finalizer runs, as after a crash. Resolves once the process is gone. */
  readonly kill9: () => Promise<void>
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null

/** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
export const stopProcess = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (!isRunning(child)) return resolve()
    const kill = setTimeout(() => child.kill("SIGKILL"), 5_000)
    child.once("exit", () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill("SIGTERM")
  })

/**
 * Starts `packages/emulator/src/bin.ts --port 0` and resolves with the URL from its banner
 * ("CRM emulator listening on http://127.0.0.1:PORT").
 */
export const start = (options: Options): Promise<EmulatorProcess> =>
  new Promise((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 60_000
    const args = [
      "--conditions=@blocks-crm/source",
      "--import",
      "tsx",
      "packages/emulator/src/bin.ts",
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      ...(options.database === undefined ? ["--memory"] : ["--db", options.database]),
      "--api-key",
      options.credentials.apiKey,
      "--token",
      options.credentials.token
    ]
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] })
    const exited = new Promise<void>((done) => child.once("exit", () => done()))
    let output = ""
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`the emulator did not start within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /CRM emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match !== null) {
        clearTimeout(timer)
        child.stdout.off("data", onData)
        child.stdout.resume()
        resolve({
          url: match[1]!,
          child,
          exited,
          stop: () => stopProcess(child),
          kill9: () => {
            if (isRunning(child)) child.kill("SIGKILL")
            return exited
          }
        })
      }
    }
    child.stdout.on("data", onData)
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once("exit", (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`the emulator exited (${signal ?? code}) before listening:\n${output}`))
    })
  })
