/**
 * The emulator's checks in front of its routes, run as one step per request.
 *
 * Most of the middlewares around the emulator's router (CORS, presigned uploads, body policy, the
 * caller, idempotency keys, JSON nesting) look at the request and pass nearly every request on
 * unchanged. Served as middlewares, each is an Effect step of its own on every request. Written as a
 * gate (the check, given the request and what comes next), they are asked one after the other in
 * one step: while each answers `next` itself (the request passes), the next gate is asked; the
 * first that answers anything else takes the request over, with the remaining gates around the app
 * as its `next`. The order and every answer are those of the middlewares nested outside in.
 *
 * @internal
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import type { HttpMiddlewareFn } from "../HttpMiddlewareFn.js"

type App = Effect.Effect<HttpServerResponse.HttpServerResponse, any, any>

/**
 * A check in front of the app: `next` itself to pass the request on (with no change to the fiber's
 * context), or the effect that answers it instead (which may run `next`).
 */
export type Gate = (fiber: Fiber.RuntimeFiber<any, any>, request: HttpServerRequest.HttpServerRequest, next: App) => App

const gates = new WeakMap<Function, Gate>()

/** The gate as a middleware, with the gate kept for `around`. */
export const middleware = <R>(gate: Gate): HttpMiddlewareFn<R> => {
  const middleware =
    ((app: App) =>
      Effect.withFiberRuntime<HttpServerResponse.HttpServerResponse, any, any>((fiber) =>
        gate(fiber, Context.unsafeGet(fiber.currentContext, HttpServerRequest.HttpServerRequest), app)
      )) as unknown as HttpMiddlewareFn<R>
  gates.set(middleware, gate)
  return middleware
}

/** A middleware as `app => app'`, whatever it requires. */
type Middleware = (app: App) => App

/**
 * `middlewares` (outermost first) around `app`, as nesting them would: consecutive gates run in one
 * step, any other middleware as it is.
 */
export const around = (middlewares: ReadonlyArray<Middleware>, app: App): App => {
  if (middlewares.length === 0) return app
  const first = middlewares[0]!
  const firstGate = gates.get(first)
  if (firstGate === undefined) return first(around(middlewares.slice(1), app))
  // The leading run of gates, then whatever follows them.
  let count = 1
  while (count < middlewares.length && gates.has(middlewares[count]!)) count++
  return fused(
    middlewares.slice(0, count).map((middleware) => gates.get(middleware)!),
    around(middlewares.slice(count), app)
  )
}

/** The gates of `run` in one step, then `rest`. */
const fused = (run: ReadonlyArray<Gate>, rest: App): App => {
  // What follows gate i when it takes the request over: the gates after it, then the rest.
  const after = run.map((_, i) => i === run.length - 1 ? rest : fused(run.slice(i + 1), rest))
  return Effect.withFiberRuntime<HttpServerResponse.HttpServerResponse, any, any>((fiber) => {
    const request = Context.unsafeGet(fiber.currentContext, HttpServerRequest.HttpServerRequest)
    for (let i = 0; i < run.length; i++) {
      const next = after[i]!
      const answer = run[i]!(fiber, request, next)
      if (answer !== next) return answer
    }
    return rest
  })
}
