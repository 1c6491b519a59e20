/**
 * What the transport may assume of an HttpClient, carried by the client itself (a property under
 * `traitsKey`), so no registry is kept beside it. A client without traits is any platform client:
 * the transport tells it not to follow redirects and keeps each attempt's limit with a timer of its own.
 *
 * @internal
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import type * as Effect from "effect/Effect"

/** @internal */
export interface ClientTraits {
  /** The client hands every 3xx back as it came (undici's `request` does): no need to say `redirect: "manual"`. */
  readonly followsNoRedirects: boolean
  /** The client records no span of its own (so no span needs its headers redacted). */
  readonly makesNoSpans: boolean
  /**
   * Sends `request` and cuts it off at `endsAt` (epoch milliseconds), until its body is read or
   * dropped, failing with an `AttemptTimedOut` cause: the transport then needs no timer fiber of its
   * own per attempt. Absent when the client cannot.
   */
  readonly executeUntil?: (
    request: HttpClientRequest.HttpClientRequest,
    endsAt: number
  ) => Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>
}

/** @internal */
export const traitsKey: unique symbol = Symbol.for("@blocks-crm/core-http/ClientTraits")

/** `client`, carrying `traits`. @internal */
export const withTraits = <C extends HttpClient.HttpClient>(client: C, traits: ClientTraits): C =>
  Object.defineProperty(client, traitsKey, { value: traits, enumerable: false })

/** The traits a client carries, if any. @internal */
export const traitsOf = (client: HttpClient.HttpClient): ClientTraits | undefined =>
  (client as { readonly [traitsKey]?: ClientTraits })[traitsKey]

/** The cause of a request cut off at its attempt limit. @internal */
export class AttemptTimedOut extends Error {
  constructor() {
    super("the attempt limit was reached")
    this.name = "AttemptTimedOut"
  }
}
