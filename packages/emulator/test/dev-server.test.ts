/**
 * `pnpm emulator` as a dev server: signalling the process that was started, `pnpm` itself (SIGTERM
 * from a process manager or `kill <pid>`, SIGINT), stops the server too, with no orphaned child
 * left listening. Before the script ran `exec node --import tsx`, pnpm's shell and tsx's own child
 * node survived their parent and kept the port.
 */
import { spawn } from "node:child_process"
import type { ChildProcess } from "node:child_process"
import * as net from "node:net"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const repo = fileURLToPath(new URL("../../../", import.meta.url))

/** Runs `pnpm emulator` in its own process group and resolves with the URL it prints. */
const start = (): Promise<{ child: ChildProcess; url: URL }> =>
  new Promise((resolve, reject) => {
    const child = spawn("pnpm", ["emulator", "--port", "0", "--memory"], {
      cwd: repo,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"]
    })
    let output = ""
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match !== null) resolve({ child, url: new URL(match[1]!) })
    }
    child.stdout!.on("data", onData)
    child.stderr!.on("data", onData)
    child.once("exit", (code, signal) => reject(new Error(`exited (${code ?? signal}) before listening:\n${output}`)))
  })

/** Whether something accepts TCP connections on the port. */
const answers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port })
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })

const exited = (child: ChildProcess): Promise<NodeJS.Signals | number | null> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode ?? child.signalCode)
    : new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)))

/** Whether a process group still has members (signal 0 probes without signalling). */
const groupAlive = (pid: number): boolean => {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** Whether the condition holds within 15 seconds, checked every 100 ms. */
const eventually = async (condition: () => Promise<boolean>): Promise<boolean> => {
  for (const started = Date.now(); Date.now() - started < 15_000;) {
    if (await condition()) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return condition()
}

describe("pnpm emulator as a dev server", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`stops listening when the started process gets ${signal}`, async () => {
      const { child, url } = await start()
      const port = Number(url.port)
      try {
        expect(await answers(port)).toBe(true)
        child.kill(signal)
        await exited(child)
        // Nothing of the started command may survive it: no orphan keeps the port or the group.
        // (Polled: on a loaded machine the last process of the group can take a moment to exit.)
        expect(await eventually(async () => !(await answers(port)))).toBe(true)
        expect(await eventually(async () => !groupAlive(child.pid!))).toBe(true)
      } finally {
        if (groupAlive(child.pid!)) process.kill(-child.pid!, "SIGKILL")
      }
    }, 60_000)
  }
})
