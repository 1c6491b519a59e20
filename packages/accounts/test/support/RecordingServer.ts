/**
 * A real HTTP server on loopback that records every request (method, path, query, headers, body bytes)
 * and answers with whatever the test's responder says: the API in one role, the upload host in another.
 */
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"

export interface Recorded {
  readonly method: string
  readonly pathname: string
  readonly query: URLSearchParams
  /** Header names in lower case. */
  readonly headers: Http.IncomingHttpHeaders
  readonly body: Buffer
}

export interface Answer {
  readonly status?: number | undefined
  /** Sent as JSON. */
  readonly json?: unknown
}

export interface RecordingServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string
  readonly requests: ReadonlyArray<Recorded>
  /** How the server answers from now on. */
  readonly answer: (responder: (request: Recorded) => Answer) => void
}

/** A recording server for the current scope. */
export const make: Effect.Effect<RecordingServer, never, Scope.Scope> = Effect.acquireRelease(
  Effect.promise(() => {
    const requests: Array<Recorded> = []
    let responder: (request: Recorded) => Answer = () => ({ status: 501, json: { errors: [{ title: "no answer" }] } })
    const server = Http.createServer((req, res) => {
      const chunks: Array<Buffer> = []
      req.on("data", (chunk: Buffer) => chunks.push(chunk))
      req.on("end", () => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1")
        const recorded: Recorded = {
          method: req.method ?? "",
          pathname: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks)
        }
        requests.push(recorded)
        const answer = responder(recorded)
        const body = answer.json === undefined ? "" : JSON.stringify(answer.json)
        res.writeHead(answer.status ?? 200, body === "" ? {} : { "content-type": "application/json" })
        res.end(body)
      })
    })
    return new Promise<RecordingServer & { readonly server: Http.Server }>((resolve, reject) => {
      server.once("error", reject)
      server.listen(0, "127.0.0.1", () => {
        const port = (server.address() as AddressInfo).port
        resolve({
          url: `http://127.0.0.1:${port}`,
          requests,
          answer: (next) => {
            responder = next
          },
          server
        })
      })
    })
  }),
  ({ server }) =>
    Effect.promise(() =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
    )
)
