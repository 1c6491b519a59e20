/**
 * The emulator as a child process (its bin, `blocks-crm-emulator`) on a free loopback port: for a
 * measuring process that must not share a thread or a heap with the server, and for tests that kill it
 * with SIGKILL and start another on the same database file. Built, it runs `dist/bin.js`; inside this
 * repository, from the sources, `src/bin.ts` through tsx.
 */
import { spawn } from "node:child_process"
import type { ChildProcess } from "node:child_process"
import { fileURLToPath } from "node:url"

/** The package's root (src or dist → ..), and how to run its bin from here. */
const packageRoot = fileURLToPath(new URL("../", import.meta.url))
const fromSources = import.meta.url.endsWith(".ts")
const binArgs = fromSources
  ? ["--conditions=@blocks-crm/source", "--import", "tsx", "src/bin.ts"]
  : [fileURLToPath(new URL("./bin.js", import.meta.url))]

/** How to start the process: its database, the credentials it is seeded with, how long to wait. */
export interface Options {
  /** The SQLite file; in memory when absent. */
  readonly database?: string | undefined
  /** The API key and token the emulator is seeded with. */
  readonly credentials: { readonly apiKey: string; readonly token: string }
  readonly timeoutMs?: number | undefined
}

/** A started emulator process: its URL, the child process, and how to stop or kill it. */
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
 * Starts the bin with `--port 0` and resolves with the URL from its banner
 * ("CRM emulator listening on http://127.0.0.1:PORT").
 */
export const start = (options: Options): Promise<EmulatorProcess> =>
  new Promise((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 60_000
    const args = [
      ...binArgs,
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
    const child = spawn(process.execPath, args, { cwd: packageRoot, stdio: ["ignore", "pipe", "pipe"] })
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
