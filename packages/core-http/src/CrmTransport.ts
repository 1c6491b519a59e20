/**
 * The one transport every domain shares: base URL, auth headers, request ids, idempotency keys,
 * per-attempt timeouts, the retry policy, an optional deadline, and the mapping of every HTTP status to a
 * tagged error. Domain clients are derived from their contracts on top of it (see `ApiClient`).
 *
 * @since 0.1.0
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import { dual } from "effect/Function"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { limitAttempt, liveClock as currentLiveClock, send, timeoutFail, traitsOf } from "#attempt"
import * as CrmConfig from "./CrmConfig.js"
import type { RetryPolicy } from "./CrmConfig.js"
import { Timeout } from "./CrmError.js"
import type { ApiError, ExchangeInfo } from "./CrmError.js"
import { BufferedResponse } from "./internal/bufferedResponse.js"
import * as ErrorMapping from "./internal/errorMapping.js"
import { makeScrub, scrubError } from "./internal/redact.js"
import type { Scrub } from "./internal/redact.js"
import { makeManualRedirects } from "./internal/redirects.js"
import type { AttemptContext, Execute } from "./internal/redirects.js"
import * as Retry from "./internal/retry.js"
import * as Tracing from "./internal/tracing.js"

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

/**
 * Header names whose values never reach logs, spans or errors: the credentials and the idempotency key.
 *
 * @since 0.1.0
 */
export const secretHeaderNames: readonly ["authorization", "appid", "x-api-key", "idempotency-key"] =
  Tracing.secretHeaderNames

/**
 * Parses `Retry-After`: delta-seconds or an HTTP date.
 *
 * @since 0.1.0
 */
export const parseRetryAfter: (value: string | undefined, now?: number) => Option.Option<Duration.Duration> =
  Retry.parseRetryAfter

/**
 * Whether an error may succeed on another attempt (the method rule is applied separately).
 *
 * @since 0.1.0
 */
export const isTransient: (error: ApiError, policy: RetryPolicy) => boolean = Retry.isTransient

/**
 * Turns a non-2xx response into the SDK's error for its status.
 *
 * @since 0.1.0
 */
export const errorForStatus: (
  info: ExchangeInfo,
  response: HttpClientResponse.HttpClientResponse,
  body: string
) => ApiError = ErrorMapping.errorForStatus

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

  const traits = traitsOf(httpClient)
  const execute: Execute = (request) => httpClient.execute(request)
  const tracing = Tracing.makeTracing(traits?.makesNoSpans !== true)
  // The clock fibers get when nothing replaces it (a TestClock does, in tests).
  const liveClock = currentLiveClock()

  /** The request as sent: the base URL, credentials (unless anonymous), request id and idempotency key. */
  const prepare = (request: HttpClientRequest.HttpClientRequest, options: CallOptions) => {
    const requestId = options.requestId ?? crypto.randomUUID()
    const idempotencyKey = request.method !== "POST" || options.idempotencyKey === false
      ? undefined
      : options.idempotencyKey ?? (settings.idempotentPosts ? crypto.randomUUID() : undefined)
    const prepared = HttpClientRequest.setHeaders(
      HttpClientRequest.prependUrl(request, baseUrl),
      options.anonymous === true
        ? { ...options.headers, accept: credentials.accept, "x-request-id": requestId }
        : { ...options.headers, ...credentials, "x-request-id": requestId }
    )
    return {
      requestId,
      idempotencyKey,
      prepared: idempotencyKey === undefined
        ? prepared
        : HttpClientRequest.setHeader(prepared, "idempotency-key", idempotencyKey)
    }
  }

  /** One call: an attempt within its limit, retries, the deadline, scrubbed errors, a span. */
  const call = (request: HttpClientRequest.HttpClientRequest) =>
    Effect.flatMap(FiberRef.get(currentCallOptions), (options) => {
      const { idempotencyKey, prepared, requestId } = prepare(request, options)
      const scrub = options.secrets === undefined || options.secrets.length === 0
        ? configuredScrub
        : makeScrub([...configuredSecrets, ...options.secrets])
      const url = describeUrl(prepared)
      const info: ExchangeInfo = {
        method: request.method,
        url: scrub === configuredScrub ? url : scrub(url),
        requestId
      }
      const context: AttemptContext = { info, apiOrigin, maxBytes }
      const timeout = options.timeout === undefined ? settings.timeout : Duration.decode(options.timeout)
      const attemptTimeout = () => new Timeout({ ...info, after: timeout, scope: "attempt" })

      const attempt = limitAttempt(
        (execute) =>
          Effect.map(
            tracing.clientSpan(send(execute, prepared, context), scrub !== configuredScrub),
            ([response, bytes]) => buffer(response, bytes, info, scrub)
          ),
        execute,
        traits?.executeUntil,
        timeout,
        attemptTimeout,
        liveClock
      ).pipe(
        (effect) => ErrorMapping.mapClientErrors(effect, info, attemptTimeout),
        Effect.flatMap((response) => ErrorMapping.successOrError(info, response))
      )

      const policy = options.retry === undefined ? settings.retry : { ...settings.retry, ...options.retry }
      const retried = Retry.mayRetry(policy, request.method, idempotencyKey)
        ? Retry.retrying(attempt, policy)
        : attempt
      const deadline = options.deadline === undefined
        ? settings.deadline
        : Option.some(Duration.decode(options.deadline))
      const whole = Option.match(deadline, {
        onNone: () => retried,
        onSome: (after) =>
          timeoutFail(retried, after, () => new Timeout({ ...info, after, scope: "deadline" }), liveClock)
      }).pipe(Effect.mapError((error) => scrubError(error, scrub)))
      return tracing.callSpan<HttpClientResponse.HttpClientResponse, ApiError, never>(whole, info)
    })

  // Only a client that may follow redirects (fetch) needs telling not to, on every call.
  const run = traits?.followsNoRedirects === true ? call : (() => {
    const manualRedirects = makeManualRedirects()
    return (request: HttpClientRequest.HttpClientRequest) => manualRedirects(call(request))
  })()

  return HttpClient.makeWith<never, never, ApiError, never>(
    (request) => Effect.flatMap(request, run),
    Effect.succeed
  )
}

/**
 * The response with its body read once, inside the attempt's timeout: decoding reads it from this
 * copy, and the text is decoded only if something asks for it (an error report).
 */
const buffer = (
  response: HttpClientResponse.HttpClientResponse,
  bytes: ArrayBuffer,
  info: ExchangeInfo,
  scrub: Scrub
): BufferedResponse => {
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
}

const describeUrl = (request: HttpClientRequest.HttpClientRequest): string => {
  if (request.urlParams.length === 0) return request.url
  const params = new URLSearchParams(request.urlParams as unknown as Array<[string, string]>).toString()
  return params === "" ? request.url : `${request.url}?${params}`
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
