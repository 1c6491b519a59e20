/**
 * What the transport may assume of an HttpClient. A client listed in `followsNoRedirects` hands every
 * 3xx back as it came (undici's `request` does), so the transport need not tell it not to follow. A
 * client listed in `timesAttemptsOut` enforces the limit the transport sets on a request in
 * `attemptEnds` (until its body is read or dropped), failing with an `AttemptTimedOut` cause: the
 * transport then needs no timer fiber of its own per attempt.
 *
 * @internal
 */
export const followsNoRedirects = new WeakSet<object>()

/** @internal */
export const timesAttemptsOut = new WeakSet<object>()

/** A client that records no span of its own (so no span needs its headers redacted). @internal */
export const makesNoSpans = new WeakSet<object>()

/** When the current attempt of a request ends (epoch milliseconds), for a client in `timesAttemptsOut`. @internal */
export const attemptEnds = new WeakMap<object, number>()

/** The cause of a request cut off at its attempt limit. @internal */
export class AttemptTimedOut extends Error {
  constructor() {
    super("the attempt limit was reached")
    this.name = "AttemptTimedOut"
  }
}
