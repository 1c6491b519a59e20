/**
 * The one transport every domain shares: base URL, auth headers, request ids, idempotency keys,
 * per-attempt timeouts, the retry policy, an optional deadline, and the mapping of every HTTP status to a
 * tagged error. Domain clients are derived from their contracts on top of it (see `ApiClient`).
 *
 * @since 0.1.0
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as UrlParams from "@effect/platform/UrlParams"
import type * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import { dual } from "effect/Function"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import type * as Tracer from "effect/Tracer"
import * as CrmConfig from "./CrmConfig.js"
import type { RetryPolicy } from "./CrmConfig.js"
import {
  Conflict,
  CrossOriginRedirect,
  excerpt,
  Forbidden,
  NotFound,
  RateLimited,
  ResponseTooLarge,
  ServerError,
  Timeout,
  TransportError,
  Unauthorized,
  UnexpectedResponse,
  ValidationFailed
} from "./CrmError.js"
import type { ApiError, ApiErrorObject, ExchangeInfo } from "./CrmError.js"
import { BufferedResponse } from "./internal/bufferedResponse.js"
import {
  AttemptTimedOut,
  attemptEnds,
  followsNoRedirects,
  makesNoSpans,
  timesAttemptsOut
} from "./internal/clientTraits.js"
import { makeScrub, scrubError } from "./internal/redact.js"
import type { Scrub } from "./internal/redact.js"
import { ErrorObjectFromResponse } from "./JsonApi.js"

/**
 * Settings for one logical call (all its attempts).
 *
 * @since 0.1.0
 */
export interface CallOptions {
  /** Limit for each attempt. */
  readonly timeout?: Duration.DurationInput | undefined
  /** Limit for the whole call, retries included. */
  readonly deadline?: Duration.DurationInput | undefined
  /** The `Idempotency-Key` of a POST; `false` sends none (and so the POST is never retried). */
  readonly idempotencyKey?: string | false | undefined
  /** The `X-Request-ID`; generated when absent. */
  readonly requestId?: string | undefined
  /** Extra headers. They cannot replace the credentials. */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Replaces parts of the configured retry policy for this call only. */
  readonly retry?: Partial<RetryPolicy> | undefined
  /**
   * Values this call carries that are secrets (an ICS token in the path): like the configured token
   * and key, they never appear in an error, a log or a span (`[redacted]` stands in their place).
   */
  readonly secrets?: ReadonlyArray<string> | undefined
  /**
   * Sends no bearer token and no API key: a public endpoint (the ICS feed, a webhook), whose contract
   * marks `Contract.Public`. The derived client sets it for those endpoints.
   */
  readonly anonymous?: boolean | undefined
}

/**
 * The call options in effect for the current fiber.
 *
 * @since 0.1.0
 */
export const currentCallOptions: FiberRef.FiberRef<CallOptions> = FiberRef.unsafeMake<CallOptions>({})

/**
 * Runs an effect with call options (merged over the ones already in effect).
 *
 * @since 0.1.0
 */
export const withCallOptions: {
  (options: CallOptions): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, options: CallOptions): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, options: CallOptions) =>
    Effect.flatMap(
      FiberRef.get(currentCallOptions),
      (current) => Effect.locally(self, currentCallOptions, { ...current, ...options })
    )
)

/**
 * What the last response of a call looked like, kept so that a body that fails to decode can be
 * reported with its status, content type and an excerpt.
 *
 * @since 0.1.0
 */
export interface Exchange extends ExchangeInfo {
  readonly status: number
  readonly contentType: string | undefined
  readonly body: string
  /** Takes the configured secrets out of server text before it goes into an error. */
  readonly scrub: (text: string) => string
}

/**
 * The connection to the CRM API that every domain service sends through: the resolved settings, and an
 * `HttpClient` that adds the base URL and credentials, retries, and fails only with `ApiError`.
 * Provide it with `layerFetchFromEnv`, `layerFetch` or `layer`.
 *
 * @since 0.1.0
 * @category tags
 */
export class CrmTransport extends Context.Tag("@blocks-crm/core-http/CrmTransport")<
  CrmTransport,
  {
    readonly settings: CrmConfig.CrmSettings
    /** An HttpClient that sends to the API and fails only with the SDK's own errors. */
    readonly client: HttpClient.HttpClient.With<ApiError>
    /**
     * The HttpClient under the transport with nothing of the configuration added: no base URL, no
     * credentials, no retries. For URLs the API hands out (a presigned upload), which must never see
     * the token or the API key.
     */
    readonly plainClient: HttpClient.HttpClient
  }
>() {}

const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"])
const retryableStatuses = new Set([408, 429, 500, 502, 503, 504])

/**
 * Header names whose values never reach logs, spans or errors: the credentials and the idempotency key.
 *
 * @since 0.1.0
 */
export const secretHeaderNames = ["authorization", "appid", "x-api-key", "idempotency-key"] as const

/**
 * Parses `Retry-After`: delta-seconds or an HTTP date.
 *
 * @since 0.1.0
 */
export const parseRetryAfter = (
  value: string | undefined,
  now: number = Date.now()
): Option.Option<Duration.Duration> => {
  if (value === undefined) return Option.none()
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Option.some(Duration.seconds(Number(trimmed)))
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? Option.none() : Option.some(Duration.millis(Math.max(0, date - now)))
}

const withinMaxRetryAfter = (retryAfter: Option.Option<Duration.Duration>, policy: RetryPolicy) =>
  Option.match(retryAfter, {
    onNone: () => true,
    onSome: (after) => Duration.lessThanOrEqualTo(after, policy.maxRetryAfter)
  })

/**
 * Whether an error may succeed on another attempt (the method rule is applied separately).
 *
 * @since 0.1.0
 */
export const isTransient = (error: ApiError, policy: RetryPolicy): boolean => {
  switch (error._tag) {
    case "Timeout":
      return error.scope !== "deadline"
    case "TransportError":
      return true
    case "RateLimited":
      return withinMaxRetryAfter(error.retryAfter, policy)
    case "ServerError":
      return retryableStatuses.has(error.status) && withinMaxRetryAfter(error.retryAfter, policy)
    default:
      return false
  }
}

const decodeErrorList = Schema.decodeUnknownOption(
  Schema.parseJson(Schema.Struct({ errors: Schema.Array(Schema.Unknown) }))
)
const decodeErrorObject = Schema.decodeUnknownOption(ErrorObjectFromResponse)

/**
 * The error objects of a failure's body, each read on its own: one a server wrote oddly (not an
 * object, a member of another type) is left out rather than hiding the others.
 */
const errorObjectsOf = (body: string): ReadonlyArray<ApiErrorObject> =>
  Option.match(decodeErrorList(body), {
    onNone: () => [],
    onSome: (doc) => doc.errors.flatMap((error) => Option.toArray(decodeErrorObject(error)))
  })

/**
 * Turns a non-2xx response into the SDK's error for its status.
 *
 * @since 0.1.0
 */
export const errorForStatus = (
  info: ExchangeInfo,
  response: HttpClientResponse.HttpClientResponse,
  body: string
): ApiError => {
  const status = response.status
  const errors = errorObjectsOf(body)
  const fields = { ...info, status, errors }
  if (status === 401) return new Unauthorized(fields)
  if (status === 403) return new Forbidden(fields)
  if (status === 404) return new NotFound(fields)
  if (status === 408) return new Timeout({ ...info, after: Duration.zero, scope: "server" })
  if (status === 409) return new Conflict(fields)
  if (status === 422) return new ValidationFailed(fields)
  if (status === 429) {
    return new RateLimited({ ...fields, retryAfter: parseRetryAfter(response.headers["retry-after"]) })
  }
  if (status >= 500) return new ServerError({ ...fields, retryAfter: parseRetryAfter(response.headers["retry-after"]) })
  return new UnexpectedResponse({
    ...info,
    status,
    contentType: response.headers["content-type"],
    bodyExcerpt: excerpt(body),
    path: undefined,
    reason: errors[0]?.detail ?? errors[0]?.title ?? `undeclared status ${status}`
  })
}

const retrySchedule = (policy: RetryPolicy): Schedule.Schedule<unknown, ApiError> => {
  const backoff: Schedule.Schedule<unknown, ApiError> = policy.schedule ??
    Schedule.exponential(policy.baseDelay, 2).pipe(Schedule.jittered, Schedule.intersect(Schedule.recurs(policy.times)))
  // A server's Retry-After replaces the backoff delay for that retry.
  return Schedule.passthrough(backoff).pipe(
    Schedule.modifyDelay((error, delay) =>
      (error._tag === "RateLimited" || error._tag === "ServerError") && Option.isSome(error.retryAfter)
        ? error.retryAfter.value
        : delay
    )
  )
}

/** Same-origin redirects followed within one attempt. */
const maxRedirects = 5
const redirectStatuses = new Set([301, 302, 303, 307, 308])

/** What one attempt needs to know to report a failure. */
interface AttemptContext {
  readonly info: ExchangeInfo
  readonly apiOrigin: string
  readonly maxBytes: number
}

/**
 * Sends `request` and reads its body, following same-origin redirects itself (the fetch client is told
 * not to follow any): a redirect to another origin fails before anything is sent there.
 */
const send = (
  httpClient: HttpClient.HttpClient,
  request: HttpClientRequest.HttpClientRequest,
  context: AttemptContext,
  hops: number
): Effect.Effect<
  readonly [HttpClientResponse.HttpClientResponse, ArrayBuffer],
  ApiError | HttpClientError.HttpClientError
> =>
  Effect.flatMap(httpClient.execute(request), (response) => {
    const location = redirectStatuses.has(response.status) ? response.headers["location"] : undefined
    if (location === undefined) return Effect.map(readBody(response, context), (bytes) => [response, bytes] as const)
    return Effect.zipRight(discard(response), follow(httpClient, request, response.status, location, context, hops))
  })

const follow = (
  httpClient: HttpClient.HttpClient,
  request: HttpClientRequest.HttpClientRequest,
  status: number,
  location: string,
  context: AttemptContext,
  hops: number
) => {
  const unexpected = (reason: string) =>
    Effect.fail(
      new UnexpectedResponse({
        ...context.info,
        status,
        contentType: undefined,
        bodyExcerpt: "",
        path: undefined,
        reason
      })
    )
  let target: URL
  try {
    target = new URL(location, request.url)
  } catch {
    return unexpected("a redirect to an invalid Location")
  }
  if (target.origin !== context.apiOrigin) {
    target.username = ""
    target.password = ""
    return Effect.fail(new CrossOriginRedirect({ ...context.info, status, location: target.href }))
  }
  if (hops >= maxRedirects) return unexpected(`more than ${maxRedirects} redirects`)
  const next = redirected(request, status, target)
  const ends = attemptEnds.get(request)
  if (ends !== undefined) attemptEnds.set(next, ends)
  return send(httpClient, next, context, hops + 1)
}

/** The request a redirect asks for: 303 (and 301/302 after a POST) become a GET without body, as fetch does. */
const redirected = (request: HttpClientRequest.HttpClientRequest, status: number, target: URL) => {
  const toGet = status === 303
    ? request.method !== "GET" && request.method !== "HEAD"
    : (status === 301 || status === 302) && request.method === "POST"
  if (toGet) {
    return HttpClientRequest.get(target.href, {
      headers: Headers.remove(request.headers, ["idempotency-key", "content-type", "content-length"])
    })
  }
  return HttpClientRequest.removeHash(
    HttpClientRequest.setUrlParams(HttpClientRequest.setUrl(request, target.href), UrlParams.empty)
  )
}

const digits = /^\d+$/

/**
 * The body, at most `maxBytes` of it. An unencoded body with a Content-Length is checked up front and
 * read in one go (the HTTP parser never delivers more than the declared length); any other body
 * (chunked, or compressed, so counted after decompression) is counted while it streams, and dropped
 * as soon as it passes the limit.
 */
const readBody = (
  response: HttpClientResponse.HttpClientResponse,
  context: AttemptContext
): Effect.Effect<ArrayBuffer, ResponseTooLarge | HttpClientError.ResponseError> => {
  const length = response.headers["content-length"]
  const encoding = response.headers["content-encoding"]
  if (length !== undefined && digits.test(length) && (encoding === undefined || encoding === "identity")) {
    return Number(length) > context.maxBytes
      ? Effect.zipRight(discard(response), Effect.fail(tooLarge(response, context)))
      : response.arrayBuffer
  }
  const web = webResponseOf(response)
  return web === undefined ? readStream(response, context) : readWeb(response, web, context)
}

const tooLarge = (response: HttpClientResponse.HttpClientResponse, context: AttemptContext) =>
  new ResponseTooLarge({ ...context.info, status: response.status, maxBytes: context.maxBytes })

/**
 * The fetch Response under a platform response, when there is one. Reading it directly costs one
 * promise per chunk, where an Effect `Stream` costs several effects; other clients take `readStream`.
 */
const webResponseOf = (response: HttpClientResponse.HttpClientResponse): Response | undefined => {
  const inner = (response as { readonly original?: unknown }).original ?? response
  const source = (inner as { readonly source?: unknown }).source
  return source instanceof Response && !source.bodyUsed ? source : undefined
}

const overLimit: unique symbol = Symbol("overLimit")

const readWeb = (response: HttpClientResponse.HttpClientResponse, web: Response, context: AttemptContext) =>
  Effect.flatMap(
    Effect.tryPromise({
      try: async (signal): Promise<ArrayBuffer | typeof overLimit> => {
        if (web.body === null) return new ArrayBuffer(0)
        const reader = web.body.getReader()
        // An interrupted read (a timeout) cancels the body, which closes the connection.
        const cancel = () => void reader.cancel().catch(() => undefined)
        signal.addEventListener("abort", cancel, { once: true })
        try {
          const chunks: Array<Uint8Array> = []
          let size = 0
          for (;;) {
            const { done, value } = await reader.read()
            if (done) return concat(chunks, size)
            size += value.byteLength
            if (size > context.maxBytes) {
              cancel()
              return overLimit
            }
            chunks.push(value)
          }
        } finally {
          signal.removeEventListener("abort", cancel)
        }
      },
      catch: (cause) =>
        new HttpClientError.ResponseError({ request: response.request, response, reason: "Decode", cause })
    }),
    (bytes) => (bytes === overLimit ? Effect.fail(tooLarge(response, context)) : Effect.succeed(bytes))
  )

const readStream = (response: HttpClientResponse.HttpClientResponse, context: AttemptContext) =>
  Effect.suspend(() => {
    const chunks: Array<Uint8Array> = []
    let size = 0
    return response.stream.pipe(
      Stream.runForEach((chunk) => {
        size += chunk.byteLength
        if (size > context.maxBytes) return Effect.fail(tooLarge(response, context))
        chunks.push(chunk)
        return Effect.void
      }),
      Effect.map(() => concat(chunks, size)),
      Effect.catchIf(
        (error): error is HttpClientError.ResponseError =>
          error._tag === "ResponseError" && error.reason === "EmptyBody",
        () => Effect.succeed(new ArrayBuffer(0))
      )
    )
  })

const concat = (chunks: ReadonlyArray<Uint8Array>, size: number): ArrayBuffer => {
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out.buffer
}

/** Drops a body that will not be read (a redirect's, or one over the limit): the connection is closed. */
const discard = (response: HttpClientResponse.HttpClientResponse): Effect.Effect<void> => {
  const web = webResponseOf(response)
  return web === undefined
    ? Effect.ignore(Stream.runDrain(Stream.take(response.stream, 1)))
    : Effect.promise(() => web.body?.cancel().catch(() => undefined) ?? Promise.resolve())
}

/**
 * Builds the transport over any HttpClient.
 *
 * @since 0.1.0
 */
export const make = (
  settings: CrmConfig.CrmSettings,
  httpClient: HttpClient.HttpClient
): HttpClient.HttpClient.With<ApiError> => {
  const baseUrl = settings.apiUrl.toString().replace(/\/+$/, "")
  const apiOrigin = settings.apiUrl.origin
  const maxBytes = settings.maxResponseBytes
  const credentials = {
    accept: "application/json",
    authorization: `Bearer ${Redacted.value(settings.authToken)}`,
    [settings.apiKeyHeader.toLowerCase()]: Redacted.value(settings.apiKey)
  }

  // Server text (error objects, bodies, headers) and failure descriptions (fetch quotes invalid header
  // values) can carry a secret: every error leaves the transport scrubbed.
  const configuredSecrets = [Redacted.value(settings.authToken), Redacted.value(settings.apiKey)]
  const configuredScrub: Scrub = makeScrub(configuredSecrets)
  const defaultSchedule = retrySchedule(settings.retry)

  // The fetch client must hand redirects to the transport instead of following them with the
  // credentials. The context changes little between calls, so the last one is kept.
  let lastContext: Context.Context<never> | undefined
  let lastWithManualRedirects: Context.Context<never> = Context.empty()
  const manualRedirects = (context: Context.Context<never>): Context.Context<never> => {
    if (context !== lastContext) {
      const init = Option.getOrUndefined(Context.getOption(context, FetchHttpClient.RequestInit))
      lastWithManualRedirects = Context.add(context, FetchHttpClient.RequestInit, { ...init, redirect: "manual" })
      lastContext = context
    }
    return lastWithManualRedirects
  }

  // Likewise the redacted header names: the same list in, the same list out, without a copy per attempt.
  let lastNames: ReadonlyArray<string | RegExp> | undefined
  let lastWithSecrets: ReadonlyArray<string | RegExp> = secretHeaderNames
  const withSecretNames = (names: ReadonlyArray<string | RegExp>): ReadonlyArray<string | RegExp> => {
    if (names !== lastNames) {
      lastWithSecrets = [...names, ...secretHeaderNames]
      lastNames = names
    }
    return lastWithSecrets
  }

  const execute = (request: HttpClientRequest.HttpClientRequest) =>
    Effect.gen(function*() {
      nativeTracer ??= Effect.runSync(Effect.tracer)
      const call = yield* FiberRef.get(currentCallOptions)
      const requestId = call.requestId ?? crypto.randomUUID()
      const idempotencyKey = request.method !== "POST" || call.idempotencyKey === false
        ? undefined
        : call.idempotencyKey ?? (settings.idempotentPosts ? crypto.randomUUID() : undefined)
      let prepared = HttpClientRequest.setHeaders(
        HttpClientRequest.prependUrl(request, baseUrl),
        call.anonymous === true
          ? { ...call.headers, accept: credentials.accept, "x-request-id": requestId }
          : { ...call.headers, ...credentials, "x-request-id": requestId }
      )
      if (idempotencyKey !== undefined) {
        prepared = HttpClientRequest.setHeader(prepared, "idempotency-key", idempotencyKey)
      }
      const scrub = call.secrets === undefined || call.secrets.length === 0
        ? configuredScrub
        : makeScrub([...configuredSecrets, ...call.secrets])
      const url = describeUrl(prepared)
      const info: ExchangeInfo = {
        method: request.method,
        url: scrub === configuredScrub ? url : scrub(url),
        requestId
      }
      const context: AttemptContext = { info, apiOrigin, maxBytes }
      const timeout = call.timeout === undefined ? settings.timeout : Duration.decode(call.timeout)
      const attemptTimeout = () => new Timeout({ ...info, after: timeout, scope: "attempt" })

      const attempt = (makesNoSpans.has(httpClient) ? send(httpClient, prepared, context, 0) : Effect.withFiberRuntime<
        readonly [HttpClientResponse.HttpClientResponse, ArrayBuffer],
        ApiError | HttpClientError.HttpClientError
      >((fiber) => {
        // Without an installed tracer nobody reads the platform client's span: skipping it saves its
        // attributes, header redaction and trace headers on every attempt. With one, the span is
        // recorded with the credential headers redacted.
        // A call carrying its own secrets (in the URL) gets no platform span either: its URL would show them.
        return fiber.currentTracer === nativeTracer || scrub !== configuredScrub
          ? Effect.locally(send(httpClient, prepared, context, 0), HttpClient.currentTracerDisabledWhen, always)
          : Effect.locallyWith(send(httpClient, prepared, context, 0), Headers.currentRedactedNames, withSecretNames)
      })).pipe(
        Effect.map(([response, bytes]) => {
          // The body is read once, inside the attempt's timeout; decoding reads it from this copy,
          // and the text is decoded only if something asks for it (an error report).
          const exchange: Exchange = {
            ...info,
            status: response.status,
            contentType: response.headers["content-type"],
            get body() {
              return buffered.bodyText
            },
            scrub
          }
          const buffered = new BufferedResponse(response, bytes, exchange)
          return buffered
        }),
        (effect) => limitAttempt(effect, httpClient, prepared, timeout, attemptTimeout),
        Effect.catchTags({
          RequestError: (error) =>
            Effect.fail(
              error.cause instanceof AttemptTimedOut
                ? attemptTimeout()
                : new TransportError({ ...info, reason: causeMessage(error.cause) ?? error.reason })
            ),
          ResponseError: (error) =>
            Effect.fail(
              error.cause instanceof AttemptTimedOut
                ? attemptTimeout()
                : new TransportError({
                  ...info,
                  reason: `the response body could not be read (${causeMessage(error.cause) ?? error.reason})`
                })
            )
        }),
        Effect.flatMap((response) =>
          response.status >= 200 && response.status < 300
            ? Effect.succeed<HttpClientResponse.HttpClientResponse>(response)
            : Effect.fail(errorForStatus(info, response, response.bodyText))
        )
      )

      const policy = call.retry === undefined ? settings.retry : { ...settings.retry, ...call.retry }
      const mayRetry = policy.times > 0 &&
        (idempotentMethods.has(request.method) || idempotencyKey !== undefined)
      // The retry machinery (a schedule driver per call) is set up only once an attempt has failed
      // with a transient error: that error is replayed as the schedule's first input, so the attempts
      // and delays are those of `Effect.retry` around the first attempt.
      const retried = mayRetry
        ? Effect.catchAll(attempt, (first) => {
          if (!isTransient(first, policy)) return Effect.fail(first)
          let replay = true
          return Effect.retry(
            Effect.suspend(() => {
              if (!replay) return attempt
              replay = false
              return Effect.fail(first)
            }),
            {
              schedule: call.retry === undefined ? defaultSchedule : retrySchedule(policy),
              while: (error) => isTransient(error, policy)
            }
          )
        })
        : attempt
      const deadline = call.deadline === undefined ? settings.deadline : Option.some(Duration.decode(call.deadline))
      const whole = Option.match(deadline, {
        onNone: () => retried,
        onSome: (after) => timeoutFail(retried, after, () => new Timeout({ ...info, after, scope: "deadline" }))
      }).pipe(Effect.mapError((error) => scrubError(error, scrub)))
      // Without an installed tracer a span goes nowhere, and costs a good part of a call's CPU.
      return yield* Effect.withFiberRuntime<HttpClientResponse.HttpClientResponse, ApiError>((fiber) =>
        fiber.currentTracer === nativeTracer ? whole : Effect.withSpan(whole, "crm.request", {
          kind: "client",
          // A stack trace per call costs more than the rest of the span; the span's name and
          // attributes say where it comes from.
          captureStackTrace: false,
          attributes: { "http.request.method": request.method, "url.full": info.url, "crm.request_id": requestId }
        })
      )
    })

  // Only a client that may follow redirects (fetch) needs telling not to, on every call.
  const run = followsNoRedirects.has(httpClient)
    ? execute
    : (request: HttpClientRequest.HttpClientRequest) =>
      Effect.locallyWith(execute(request), FiberRef.currentContext, manualRedirects)

  return HttpClient.makeWith<never, never, ApiError, never>(
    (request) => Effect.flatMap(request, run),
    Effect.succeed
  )
}

/** Effect's own tracer, which fibers have when no tracer is installed (its spans go nowhere). */
let nativeTracer: Tracer.Tracer | undefined
const always = () => true

/** The clock fibers get when nothing replaces it (a TestClock does, in tests). */
let liveClock: Clock.Clock | undefined

/**
 * `Effect.timeoutFail`, with one forked fiber instead of two: the effect runs in a child fiber and a
 * timer interrupts it (which aborts its request) and fails with `onTimeout`. Only on the live clock;
 * under any other clock (a TestClock) it is `Effect.timeoutFail` itself, so time stays the clock's.
 */
const timeoutFail = <A, E, R>(
  self: Effect.Effect<A, E, R>,
  duration: Duration.Duration,
  onTimeout: () => Timeout
): Effect.Effect<A, E | Timeout, R> =>
  Effect.clockWith((clock) => {
    liveClock ??= Effect.runSync(Effect.clock)
    const millis = Duration.toMillis(duration)
    if (clock !== liveClock || !(millis <= maxTimerMillis)) {
      return Effect.timeoutFail(self, { duration, onTimeout })
    }
    return Effect.flatMap(Effect.fork(self), (fiber) =>
      Effect.async<A, E | Timeout>((resume) => {
        let done = false
        const timer = setTimeout(() => {
          if (done) return
          done = true
          resume(Effect.zipRight(Fiber.interrupt(fiber), Effect.fail(onTimeout())))
        }, millis)
        fiber.addObserver((exit) => {
          if (done) return
          done = true
          clearTimeout(timer)
          resume(exit)
        })
        // Interrupted from outside: stop the timer and wait for the request to be aborted.
        return Effect.suspend(() => {
          done = true
          clearTimeout(timer)
          return Fiber.interrupt(fiber)
        })
      }))
  })

/**
 * The per-attempt limit: kept by the client itself when it can (undici: the request's own abort
 * signal, armed until the body is read), else by `timeoutFail`'s timer fiber. Each attempt (a retry
 * too) gets the whole limit; a redirect followed within the attempt inherits what is left of it.
 */
const limitAttempt = <A, E, R>(
  self: Effect.Effect<A, E, R>,
  httpClient: HttpClient.HttpClient,
  request: HttpClientRequest.HttpClientRequest,
  duration: Duration.Duration,
  onTimeout: () => Timeout
): Effect.Effect<A, E | Timeout, R> => {
  const millis = Duration.toMillis(duration)
  if (!timesAttemptsOut.has(httpClient) || !(millis <= maxTimerMillis)) return timeoutFail(self, duration, onTimeout)
  return Effect.clockWith((clock) => {
    liveClock ??= Effect.runSync(Effect.clock)
    if (clock !== liveClock) return timeoutFail(self, duration, onTimeout)
    return Effect.suspend(() => {
      attemptEnds.set(request, Date.now() + millis)
      return self
    })
  })
}

/** The longest delay `setTimeout` honours. */
const maxTimerMillis = 2 ** 31 - 1

const describeUrl = (request: HttpClientRequest.HttpClientRequest): string => {
  if (request.urlParams.length === 0) return request.url
  const params = new URLSearchParams(request.urlParams as unknown as Array<[string, string]>).toString()
  return params === "" ? request.url : `${request.url}?${params}`
}

const causeMessage = (cause: unknown): string | undefined => {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause
    const code = inner instanceof Error ? (inner as { code?: string }).code ?? inner.message : undefined
    return code === undefined ? cause.message : `${cause.message} (${code})`
  }
  return undefined
}

/**
 * The transport from `CrmConfig` and an `HttpClient` in context. Credential headers are registered as
 * redacted for every request, so platform logs and spans never show them. Use it to choose the
 * `HttpClient` (redirects and the size limit are enforced by the transport over any of them).
 *
 * @example
 * ```ts
 * import { CrmConfig, CrmTransport } from "@blocks-crm/core-http"
 * import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
 * import { Layer } from "effect"
 *
 * // The transport over undici instead of the global fetch.
 * const transport = CrmTransport.layer.pipe(Layer.provide([CrmConfig.layerFromEnv(), NodeHttpClient.layerUndici]))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<CrmTransport, never, CrmConfig.CrmConfig | HttpClient.HttpClient> = Layer.effectContext(
  Effect.gen(function*() {
    const settings = yield* CrmConfig.CrmConfig
    const httpClient = yield* HttpClient.HttpClient
    return Context.make(CrmTransport, { settings, client: make(settings, httpClient), plainClient: httpClient })
  })
)

/**
 * Transport + settings from code, over the platform's fetch client. Fails to build with
 * `ConfigurationError` when an option is invalid.
 *
 * @example
 * ```ts
 * import { CrmTransport } from "@blocks-crm/core-http"
 *
 * const transport = CrmTransport.layerFetch({
 *   apiUrl: "https://crm.api.us.23blocks.com",
 *   authToken: process.env.BLOCKS_AUTH_TOKEN ?? "",
 *   apiKey: process.env.BLOCKS_API_KEY ?? "",
 *   timeout: "10 seconds"
 * })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFetch = (options: CrmConfig.CrmOptions) =>
  layer.pipe(Layer.provide([CrmConfig.layer(options), FetchHttpClient.layer]))

/**
 * Transport + settings from the environment (`BLOCKS_API_URL`, ...), over the platform's fetch client.
 * The usual way to run a domain service.
 *
 * @example
 * ```ts
 * import { CrmTransport } from "@blocks-crm/core-http"
 * import { LeadsService } from "@blocks-crm/pipeline"
 * import { Effect, Layer } from "effect"
 *
 * const leads = LeadsService.Default.pipe(Layer.provide(CrmTransport.layerFetchFromEnv()))
 * const firstPage = Effect.flatMap(LeadsService, (service) => service.list({ page: 1 }))
 * Effect.runPromise(Effect.provide(firstPage, leads)).then((page) => console.log(page.meta.totalRecords))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFetchFromEnv = (overrides?: Parameters<typeof CrmConfig.layerFromEnv>[0]) =>
  layer.pipe(Layer.provide([CrmConfig.layerFromEnv(overrides), FetchHttpClient.layer]))
