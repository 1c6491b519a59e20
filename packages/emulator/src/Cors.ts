/**
 * CORS, so a browser app (a team's SPA, the React example) can call the emulator: a preflight from an
 * allowed origin is answered with the headers the SDK sends, a response to it exposes the headers the
 * SDK reads, and any other origin gets no CORS header at all (a preflight from it is a 403).
 *
 * Not `HttpMiddleware.cors` from @effect/platform: it sends its allow, expose and credentials headers
 * to every origin (only `Access-Control-Allow-Origin` is left out for an unknown one) and adds a
 * response hook to every request. Here a request without `Origin` (any client but a browser) passes
 * straight through.
 */
import * as HttpApp from "@effect/platform/HttpApp"
import type * as HttpServerError from "@effect/platform/HttpServerError"
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Gates from "./internal/Gates.js"

/** The origins allowed when none are configured: pages served from loopback, on any port. */
export const defaultOrigins: ReadonlyArray<string> = ["http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"]

/** The headers the SDK sends, allowed on a preflight. */
export const allowedHeaders: ReadonlyArray<string> = [
  "Authorization",
  "AppId",
  "X-Api-Key",
  "Idempotency-Key",
  "X-Request-ID",
  "Content-Type"
]

/** The headers the SDK reads from a response, exposed to the page. */
export const exposedHeaders: ReadonlyArray<string> = ["X-Request-ID", "Retry-After"]

/** An origin pattern the emulator cannot use: said at start, not at the first request. */
export class CorsOriginError extends Data.TaggedError("CorsOriginError")<{ readonly origin: string }> {
  override get message() {
    return `--cors-origin ${this.origin} is not an origin: expected scheme://host[:port], scheme://host:* for any port, or *`
  }
}

const pattern = /^(https?):\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}|\*))?$/

/**
 * Whether an origin is allowed, from the configured patterns: an exact origin (`https://app.example`),
 * `scheme://host:*` for any port of a host, or `*` (any origin, and then no credentials).
 */
export const matcher = (origins: ReadonlyArray<string>): Effect.Effect<(origin: string) => boolean, CorsOriginError> =>
  Effect.gen(function*() {
    if (origins.includes("*")) return () => true
    const exact = new Set<string>()
    const anyPort: Array<string> = []
    for (const origin of origins) {
      const match = pattern.exec(origin)
      if (match === null) return yield* Effect.fail(new CorsOriginError({ origin }))
      if (match[3] === "*") anyPort.push(`${match[1]}://${match[2]!.toLowerCase()}:`)
      else exact.add(origin.toLowerCase())
    }
    return (origin) => {
      const lower = origin.toLowerCase()
      if (exact.has(lower)) return true
      for (const prefix of anyPort) {
        if (lower.startsWith(prefix) && /^\d{1,5}$/.test(lower.slice(prefix.length))) return true
      }
      return false
    }
  })

/**
 * The CORS step: outermost, so uploads and every error answer carry the headers too. With `*` the
 * answer is `Access-Control-Allow-Origin: *` without credentials; a named origin is echoed, with
 * `Access-Control-Allow-Credentials: true` and `Vary: Origin`.
 */
export const middleware = (origins: ReadonlyArray<string>, allows: (origin: string) => boolean) => {
  const wildcard = origins.includes("*")
  const allowOrigin = (origin: string): Record<string, string> =>
    wildcard
      ? { "access-control-allow-origin": "*" }
      : { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "Origin" }
  const exposed = exposedHeaders.join(", ")
  const preflight = {
    "access-control-allow-methods": "GET, HEAD, POST, PUT, PATCH, DELETE",
    "access-control-allow-headers": allowedHeaders.join(", "),
    "access-control-max-age": "600"
  }
  return Gates.middleware((_, request, app) => {
    const origin = request.headers["origin"]
    if (origin === undefined) return app
    const allowed = allows(origin)
    if (request.method === "OPTIONS" && request.headers["access-control-request-method"] !== undefined) {
      return Effect.succeed(
        allowed
          ? HttpServerResponse.empty({ status: 204, headers: { ...allowOrigin(origin), ...preflight } as any })
          : HttpServerResponse.empty({ status: 403 })
      )
    }
    if (!allowed) return app
    const headers = { ...allowOrigin(origin), "access-control-expose-headers": exposed }
    return Effect.zipRight(
      HttpApp.appendPreResponseHandler((_, response) =>
        Effect.succeed(HttpServerResponse.setHeaders(response, headers))
      ),
      app
    )
  }) as <E, R>(
    app: HttpApp.Default<E, R>
  ) => HttpApp.Default<E | HttpServerError.HttpServerError, R | HttpServerRequest.HttpServerRequest>
}
