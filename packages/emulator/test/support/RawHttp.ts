/**
 * Requests `fetch` will not send: no Content-Type on a body, a chunked body, a body that arrives in
 * two parts. Plain `node:http` on loopback; the answer is read whole.
 */
import * as http from "node:http"

export interface RawHttpRequest {
  readonly method: string
  readonly path: string
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Sent as is; Content-Length is set unless `chunked`. */
  readonly body?: string | Uint8Array | undefined
  /** Send the body with Transfer-Encoding: chunked instead of a Content-Length. */
  readonly chunked?: boolean | undefined
}

export interface RawHttpResponse {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  readonly text: string
  /** The body parsed as JSON, `undefined` when it is not. */
  readonly json: any
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

const collect = (response: http.IncomingMessage): Promise<RawHttpResponse> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    response.on("data", (chunk: Buffer) => chunks.push(chunk))
    response.on("error", reject)
    response.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8")
      resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: parse(text) })
    })
  })

const open = (baseUrl: string, request: RawHttpRequest, extraHeaders: Record<string, string> = {}) => {
  const url = new URL(request.path, baseUrl)
  const headers: Record<string, string> = { ...request.headers, ...extraHeaders }
  if (request.chunked === true) headers["transfer-encoding"] = "chunked"
  else if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body))
  return http.request(url, { method: request.method, headers, agent: false })
}

/** One request, its whole answer. */
export const send = (baseUrl: string, request: RawHttpRequest): Promise<RawHttpResponse> =>
  new Promise((resolve, reject) => {
    const outgoing = open(baseUrl, request)
    outgoing.on("response", (response) => collect(response).then(resolve, reject))
    outgoing.on("error", reject)
    // An answer that never comes is a failure to report, not a test that hangs.
    outgoing.setTimeout(20_000, () => outgoing.destroy(new Error("no answer within 20 s")))
    if (request.body !== undefined) outgoing.write(request.body)
    outgoing.end()
  })

/**
 * A request whose body is held back until `release` is called: the server has its headers (it said
 * `100 Continue`) and is waiting for the body. `response` settles once the body was sent and answered.
 */
export const sendHeld = (
  baseUrl: string,
  request: RawHttpRequest & { readonly body: string }
): Promise<{ readonly release: () => void; readonly response: Promise<RawHttpResponse> }> =>
  new Promise((resolveHeld, reject) => {
    const outgoing = open(baseUrl, request, { expect: "100-continue" })
    const response = new Promise<RawHttpResponse>((resolve, rejectResponse) => {
      outgoing.on("response", (incoming) => collect(incoming).then(resolve, rejectResponse))
      outgoing.on("error", rejectResponse)
    })
    outgoing.on("error", reject)
    outgoing.on("continue", () =>
      resolveHeld({
        release: () => {
          outgoing.write(request.body)
          outgoing.end()
        },
        response
      }))
    outgoing.flushHeaders()
  })
