/**
 * Where a failed exchange becomes the SDK's error: a non-2xx status (reading the JSON:API `errors`
 * array), and a request or body read that broke on the way (`TransportError`, or `Timeout` when the
 * attempt limit cut it off).
 *
 * @internal
 */
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import {
  Conflict,
  excerpt,
  Forbidden,
  NotFound,
  RateLimited,
  ServerError,
  Timeout,
  TransportError,
  Unauthorized,
  UnexpectedResponse,
  ValidationFailed
} from "../CrmError.js"
import type { ApiError, ApiErrorObject, ExchangeInfo } from "../CrmError.js"
import { ErrorObjectFromResponse } from "../JsonApi.js"
import { isAttemptCut } from "#attempt"
import { parseRetryAfter } from "./retry.js"

const decodeErrors = Schema.decodeUnknownEither(Schema.Struct({ errors: Schema.Array(Schema.Unknown) }))
const decodeErrorObject = Schema.decodeUnknownEither(ErrorObjectFromResponse)

/**
 * The error objects of a failure's body (JSON with an `errors` array), each read on its own: one a
 * server wrote oddly (not an object, a member of another type) is left out rather than hiding the others.
 */
const errorObjectsOf = (body: string): ReadonlyArray<ApiErrorObject> => {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return []
  }
  const doc = decodeErrors(json)
  return doc._tag === "Left" ? [] : doc.right.errors.flatMap((error) => {
    const decoded = decodeErrorObject(error)
    return decoded._tag === "Left" ? [] : [decoded.right]
  })
}

/** Turns a non-2xx response into the SDK's error for its status. @internal */
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

/** The response when its status is 2xx, else the SDK's error for its status (read from its buffered text). @internal */
export const successOrError = <R extends HttpClientResponse.HttpClientResponse & { readonly bodyText: string }>(
  info: ExchangeInfo,
  response: R
): Effect.Effect<R, ApiError> =>
  response.status >= 200 && response.status < 300
    ? Effect.succeed(response)
    : Effect.fail(errorForStatus(info, response, response.bodyText))

/**
 * The platform client's failures as the SDK's: a request that could not be sent or a body that could
 * not be read is a `TransportError` (with the system's error code when there is one); either cut off
 * by the attempt limit is the attempt's `Timeout`.
 *
 * @internal
 */
export const mapClientErrors = <A, R>(
  self: Effect.Effect<A, ApiError | HttpClientError.HttpClientError, R>,
  info: ExchangeInfo,
  attemptTimeout: () => Timeout
): Effect.Effect<A, ApiError, R> =>
  Effect.catchAll(self, (error) =>
    Effect.fail(
      error._tag !== "RequestError" && error._tag !== "ResponseError"
        ? error
        : isAttemptCut(error.cause)
        ? attemptTimeout()
        : new TransportError({
          ...info,
          reason: error._tag === "RequestError"
            ? causeMessage(error.cause) ?? error.reason
            : `the response body could not be read (${causeMessage(error.cause) ?? error.reason})`
        })
    ))

const causeMessage = (cause: unknown): string | undefined => {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause
    const code = inner instanceof Error ? (inner as { code?: string }).code ?? inner.message : undefined
    return code === undefined ? cause.message : `${cause.message} (${code})`
  }
  return undefined
}
