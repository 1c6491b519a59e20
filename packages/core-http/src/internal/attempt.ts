/**
 * One attempt of a call (`#attempt`, the package's `imports`): sending it, with its redirects and the
 * body's size limit, and its time limit. This is what every runtime but a browser loads;
 * `attempt.browser.ts` has the same names for browsers, where `fetch` itself answers for redirects.
 *
 * @internal
 */
export { limitAttempt, timeoutFail } from "./attemptLimit.js"
export { send } from "./redirects.js"
