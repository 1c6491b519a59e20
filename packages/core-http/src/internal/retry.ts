/**
 * The retry policy: which failures may succeed on another attempt, which methods may be sent again,
 * how long to wait (the configured backoff, or the server's `Retry-After`), and the retry loop itself.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schedule from "effect/Schedule"
import type { RetryPolicy } from "../CrmConfig.js"
import type { ApiError } from "../CrmError.js"

const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"])
const retryableStatuses = new Set([408, 429, 500, 502, 503, 504])

/** Parses `Retry-After`: delta-seconds or an HTTP date. @internal */
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

/** Whether an error may succeed on another attempt (the method rule is applied separately). @internal */
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

/** The delays between attempts: the policy's backoff, or a server's `Retry-After` for that retry. @internal */
export const retrySchedule = (policy: RetryPolicy): Schedule.Schedule<unknown, ApiError> => {
  const backoff: Schedule.Schedule<unknown, ApiError> = policy.schedule ??
    Schedule.exponential(policy.baseDelay, 2).pipe(Schedule.jittered, Schedule.intersect(Schedule.recurs(policy.times)))
  return Schedule.passthrough(backoff).pipe(
    Schedule.modifyDelay((error, delay) =>
      (error._tag === "RateLimited" || error._tag === "ServerError") && Option.isSome(error.retryAfter)
        ? error.retryAfter.value
        : delay
    )
  )
}

/**
 * Whether a request may be sent again at all: the policy allows retries, and the method is
 * idempotent or the POST carries an idempotency key.
 *
 * @internal
 */
export const mayRetry = (policy: RetryPolicy, method: string, idempotencyKey: string | undefined): boolean =>
  policy.times > 0 && (idempotentMethods.has(method) || idempotencyKey !== undefined)

/**
 * `attempt`, retried on transient failures by `schedule`. The retry machinery (a schedule driver per
 * call) is set up only once an attempt has failed with a transient error: that error is replayed as
 * the schedule's first input, so the attempts and delays are those of `Effect.retry` around the first
 * attempt.
 *
 * @internal
 */
export const retrying = <A, R>(
  attempt: Effect.Effect<A, ApiError, R>,
  policy: RetryPolicy,
  schedule: Schedule.Schedule<unknown, ApiError>
): Effect.Effect<A, ApiError, R> =>
  Effect.catchAll(attempt, (first) => {
    if (!isTransient(first, policy)) return Effect.fail(first)
    let replay = true
    return Effect.retry(
      Effect.suspend(() => {
        if (!replay) return attempt
        replay = false
        return Effect.fail(first)
      }),
      { schedule, while: (error) => isTransient(error, policy) }
    )
  })
