/**
 * Time limits: each attempt's (`timeout`) and the whole call's (`deadline`). Each attempt (a retry
 * too) gets the whole attempt limit; a redirect followed within the attempt inherits what is left of it.
 *
 * @internal
 */
import type * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import type { Timeout } from "../CrmError.js"
import type { ClientTraits } from "./clientTraits.js"
import type { Execute } from "./redirects.js"

/** The longest delay `setTimeout` honours. */
const maxTimerMillis = 2 ** 31 - 1

/**
 * `Effect.timeoutFail`, with one forked fiber instead of two: the effect runs in a child fiber and a
 * timer interrupts it (which aborts its request) and fails with `onTimeout`. Only on the live clock
 * (`liveClock`, the one fibers get when nothing replaces it); under any other clock (a TestClock) it
 * is `Effect.timeoutFail` itself, so time stays the clock's.
 *
 * @internal
 */
export const timeoutFail = <A, E, R>(
  self: Effect.Effect<A, E, R>,
  duration: Duration.Duration,
  onTimeout: () => Timeout,
  liveClock: Clock.Clock | undefined
): Effect.Effect<A, E | Timeout, R> =>
  Effect.clockWith((clock) => {
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
 * One attempt, `attempt` sending through `execute`, within `duration`: kept by the client itself
 * when it can (`executeUntil`: undici's own abort signal, armed until the body is read), else by
 * `timeoutFail`'s timer fiber.
 *
 * @internal
 */
export const limitAttempt = <A, E, R>(
  attempt: (execute: Execute) => Effect.Effect<A, E, R>,
  execute: Execute,
  executeUntil: ClientTraits["executeUntil"],
  duration: Duration.Duration,
  onTimeout: () => Timeout,
  liveClock: Clock.Clock | undefined
): Effect.Effect<A, E | Timeout, R> => {
  const millis = Duration.toMillis(duration)
  if (executeUntil === undefined || !(millis <= maxTimerMillis)) {
    return timeoutFail(attempt(execute), duration, onTimeout, liveClock)
  }
  return Effect.clockWith((clock) => {
    if (clock !== liveClock) return timeoutFail(attempt(execute), duration, onTimeout, liveClock)
    return Effect.suspend(() => {
      const endsAt = Date.now() + millis
      return attempt((request) => executeUntil(request, endsAt))
    })
  })
}
