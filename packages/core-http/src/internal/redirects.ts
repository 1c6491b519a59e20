/**
 * Redirects, followed by the transport itself so that credentials and idempotency keys never reach
 * another origin: the client underneath is told not to follow any (fetch: `redirect: "manual"`;
 * undici's `request` never does), same-origin redirects are followed within the attempt (at most 5),
 * and a redirect to another origin fails (`CrossOriginRedirect`) before anything is sent there.
 *
 * @internal
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Headers from "@effect/platform/Headers"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Option from "effect/Option"
import { CrossOriginRedirect, UnexpectedResponse } from "../CrmError.js"
import type { ApiError } from "../CrmError.js"
import { discard, readBody } from "./bodyLimit.js"
import type { BodyLimit } from "./bodyLimit.js"

/** Same-origin redirects followed within one attempt. */
const maxRedirects = 5
const redirectStatuses = new Set([301, 302, 303, 307, 308])

/** What one attempt needs to know to follow redirects and report a failure. @internal */
export interface AttemptContext extends BodyLimit {
  readonly apiOrigin: string
}

/** Sends one request of an attempt (each redirect is one more). @internal */
export type Execute = (
  request: HttpClientRequest.HttpClientRequest
) => Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>

/**
 * Sends `request` and reads its body, following same-origin redirects: the response and its body
 * (within the size limit).
 *
 * @internal
 */
export const send = (
  execute: Execute,
  request: HttpClientRequest.HttpClientRequest,
  context: AttemptContext,
  hops = 0
): Effect.Effect<
  readonly [HttpClientResponse.HttpClientResponse, ArrayBuffer],
  ApiError | HttpClientError.HttpClientError
> =>
  Effect.flatMap(execute(request), (response) => {
    const location = redirectStatuses.has(response.status) ? response.headers["location"] : undefined
    if (location === undefined) return Effect.map(readBody(response, context), (bytes) => [response, bytes] as const)
    return Effect.zipRight(discard(response), follow(execute, request, response.status, location, context, hops))
  })

const follow = (
  execute: Execute,
  request: HttpClientRequest.HttpClientRequest,
  status: number,
  location: string,
  context: AttemptContext,
  hops: number
) => {
  const unexpected = (reason: string) =>
    Effect.fail(
      new UnexpectedResponse({
        ...context.info,
        status,
        contentType: undefined,
        bodyExcerpt: "",
        path: undefined,
        reason
      })
    )
  let target: URL
  try {
    target = new URL(location, request.url)
  } catch {
    return unexpected("a redirect to an invalid Location")
  }
  if (target.origin !== context.apiOrigin) {
    target.username = ""
    target.password = ""
    return Effect.fail(new CrossOriginRedirect({ ...context.info, status, location: target.href }))
  }
  if (hops >= maxRedirects) return unexpected(`more than ${maxRedirects} redirects`)
  return send(execute, redirected(request, status, target), context, hops + 1)
}

/** The request a redirect asks for: 303 (and 301/302 after a POST) become a GET without body, as fetch does. */
const redirected = (request: HttpClientRequest.HttpClientRequest, status: number, target: URL) => {
  const toGet = status === 303
    ? request.method !== "GET" && request.method !== "HEAD"
    : (status === 301 || status === 302) && request.method === "POST"
  if (toGet) {
    return HttpClientRequest.get(target.href, {
      headers: Headers.remove(request.headers, ["idempotency-key", "content-type", "content-length"])
    })
  }
  return HttpClientRequest.removeHash(
    HttpClientRequest.setUrlParams(HttpClientRequest.setUrl(request, target.href), UrlParams.empty)
  )
}

/**
 * For a client that may follow redirects (fetch): runs `self` with the fetch client told not to.
 * The context changes little between calls, so the last one is kept (per transport).
 *
 * @internal
 */
export const makeManualRedirects = () => {
  let lastContext: Context.Context<never> | undefined
  let lastWithManualRedirects: Context.Context<never> = Context.empty()
  const manualRedirects = (context: Context.Context<never>): Context.Context<never> => {
    if (context !== lastContext) {
      const init = Option.getOrUndefined(Context.getOption(context, FetchHttpClient.RequestInit))
      lastWithManualRedirects = Context.add(context, FetchHttpClient.RequestInit, { ...init, redirect: "manual" })
      lastContext = context
    }
    return lastWithManualRedirects
  }
  return <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.locallyWith(self, FiberRef.currentContext, manualRedirects)
}
