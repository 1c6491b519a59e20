import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import type * as Effect from "effect/Effect"

/** A function around the whole HTTP app; it may read the request and change the response. */
export type HttpMiddlewareFn<Requires = never> = <E, R>(
  app: Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
) => Effect.Effect<HttpServerResponse.HttpServerResponse, E, R | Requires | HttpServerRequest.HttpServerRequest>
