/**
 * A loopback HTTP server in its own process that answers every request with the same JSON document,
 * so a request benchmark measures the client alone (no routing, storage or encoding on the server).
 */
import { type ChildProcess, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { stopProcess } from "./EmulatorProcess.js"

const serverSource = (body: string) => `
const { createServer } = require("node:http")
const body = Buffer.from(${JSON.stringify(body)})
const server = createServer((req, res) => {
  req.resume()
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/vnd.api+json", "content-length": body.length })
    res.end(body)
  })
})
server.keepAliveTimeout = 60000
server.listen(0, "127.0.0.1", () => console.log("listening on http://127.0.0.1:" + server.address().port))
`

export interface FixedServer {
  readonly url: string
  /** The server's process id, for reading its CPU time. */
  readonly pid: number | undefined
  readonly stop: () => Promise<void>
}

/** Starts the server with `body` as its one answer; resolves once it listens. */
export const startFixedServer = (body: string): Promise<FixedServer> =>
  listening(spawn(process.execPath, ["-e", serverSource(body)], { stdio: ["ignore", "pipe", "inherit"] }))

/**
 * Starts `HttpApiFloorServer.ts` with `body` as its answer to `GET /leads/:id`: the emulator's server
 * stack with one fixed endpoint and nothing else (`httpapi`), the platform's router without HttpApi
 * (`router`), or node:http running one Effect per request (`runtime`).
 */
export const startHttpApiFloorServer = (
  body: string,
  mode: "httpapi" | "router" | "runtime" = "httpapi"
): Promise<FixedServer> =>
  listening(
    spawn(
      process.execPath,
      [
        "--conditions=@blocks-crm/source",
        "--import",
        "tsx",
        fileURLToPath(new URL("./HttpApiFloorServer.ts", import.meta.url)),
        body,
        mode
      ],
      { stdio: ["ignore", "pipe", "inherit"] }
    )
  )

/**
 * Starts `ServicesFloorServer.ts`: node:http running one Effect per request over the emulator's own
 * services (credentials, RecordStore on SQLite, the contract's schemas), with the lead of `document`
 * stored under the tenant of `apiKey`.
 */
export const startServicesFloorServer = (
  document: string,
  credentials: { readonly apiKey: string; readonly token: string }
): Promise<FixedServer> =>
  listening(
    spawn(
      process.execPath,
      [
        "--conditions=@blocks-crm/source",
        "--import",
        "tsx",
        fileURLToPath(new URL("./ServicesFloorServer.ts", import.meta.url)),
        document,
        credentials.apiKey,
        credentials.token
      ],
      { stdio: ["ignore", "pipe", "inherit"] }
    )
  )

const listening = (child: ChildProcess): Promise<FixedServer> =>
  new Promise<FixedServer>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(String(chunk))
      if (match !== null) resolve({ url: match[1]!, pid: child.pid, stop: () => stopProcess(child) })
    })
    child.once("exit", (code) => reject(new Error(`the fixed-response server exited (code ${code})`)))
  })
