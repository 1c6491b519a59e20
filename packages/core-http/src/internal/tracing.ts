/**
 * Spans, only when someone reads them: with no tracer installed (fibers then have Effect's own, whose
 * spans go nowhere), a call records none, since a span costs a good part of a call's CPU. With one,
 * each call is a `crm.request` span, and the platform client's span is recorded with the credential
 * headers redacted.
 *
 * @internal
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"

/** Header names whose values never reach logs, spans or errors: the credentials and the idempotency key. @internal */
export const secretHeaderNames = ["authorization", "appid", "x-api-key", "idempotency-key"] as const

const always = () => true

/** The span attributes of a call. @internal */
export interface CallAttributes {
  readonly method: string
  readonly url: string
  readonly requestId: string
}

/**
 * The span helpers of one transport. `clientMakesSpans`: the client underneath records a span of its
 * own per request (the platform's clients do; the lean undici one does not).
 *
 * @internal
 */
export const makeTracing = (clientMakesSpans: boolean) => {
  // Effect's own tracer, which fibers have when no tracer is installed.
  const nativeTracer = Effect.runSync(Effect.tracer)

  // The redacted header names with the secret ones added: the same list in, the same list out,
  // without a copy per attempt.
  let lastNames: ReadonlyArray<string | RegExp> | undefined
  let lastWithSecrets: ReadonlyArray<string | RegExp> = secretHeaderNames
  const withSecretNames = (names: ReadonlyArray<string | RegExp>): ReadonlyArray<string | RegExp> => {
    if (names !== lastNames) {
      lastWithSecrets = [...names, ...secretHeaderNames]
      lastNames = names
    }
    return lastWithSecrets
  }

  /**
   * The platform client's span around one attempt, if any: skipped without an installed tracer
   * (saving its attributes, header redaction and trace headers on every attempt), and for a call
   * carrying its own secrets (in the URL, which the span would show).
   */
  const clientSpan = <A, E, R>(self: Effect.Effect<A, E, R>, ownSecrets: boolean): Effect.Effect<A, E, R> =>
    clientMakesSpans
      ? Effect.withFiberRuntime<A, E, R>((fiber) =>
        fiber.currentTracer === nativeTracer || ownSecrets
          ? Effect.locally(self, HttpClient.currentTracerDisabledWhen, always)
          : Effect.locallyWith(self, Headers.currentRedactedNames, withSecretNames)
      )
      : self

  /** The call's `crm.request` span, when a tracer is installed. */
  const callSpan = <A, E, R>(self: Effect.Effect<A, E, R>, call: CallAttributes): Effect.Effect<A, E, R> =>
    Effect.withFiberRuntime<A, E, R>((fiber) =>
      fiber.currentTracer === nativeTracer ? self : Effect.withSpan(self, "crm.request", {
        kind: "client",
        // A stack trace per call costs more than the rest of the span; the span's name and
        // attributes say where it comes from.
        captureStackTrace: false,
        attributes: { "http.request.method": call.method, "url.full": call.url, "crm.request_id": call.requestId }
      })
    )

  return { clientSpan, callSpan }
}
