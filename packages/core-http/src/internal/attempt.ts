/**
 * One attempt of a call (`#attempt`, the package's `imports`): sending it, with its redirects and the
 * body's size limit, and its time limit, and what the transport asks of the client underneath. This is
 * what every runtime but a browser loads; `attempt.browser.ts` has the same names for browsers, where
 * `fetch` itself answers for redirects and no client has traits.
 *
 * @internal
 */
import type * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import { AttemptTimedOut } from "./clientTraits.js"

export { limitAttempt, timeoutFail } from "./attemptLimit.js"
export { traitsOf } from "./clientTraits.js"
export { send } from "./redirects.js"

/** Whether a client's failure is its `executeUntil` cutting the attempt off at its limit. */
export const isAttemptCut = (cause: unknown): boolean => cause instanceof AttemptTimedOut

/** The clock fibers get when nothing replaces it (a TestClock does, in tests): the time limits' timers need it. */
export const liveClock = (): Clock.Clock | undefined => Effect.runSync(Effect.clock)
