/**
 * One attempt of a call in a browser (`#attempt` under the `browser` condition): the same names as
 * `attempt.ts`, with the code only other runtimes need left out.
 *
 * - Redirects are not followed here. The transport tells fetch not to follow any (`redirect: "manual"`,
 *   `redirects.ts`), and a browser's fetch then answers a redirect with an opaque response (status 0,
 *   no `Location`): there is nothing to follow, and nothing was sent to the other origin. A client that
 *   does hand back a 3xx (not fetch) gets it as an undeclared status; the credentials still never leave
 *   the configured API.
 * - A body from fetch is counted while it streams, as everywhere, announced length or not (it is not
 *   refused from its header first: the count stops it at the same limit, with the same
 *   `ResponseTooLarge`); another client's is read whole and then checked, failing the same way.
 * - No client has traits (`clientTraits.ts`): only the Node client, on undici, sets them, so the
 *   transport treats every client as fetch (told not to follow redirects, spans redacted, a timer per
 *   attempt), and no failure is a client's own cut at the attempt limit.
 * - Time limits race the call against a sleep (Effect's `timeoutFail`, without its combinator): the
 *   timer of Node's `timeoutFail` saves a fiber per attempt where requests are many; a browser's few
 *   calls do not need it.
 *
 * @internal
 */
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type { Timeout } from "../CrmError.js"
import type * as Default from "./attempt.js"
import { readFetched, readWhole } from "./bodyLimit.js"

export const send: typeof Default.send = (execute, request, context) =>
  Effect.flatMap(
    execute(request),
    (response) =>
      Effect.map(readFetched(response, context) ?? readWhole(response, context), (bytes) => [response, bytes] as const)
  )

const timedOut: unique symbol = Symbol("timedOut")

/**
 * `self`, or `onTimeout()` once `duration` has passed first (`self` is then interrupted): what
 * `Effect.timeoutFail` does, as a race between `self`'s outcome and a sleep, which Effect's runtime
 * already carries where `timeoutFail`'s own combinator would add to the bundle.
 */
const within = <A, E, R>(
  self: Effect.Effect<A, E, R>,
  duration: Duration.Duration,
  onTimeout: () => Timeout
): Effect.Effect<A, E | Timeout, R> =>
  Effect.flatMap(
    Effect.race(Effect.exit(self), Effect.as(Effect.sleep(duration), timedOut)),
    (outcome): Effect.Effect<A, E | Timeout> => outcome === timedOut ? Effect.fail(onTimeout()) : outcome
  )

export const timeoutFail: typeof Default.timeoutFail = within

export const traitsOf: typeof Default.traitsOf = () => undefined

export const isAttemptCut: typeof Default.isAttemptCut = () => false

/** No live clock is needed: the race above sleeps on whichever clock the fiber has. */
export const liveClock: typeof Default.liveClock = () => undefined

export const limitAttempt: typeof Default.limitAttempt = (attempt, execute, _executeUntil, duration, onTimeout) =>
  within(attempt(execute), duration, onTimeout)
