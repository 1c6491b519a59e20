/**
 * The emulator as a child process (its CLI from source, through tsx), on a free loopback port, so a
 * test can kill it with SIGKILL and start another on the same database file.
 */
import { spawn } from "node:child_process"
import type { ChildProcess } from "node:child_process"
import { fileURLToPath } from "node:url"

/** The workspace root (apps/emulator/test/support → ../../../..). */
const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url))

export const credentials = { apiKey: "pk_process_test", token: "tok_process_test" } as const

export interface EmulatorProcess {
  readonly url: string
  readonly child: ChildProcess
  /** Resolves once the process has exited. */
  readonly exited: Promise<void>
}

/** Starts `apps/emulator/src/bin.ts` on `database` and resolves with its URL from the banner. */
export const start = (database: string, timeoutMs = 90_000): Promise<EmulatorProcess> =>
  new Promise((resolve, reject) => {
    const args = [
      "--conditions=@blocks-crm/source",
      "--import",
      "tsx",
      "apps/emulator/src/bin.ts",
      "--port",
      "0",
      "--db",
      database,
      "--api-key",
      credentials.apiKey,
      "--token",
      credentials.token
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
        resolve({ url: match[1]!, child, exited })
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

/** SIGKILL: no finalizer runs, as after a crash. Resolves once the process is gone. */
export const kill9 = (emulator: EmulatorProcess): Promise<void> => {
  if (emulator.child.exitCode === null && emulator.child.signalCode === null) emulator.child.kill("SIGKILL")
  return emulator.exited
}
