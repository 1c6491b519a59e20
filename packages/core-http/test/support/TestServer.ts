/**
 * A real HTTP server on loopback for the transport tests. It records every request it receives
 * (method, url, headers, body, when it arrived, and whether the client closed the connection before the
 * answer was written) and answers with responses scripted per test: status, headers, body, a delay, a
 * destroyed socket, or a response written by hand.
 */
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"

export interface RecordedRequest {
  /** Position in arrival order, from 0. */
  readonly index: number
  readonly method: string
  /** Path and query as received, e.g. `/api/v1/widgets/?page=2`. */
  readonly url: string
  readonly pathname: string
  readonly query: URLSearchParams
  /** Header names are lower case (Node's view). */
  readonly headers: Http.IncomingHttpHeaders
  readonly body: string
  /** `Date.now()` when the request (with its body) had arrived. */
  readonly receivedAt: number
  /** Set when the client closed the connection before the response was fully written. */
  closedEarly: boolean
  /** Set when the connection closed at all (for any reason) while this exchange was open. */
  closedAt: number | undefined
}

export interface ScriptedResponse {
  readonly status?: number | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** A string is sent as is; anything else as JSON (content-type application/json unless set). */
  readonly body?: unknown
  /** Milliseconds to wait before answering. */
  readonly delay?: number | undefined
  /** Destroy the socket instead of answering (after `delay`). */
  readonly destroy?: boolean | undefined
  /** Write the answer by hand (after `delay`): streamed, endless, truncated, compressed bodies. */
  readonly raw?: ((res: Http.ServerResponse, req: Http.IncomingMessage) => void) | undefined
}

export type Responder = ScriptedResponse | ((request: RecordedRequest) => ScriptedResponse)

export interface TestServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string
  readonly port: number
  readonly requests: ReadonlyArray<RecordedRequest>
  /** Answers the next requests in order, one scripted response each. */
  readonly enqueue: (...responses: ReadonlyArray<Responder>) => void
  /** Answers every request not covered by the queue. */
  readonly fallback: (responder: Responder) => void
  /** Polls until `predicate` holds; fails the test after `timeoutMs`. */
  readonly waitUntil: (predicate: () => boolean, timeoutMs?: number) => Effect.Effect<void>
  readonly close: () => Promise<void>
}

const noScript: ScriptedResponse = {
  status: 501,
  body: { errors: [{ status: "501", code: "no_script", title: "No response scripted for this request" }] }
}

const write = (res: Http.ServerResponse, response: ScriptedResponse) => {
  const headers: Record<string, string> = { ...response.headers }
  let payload = ""
  if (response.body !== undefined) {
    if (typeof response.body === "string") {
      payload = response.body
    } else {
      payload = JSON.stringify(response.body)
      if (!Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) {
        headers["content-type"] = "application/json; charset=utf-8"
      }
    }
  }
  res.writeHead(response.status ?? 200, headers)
  res.end(payload)
}

/** Starts a server on 127.0.0.1, on a port the OS picks. */
export const start = (): Promise<TestServer> => {
  const requests: Array<RecordedRequest> = []
  const queue: Array<Responder> = []
  let fallbackResponder: Responder = noScript

  const server = Http.createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1")
      const recorded: RecordedRequest = {
        index: requests.length,
        method: req.method ?? "",
        url: req.url ?? "",
        pathname: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAt: Date.now(),
        closedEarly: false,
        closedAt: undefined
      }
      requests.push(recorded)
      const responder = queue.shift() ?? fallbackResponder
      const response = typeof responder === "function" ? responder(recorded) : responder

      let timer: NodeJS.Timeout | undefined
      res.on("close", () => {
        recorded.closedAt = Date.now()
        if (!res.writableFinished) {
          recorded.closedEarly = true
          if (timer !== undefined) clearTimeout(timer)
        }
      })
      const answer = () => {
        timer = undefined
        if (res.destroyed) return
        if (response.destroy === true) {
          req.socket.destroy()
          return
        }
        if (response.raw !== undefined) {
          response.raw(res, req)
          return
        }
        write(res, response)
      }
      if (response.delay !== undefined && response.delay > 0) timer = setTimeout(answer, response.delay)
      else answer()
    })
  })

  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        requests,
        enqueue: (...responses) => {
          queue.push(...responses)
        },
        fallback: (responder) => {
          fallbackResponder = responder
        },
        waitUntil: (predicate, timeoutMs = 3_000) =>
          Effect.gen(function*() {
            const started = Date.now()
            while (!predicate()) {
              if (Date.now() - started > timeoutMs) {
                return yield* Effect.dieMessage(`condition not met within ${timeoutMs} ms`)
              }
              yield* Effect.sleep("10 millis")
            }
          }),
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          })
      })
    })
  })
}

/** A server for the current scope, closed when the scope closes. */
export const make: Effect.Effect<TestServer, never, Scope.Scope> = Effect.acquireRelease(
  Effect.promise(start),
  (server) => Effect.promise(server.close)
)

/** A port on 127.0.0.1 where nobody listens (bound, then released). */
export const unusedPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = Http.createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const port = (probe.address() as AddressInfo).port
      probe.close(() => resolve(port))
    })
  })
