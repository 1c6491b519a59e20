/**
 * Every failure the SDK can report, as tagged errors in the error channel.
 *
 * HTTP errors carry what a caller needs to act or to ask support: the status, the request id, the method
 * and the URL (never a header, so never a secret).
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import type { ErrorObject } from "./JsonApi.js"

/**
 * One JSON:API error object, as the API sends it in `{"errors": [...]}`.
 *
 * @since 0.1.0
 */
export type ApiErrorObject = typeof ErrorObject.Type

/**
 * Where a failed exchange happened.
 *
 * @since 0.1.0
 */
export interface ExchangeInfo {
  readonly method: string
  /** Full URL without credentials (credentials only ever travel in headers). */
  readonly url: string
  readonly requestId: string
}

interface HttpErrorFields extends ExchangeInfo {
  readonly status: number
  readonly errors: ReadonlyArray<ApiErrorObject>
}

const describe = (self: HttpErrorFields, fallback: string): string => {
  const first = self.errors[0]
  const reason = first?.detail ?? first?.title ?? fallback
  return `${self.method} ${self.url} failed with ${self.status}: ${reason} (request id ${self.requestId})`
}

/**
 * 401: the token or the API key is missing or invalid.
 *
 * @since 0.1.0
 */
export class Unauthorized extends /* @__PURE__ */ Data.TaggedError("Unauthorized")<HttpErrorFields> {
  override get message() {
    return describe(this, "missing or invalid credentials")
  }
}

/**
 * 403: the credentials are valid but not allowed to do this.
 *
 * @since 0.1.0
 */
export class Forbidden extends /* @__PURE__ */ Data.TaggedError("Forbidden")<HttpErrorFields> {
  override get message() {
    return describe(this, "not allowed")
  }
}

/**
 * 404: the record does not exist (or belongs to another tenant).
 *
 * @since 0.1.0
 */
export class NotFound extends /* @__PURE__ */ Data.TaggedError("NotFound")<HttpErrorFields> {
  override get message() {
    return describe(this, "not found")
  }
}

/**
 * 409: the request conflicts with the record's current state.
 *
 * @since 0.1.0
 */
export class Conflict extends /* @__PURE__ */ Data.TaggedError("Conflict")<HttpErrorFields> {
  override get message() {
    return describe(this, "conflict")
  }
}

/**
 * 422: the API rejected the input. `errors` holds one object per problem, with `source.pointer` naming
 * the field (a JSON pointer into the request body, e.g. `/lead/name`).
 *
 * @since 0.1.0
 */
export class ValidationFailed extends /* @__PURE__ */ Data.TaggedError("ValidationFailed")<HttpErrorFields> {
  override get message() {
    const details = this.errors.map((e) =>
      [e.source?.pointer, e.detail ?? e.title].filter((part) => part !== undefined).join(": ")
    )
    return `${this.method} ${this.url} failed with ${this.status}: ${
      details.length > 0 ? details.join("; ") : "validation failed"
    } (request id ${this.requestId})`
  }
}

/**
 * 429: the API asks the client to slow down. Retried (see `RetryPolicy`), waiting `retryAfter` when the
 * API gives one, unless it is longer than `maxRetryAfter`.
 *
 * @since 0.1.0
 */
export class RateLimited extends /* @__PURE__ */ Data.TaggedError("RateLimited")<
  HttpErrorFields & {
    /** Parsed from `Retry-After` (seconds or an HTTP date). */
    readonly retryAfter: Option.Option<Duration.Duration>
  }
> {
  override get message() {
    return describe(this, "rate limited")
  }
}

/**
 * 5xx: the API failed. 500, 502, 503 and 504 are retried (see `RetryPolicy`), waiting `retryAfter` when
 * given; other 5xx statuses are not.
 *
 * @since 0.1.0
 */
export class ServerError extends /* @__PURE__ */ Data.TaggedError("ServerError")<
  HttpErrorFields & {
    /** Parsed from `Retry-After`, which a 503 may carry. */
    readonly retryAfter: Option.Option<Duration.Duration>
  }
> {
  override get message() {
    return describe(this, "server error")
  }
}

/**
 * One attempt took longer than its timeout, or the whole call passed its deadline.
 *
 * @since 0.1.0
 */
export class Timeout extends /* @__PURE__ */ Data.TaggedError("Timeout")<
  ExchangeInfo & {
    readonly after: Duration.DurationInput
    /** `attempt`: one attempt's timeout; `deadline`: the whole call's; `server`: the API answered 408. */
    readonly scope: "attempt" | "deadline" | "server"
  }
> {
  override get message() {
    const limit = this.scope === "server"
      ? "the server gave up (408)"
      : `${this.scope} limit ${Duration.format(this.after)}`
    return `${this.method} ${this.url} timed out (${limit}, request id ${this.requestId})`
  }
}

/**
 * The connection could not be made or broke (refused, reset, DNS, TLS).
 *
 * @since 0.1.0
 */
export class TransportError
  extends /* @__PURE__ */ Data.TaggedError("TransportError")<ExchangeInfo & { readonly reason: string }>
{
  override get message() {
    return `${this.method} ${this.url} could not reach the API: ${this.reason} (request id ${this.requestId})`
  }
}

/**
 * The caller cancelled the call (an AbortSignal, or the fiber was interrupted from the Promise face).
 *
 * @since 0.1.0
 */
export class Aborted extends /* @__PURE__ */ Data.TaggedError("Aborted")<Partial<ExchangeInfo>> {
  override get message() {
    return this.method === undefined ? "The call was aborted" : `${this.method} ${this.url} was aborted`
  }
}

/**
 * The API answered something the contract does not describe: an undeclared status, a body that is not
 * JSON, or JSON that does not match the schema (`path` names the offending field).
 *
 * @since 0.1.0
 */
export class UnexpectedResponse extends /* @__PURE__ */ Data.TaggedError("UnexpectedResponse")<
  ExchangeInfo & {
    readonly status: number
    readonly contentType: string | undefined
    /** The first characters of the body, for diagnosis. */
    readonly bodyExcerpt: string
    /** The decode path of the first mismatch, e.g. `data[3].attributes.name`, when the body was JSON. */
    readonly path: string | undefined
    readonly reason: string
  }
> {
  override get message() {
    const where = this.path === undefined ? "" : ` at ${this.path}`
    return `${this.method} ${this.url} answered ${this.status} with an unexpected body${where}: ${this.reason} (request id ${this.requestId})`
  }
}

/**
 * The API redirected the call to another origin (scheme, host or port) than the configured API. The
 * SDK does not follow it, so the credentials and the idempotency key are never sent there.
 *
 * @since 0.2.0
 */
export class CrossOriginRedirect extends /* @__PURE__ */ Data.TaggedError("CrossOriginRedirect")<
  ExchangeInfo & {
    readonly status: number
    /** Where the server pointed (without any user:password part). */
    readonly location: string
  }
> {
  override get message() {
    return `${this.method} ${this.url} was redirected (${this.status}) to ${this.location}, outside the configured API; the SDK does not follow redirects to another origin (request id ${this.requestId})`
  }
}

/**
 * A response body grew past `maxResponseBytes` (after decompression). It was not read further.
 *
 * @since 0.2.0
 */
export class ResponseTooLarge extends /* @__PURE__ */ Data.TaggedError("ResponseTooLarge")<
  ExchangeInfo & {
    readonly status: number
    /** The limit it passed, in bytes. */
    readonly maxBytes: number
  }
> {
  override get message() {
    return `${this.method} ${this.url} answered ${this.status} with a body larger than the ${
      formatBytes(this.maxBytes)
    } limit (maxResponseBytes) (request id ${this.requestId})`
  }
}

const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MiB`
    : bytes >= 1024 && bytes % 1024 === 0
    ? `${bytes / 1024} KiB`
    : `${bytes} bytes`

/**
 * An input failed validation before any request was sent.
 *
 * @since 0.1.0
 */
export class InvalidInput extends /* @__PURE__ */ Data.TaggedError("InvalidInput")<{
  readonly operation: string
  readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }>
}> {
  override get message() {
    return `Invalid input for ${this.operation}: ${
      this.issues.map((i) => `${i.path === "" ? "(input)" : i.path}: ${i.message}`).join("; ")
    }`
  }
}

/**
 * A listing that never ends: the server kept reporting more pages than a stream will follow
 * (`maxPages`). Raised by the stream itself, not by any one response.
 *
 * @since 0.1.0
 */
export class PageLimitExceeded extends /* @__PURE__ */ Data.TaggedError("PageLimitExceeded")<{
  readonly maxPages: number
  /** The `totalPages` the last page reported. */
  readonly reportedTotalPages: number
}> {
  override get message() {
    return `The listing did not end after ${this.maxPages} pages (the server reports ${this.reportedTotalPages})`
  }
}

/**
 * Configuration is missing or invalid. Lists every problem at once.
 *
 * @since 0.1.0
 */
export class ConfigurationError extends /* @__PURE__ */ Data.TaggedError("ConfigurationError")<{
  readonly problems: ReadonlyArray<{ readonly name: string; readonly problem: string }>
}> {
  override get message() {
    return `The CRM client is not configured:\n${this.problems.map((p) => `  ${p.name} - ${p.problem}`).join("\n")}`
  }
}

/**
 * Errors a request to the API can fail with.
 *
 * @since 0.1.0
 */
export type ApiError =
  | Unauthorized
  | Forbidden
  | NotFound
  | Conflict
  | ValidationFailed
  | RateLimited
  | ServerError
  | Timeout
  | TransportError
  | Aborted
  | UnexpectedResponse
  | CrossOriginRedirect
  | ResponseTooLarge

const apiErrorTags: ReadonlySet<string> = new Set<ApiError["_tag"]>([
  "Unauthorized",
  "Forbidden",
  "NotFound",
  "Conflict",
  "ValidationFailed",
  "RateLimited",
  "ServerError",
  "Timeout",
  "TransportError",
  "Aborted",
  "UnexpectedResponse",
  "CrossOriginRedirect",
  "ResponseTooLarge"
])

/**
 * Whether a value is one of the errors a request to the API fails with.
 *
 * @since 0.1.0
 */
export const isApiError = (u: unknown): u is ApiError =>
  typeof u === "object" && u !== null && "_tag" in u && typeof u._tag === "string" && apiErrorTags.has(u._tag)

/**
 * The first characters of a body, for error reports.
 *
 * @since 0.1.0
 */
export const excerpt = (body: string, max = 500): string => (body.length > max ? `${body.slice(0, max)}…` : body)

/**
 * Errors any SDK call can fail with: the API's, plus inputs rejected before sending.
 *
 * @since 0.1.0
 */
export type CrmError = ApiError | InvalidInput | PageLimitExceeded

/**
 * The status an error came with, if it came from an HTTP response.
 *
 * @since 0.1.0
 */
export const statusOf = (error: CrmError): Option.Option<number> =>
  "status" in error && typeof error.status === "number" ? Option.some(error.status) : Option.none()
