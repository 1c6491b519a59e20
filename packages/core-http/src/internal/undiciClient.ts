/**
 * A lean `HttpClient` over an undici `Dispatcher` (undici 7, a dependency of this package, so the
 * Node transport needs nothing else installed), for `NodeTransport`. The platform's undici client
 * spends several times raw undici's CPU per call (a URL and two AbortControllers per request, a
 * FinalizationRegistry entry, wrapped responses, headers converted on every read); the transport
 * already owns timeouts, redirects, retries, spans and the body limit, so this one only sends the
 * request, aborts it on interruption, and exposes the answer.
 *
 * @internal
 */
import * as Cookies from "@effect/platform/Cookies"
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { Readable } from "node:stream"
import type * as Undici from "undici"
import { AttemptTimedOut, withTraits } from "./clientTraits.js"

type RequestBody = Exclude<Undici.Dispatcher.DispatchOptions["body"], undefined>

const requestBody = (request: HttpClientRequest.HttpClientRequest): Effect.Effect<RequestBody> => {
  const body = request.body
  switch (body._tag) {
    case "Empty":
      return Effect.succeed(null)
    case "Uint8Array":
    case "Raw":
      return Effect.succeed(body.body as Uint8Array)
    case "FormData":
      return Effect.succeed(body.formData as unknown as RequestBody)
    case "Stream":
      return Effect.map(Stream.toAsyncIterableEffect(body.stream), (chunks) => Readable.from(chunks))
  }
}

/** Where a request goes, as undici takes it. */
interface Target {
  readonly origin: string
  /** Path and query. */
  readonly path: string
}

/**
 * `http(s)://host[:port]/path` with nothing to encode, split without a URL parse (the transport's
 * requests, from a validated base URL and ids without reserved characters); anything else: undefined.
 */
const splitPlainUrl = (url: string): Target | undefined => {
  const match = plainUrl.exec(url)
  return match === null
    ? undefined
    : { origin: match[1]!, path: match[2] === undefined || match[2] === "" ? "/" : match[2] }
}
const plainUrl = /^(https?:\/\/[A-Za-z0-9.\-[\]:]+)(\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*)?$/

const send = (
  dispatcher: Undici.Dispatcher,
  request: HttpClientRequest.HttpClientRequest,
  target: Target,
  body: RequestBody,
  endsAt: number | undefined
) =>
  Effect.async<HttpClientResponse.HttpClientResponse, HttpClientError.RequestError>((resume) => {
    // One controller for both ends: interruption, and the attempt limit the transport set (which
    // stays armed until the body has been read or dropped).
    const controller = new AbortController()
    const timer = endsAt === undefined
      ? undefined
      : setTimeout(() => controller.abort(new AttemptTimedOut()), Math.max(0, endsAt - Date.now()))
    const disarm = timer === undefined ? noop : () => clearTimeout(timer)
    dispatcher.request({
      signal: controller.signal,
      method: request.method,
      headers: request.headers,
      origin: target.origin,
      path: target.path,
      body,
      // Timeouts are the transport's (per attempt, through the signal or interruption).
      headersTimeout: 60 * 60 * 1000,
      bodyTimeout: 0
    }).then(
      (data) => resume(Effect.succeed(new UndiciResponse(request, data, disarm))),
      (cause) => {
        disarm()
        resume(Effect.fail(new HttpClientError.RequestError({ request, reason: "Transport", cause })))
      }
    )
    return Effect.sync(() => {
      disarm()
      controller.abort()
    })
  })

/** Sends `request` through `dispatcher`, cut off at `endsAt` when one is given. */
const execute = (
  dispatcher: Undici.Dispatcher,
  request: HttpClientRequest.HttpClientRequest,
  endsAt: number | undefined
): Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.RequestError> => {
  const plain = request.urlParams.length === 0 && Option.isNone(request.hash) ? splitPlainUrl(request.url) : undefined
  if (plain !== undefined) {
    return request.body._tag === "Empty"
      ? send(dispatcher, request, plain, null, endsAt)
      : Effect.flatMap(requestBody(request), (body) => send(dispatcher, request, plain, body, endsAt))
  }
  const url = UrlParams.makeUrl(request.url, request.urlParams, request.hash)
  if (url._tag === "Left") {
    return Effect.fail(new HttpClientError.RequestError({ request, reason: "InvalidUrl", cause: url.left }))
  }
  const target = { origin: url.right.origin, path: url.right.pathname + url.right.search }
  return request.body._tag === "Empty"
    ? send(dispatcher, request, target, null, endsAt)
    : Effect.flatMap(requestBody(request), (body) => send(dispatcher, request, target, body, endsAt))
}

/**
 * The client: the platform's `HttpClient` interface (so `HttpApiClient` and the transport take it
 * as any other) with nothing between the request and undici. `dispatcher` is asked for on each
 * request (the pool may be opened by the first).
 *
 * @internal
 */
export const make = (dispatcher: () => Undici.Dispatcher): HttpClient.HttpClient =>
  withTraits(
    HttpClient.makeWith<never, never, HttpClientError.HttpClientError, never>(
      (effect) => Effect.flatMap(effect, (request) => execute(dispatcher(), request, undefined)),
      Effect.succeed
    ),
    {
      // undici's `request` follows no redirect: the transport sees every 3xx.
      followsNoRedirects: true,
      // `makeWith`, unlike `make`, adds no span.
      makesNoSpans: true,
      executeUntil: (request, endsAt) => execute(dispatcher(), request, endsAt)
    }
  )

const noop = () => {}

class UndiciResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [HttpIncomingMessage.TypeId]: HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  readonly [HttpClientResponse.TypeId]: HttpClientResponse.TypeId = HttpClientResponse.TypeId
  private cachedHeaders: Headers.Headers | undefined
  private cachedCookies: Cookies.Cookies | undefined

  constructor(
    readonly request: HttpClientRequest.HttpClientRequest,
    private readonly source: Undici.Dispatcher.ResponseData,
    disarm: () => void
  ) {
    super()
    // A body error (a reset connection) surfaces when the body is read; unread, it must not crash.
    source.body.on("error", noop)
    // The attempt's limit covers the body: it is lifted once the body is read, dropped or broken.
    if (disarm !== noop) source.body.once("close", disarm)
  }

  get status(): number {
    return this.source.statusCode
  }

  get headers(): Headers.Headers {
    return this.cachedHeaders ??= Headers.fromInput(this.source.headers as Headers.Input)
  }

  get cookies(): Cookies.Cookies {
    if (this.cachedCookies === undefined) {
      const header = this.source.headers["set-cookie"]
      this.cachedCookies = header === undefined
        ? Cookies.empty
        : Cookies.fromSetCookie(Array.isArray(header) ? header : [header])
    }
    return this.cachedCookies
  }

  get remoteAddress(): Option.Option<string> {
    return Option.none()
  }

  private error(cause: unknown) {
    return new HttpClientError.ResponseError({ request: this.request, response: this, reason: "Decode", cause })
  }

  /** Reads the body with `read`; interrupted (a timeout), the body is destroyed and the connection closed. */
  private read<A>(read: (body: Undici.Dispatcher.ResponseData["body"]) => Promise<A>) {
    return Effect.async<A, HttpClientError.ResponseError>((resume) => {
      read(this.source.body).then(
        (value) => resume(Effect.succeed(value)),
        (cause) => resume(Effect.fail(this.error(cause)))
      )
      return Effect.sync(() => this.source.body.destroy())
    })
  }

  get arrayBuffer(): Effect.Effect<ArrayBuffer, HttpClientError.ResponseError> {
    return this.read((body) => body.arrayBuffer())
  }

  get text(): Effect.Effect<string, HttpClientError.ResponseError> {
    return this.read((body) => body.text())
  }

  get json(): Effect.Effect<unknown, HttpClientError.ResponseError> {
    return Effect.flatMap(this.text, (text) =>
      Effect.try({
        try: () => (text === "" ? null : JSON.parse(text) as unknown),
        catch: (cause) => this.error(cause)
      }))
  }

  get urlParamsBody(): Effect.Effect<UrlParams.UrlParams, HttpClientError.ResponseError> {
    return Effect.flatMap(this.text, (text) =>
      Effect.try({
        try: () => UrlParams.fromInput(new URLSearchParams(text)),
        catch: (cause) => this.error(cause)
      }))
  }

  get formData(): Effect.Effect<FormData, HttpClientError.ResponseError> {
    return this.read((body) => body.formData() as Promise<FormData>)
  }

  get stream(): Stream.Stream<Uint8Array, HttpClientError.ResponseError> {
    return Stream.fromAsyncIterable(this.source.body, (cause) => this.error(cause))
  }

  toJSON(): unknown {
    return { _id: "@effect/platform/HttpClientResponse", request: this.request.toJSON(), status: this.status }
  }
}
