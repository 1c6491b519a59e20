/**
 * One attempt of a call in a browser (`#attempt` under the `browser` condition): the same names as
 * `attempt.ts`, with the code only other runtimes need left out.
 *
 * - Redirects are not followed here. The transport tells fetch not to follow any (`redirect: "manual"`,
 *   `redirects.ts`), and a browser's fetch then answers a redirect with an opaque response (status 0,
 *   no `Location`): there is nothing to follow, and nothing was sent to the other origin. A client that
 *   does hand back a 3xx (not fetch) gets it as an undeclared status; the credentials still never leave
 *   the configured API.
 * - A body from fetch is counted while it streams, as everywhere; another client's is read whole and
 *   then checked, failing with the same `ResponseTooLarge`.
 * - Time limits are `Effect.timeoutFail`: the timer of Node's `timeoutFail` saves a fiber per attempt
 *   where requests are many; a browser's few calls do not need it.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import type * as Default from "./attempt.js"
import { readKnown, readWhole } from "./bodyLimit.js"

export const send: typeof Default.send = (execute, request, context) =>
  Effect.flatMap(
    execute(request),
    (response) =>
      Effect.map(readKnown(response, context) ?? readWhole(response, context), (bytes) => [response, bytes] as const)
  )

export const timeoutFail: typeof Default.timeoutFail = (self, duration, onTimeout) =>
  Effect.timeoutFail(self, { duration, onTimeout })

export const limitAttempt: typeof Default.limitAttempt = (attempt, execute, _executeUntil, duration, onTimeout) =>
  Effect.timeoutFail(attempt(execute), { duration, onTimeout })
