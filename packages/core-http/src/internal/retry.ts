/**
 * The retry policy: which failures may succeed on another attempt, which methods may be sent again,
 * how long to wait (the configured backoff, or the server's `Retry-After`), and the retry loop itself.
 *
 * @internal
 */
import * as Chunk from "effect/Chunk"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Random from "effect/Random"
import type * as Schedule from "effect/Schedule"
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

/**
 * The wait before retry number `n` (from 0) after `error`, or `undefined` to stop: the server's
 * `Retry-After` when the error carries one, else the policy's backoff. The default backoff is
 * `Schedule.exponential(baseDelay, 2)`, jittered (×0.8 to ×1.2) and stopped after `times` retries,
 * computed here without Schedule's machinery; a policy's own `schedule` is stepped as `Effect.retry`
 * steps it (its decision's first interval starts when the retry is due).
 */
type Backoff = (error: ApiError, n: number) => Effect.Effect<number | undefined>

const retryAfterOf = (error: ApiError): number | undefined =>
  (error._tag === "RateLimited" || error._tag === "ServerError") && Option.isSome(error.retryAfter)
    ? Duration.toMillis(error.retryAfter.value)
    : undefined

const defaultBackoff = (policy: RetryPolicy): Backoff => {
  const base = Duration.toMillis(policy.baseDelay)
  return (error, n) =>
    Effect.map(Random.next, (random) => {
      if (n >= policy.times) return undefined
      const delay = base * 2 ** n
      return retryAfterOf(error) ?? delay * 0.8 * (1 - random) + delay * 1.2 * random
    })
}

/** Steps a policy's own schedule (its state kept per call), reading its decision as Schedule's driver does. */
const scheduleBackoff = (schedule: Schedule.Schedule<unknown, ApiError>): Backoff => {
  let state: unknown = schedule.initial
  return (error) =>
    Effect.clockWith((clock) =>
      Effect.flatMap(
        clock.currentTimeMillis,
        (now) =>
          Effect.map(schedule.step(now, error, state), ([next, _, decision]) => {
            state = next
            if (decision._tag === "Done") return undefined
            const first = Chunk.head(decision.intervals.intervals)
            return retryAfterOf(error) ?? (first._tag === "Some" ? first.value.startMillis : 0) - now
          })
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
 * `attempt`, retried on transient failures: after each one, the wait the backoff gives (nothing is
 * set up until an attempt has failed with a transient error), as long as the failures are transient
 * and the backoff goes on; then the last failure.
 *
 * @internal
 */
export const retrying = <A, R>(
  attempt: Effect.Effect<A, ApiError, R>,
  policy: RetryPolicy
): Effect.Effect<A, ApiError, R> =>
  Effect.catchAll(attempt, (first) => {
    const backoff = policy.schedule === undefined ? defaultBackoff(policy) : scheduleBackoff(policy.schedule)
    const retry = (error: ApiError, n: number): Effect.Effect<A, ApiError, R> =>
      isTransient(error, policy)
        ? Effect.flatMap(backoff(error, n), (millis) =>
          millis === undefined
            ? Effect.fail(error)
            : Effect.catchAll(
              millis > 0 ? Effect.zipRight(Effect.sleep(Duration.millis(millis)), attempt) : attempt,
              (next) => retry(next, n + 1)
            ))
        : Effect.fail(error)
    return retry(first, 0)
  })
