/**
 * A real HTTP server on loopback for package tests: it records every request (method, URL, headers,
 * body) and answers as the test says, per route or through one responder. Tests that must prove what
 * a client sent, or what it does with an answer the emulator would never give, talk to it instead of
 * a mocked fetch.
 */
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"

/** A request as the server received it. */
export interface Received {
  readonly method: string
  /** The path with its query, as sent. */
  readonly url: string
  readonly pathname: string
  readonly query: URLSearchParams
  /** Header names in lower case. */
  readonly headers: Http.IncomingHttpHeaders
  readonly bytes: Buffer
  /** The body as UTF-8 text. */
  readonly body: string
}

export interface Answer {
  readonly status?: number | undefined
  /** A string is sent as is; anything else as JSON. Nothing: an empty body. */
  readonly body?: unknown
  readonly contentType?: string | undefined
}

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly requests: ReadonlyArray<Received>
  /** Answers `METHOD /path?query` (as received) with `answer` from now on. */
  readonly route: (method: string, url: string, answer: Answer) => void
  /** Answers every request no route matches with what `responder` returns, from now on. */
  readonly answer: (responder: (request: Received) => Answer) => void
}

const unrouted = (request: Received): Answer => ({
  status: 501,
  body: { errors: [{ status: "501", title: `No answer for ${request.method} ${request.url}` }] }
})

/** A server for the current scope, closed with it. Requests nothing answers get 501. */
export const make: Effect.Effect<LoopbackServer, never, Scope.Scope> = Effect.map(
  Effect.acquireRelease(
    Effect.async<{ readonly server: Http.Server; readonly loopback: LoopbackServer }>((resume) => {
      const requests: Array<Received> = []
      const routes = new Map<string, Answer>()
      let responder = unrouted
      const server = Http.createServer((req, res) => {
        const chunks: Array<Buffer> = []
        req.on("data", (chunk: Buffer) => chunks.push(chunk))
        req.on("end", () => {
          const url = new URL(req.url ?? "/", "http://127.0.0.1")
          const bytes = Buffer.concat(chunks)
          const received: Received = {
            method: req.method ?? "",
            url: req.url ?? "",
            pathname: url.pathname,
            query: url.searchParams,
            headers: req.headers,
            bytes,
            body: bytes.toString("utf8")
          }
          requests.push(received)
          const answer = routes.get(`${received.method} ${received.url}`) ?? responder(received)
          const body = answer.body === undefined
            ? ""
            : typeof answer.body === "string"
            ? answer.body
            : JSON.stringify(answer.body)
          res.writeHead(
            answer.status ?? 200,
            body === "" ? {} : { "content-type": answer.contentType ?? "application/json" }
          )
          res.end(body)
        })
      })
      server.listen(0, "127.0.0.1", () => {
        const port = (server.address() as AddressInfo).port
        resume(Effect.succeed({
          server,
          loopback: {
            url: `http://127.0.0.1:${port}`,
            requests,
            route: (method, path, answer) => {
              routes.set(`${method} ${path}`, answer)
            },
            answer: (next) => {
              responder = next
            }
          }
        }))
      })
    }),
    ({ server }) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  ),
  ({ loopback }) => loopback
)
