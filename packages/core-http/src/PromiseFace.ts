/**
 * Turns an Effect service into Promise-returning methods for code that does not use Effect:
 * `await leads.list({ page: 2 }, { signal, timeout: 5_000 })`. Each method takes the service method's
 * arguments plus an optional trailing `RequestOptions`; `stream` methods become async iterables.
 * A failure rejects with the SDK's tagged error itself (`err._tag === "NotFound"`), never a wrapper.
 *
 * @since 0.1.0
 */
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { Aborted } from "./CrmError.js"
import { withCallOptions } from "./CrmTransport.js"
import type { CallOptions } from "./CrmTransport.js"

/**
 * Per-call options of the Promise face.
 *
 * @since 0.1.0
 */
export interface RequestOptions {
  /** Cancels the call (and the request in flight); the promise rejects with `Aborted`. */
  readonly signal?: AbortSignal | undefined
  /** Per-attempt timeout, in milliseconds or as an Effect duration. */
  readonly timeout?: number | Duration.DurationInput | undefined
  /** Limit for the whole call, retries included. */
  readonly deadline?: number | Duration.DurationInput | undefined
  /** The `Idempotency-Key` of a POST; `false` sends none. */
  readonly idempotencyKey?: string | false | undefined
  /** The `X-Request-ID`; generated when absent. */
  readonly requestId?: string | undefined
  /** Extra headers. They cannot replace the credentials. */
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/**
 * The Promise face of a service.
 *
 * @since 0.1.0
 */
export type Promisified<S> = {
  readonly [K in keyof S]: S[K] extends (...args: infer Args) => Effect.Effect<infer A, infer _E, infer _R>
    ? (...args: [...Args, options?: RequestOptions]) => Promise<A>
    : S[K] extends (...args: infer Args) => Stream.Stream<infer A, infer _E, infer _R> ?
      (...args: Args) => AsyncIterable<A>
    : S[K] extends object ? Promisified<S[K]>
    : S[K]
}

const toCallOptions = (options: RequestOptions | undefined): CallOptions => {
  if (options === undefined) return {}
  const duration = (d: number | Duration.DurationInput | undefined) =>
    d === undefined ? undefined : typeof d === "number" ? Duration.millis(d) : Duration.decode(d)
  return {
    timeout: duration(options.timeout),
    deadline: duration(options.deadline),
    idempotencyKey: options.idempotencyKey,
    requestId: options.requestId,
    headers: options.headers
  }
}

/**
 * The value of a successful exit; otherwise throws what non-Effect code should catch: the failure
 * itself (a tagged SDK error), `Aborted` for an interruption, or the defect.
 *
 * @since 0.1.0
 */
export const settle = <A>(exit: Exit.Exit<A, unknown>, signal?: AbortSignal | undefined): A => {
  if (Exit.isSuccess(exit)) return exit.value
  const failure = Cause.failureOption(exit.cause)
  if (Option.isSome(failure)) throw failure.value
  if (Cause.isInterruptedOnly(exit.cause) || signal?.aborted === true) throw new Aborted({})
  throw Cause.squash(exit.cause)
}

/**
 * The Promise face of a service, run on a `ManagedRuntime` that provides what the service needs.
 * Methods are told apart by their declared arity (`fn.length`), so service methods declare every
 * parameter without default values.
 *
 * @example
 * ```ts
 * import { CrmTransport, PromiseFace } from "@blocks-crm/core-http"
 * import { LeadsService } from "@blocks-crm/pipeline"
 * import { Layer, ManagedRuntime } from "effect"
 *
 * const runtime = ManagedRuntime.make(LeadsService.Default.pipe(Layer.provide(CrmTransport.layerFetchFromEnv())))
 * const leads = PromiseFace.promisify(await runtime.runPromise(LeadsService), runtime)
 * const page = await leads.list({ page: 1 }, { timeout: 5_000 })
 * ```
 *
 * @since 0.1.0
 */
export const promisify = <S extends object, R, ER>(
  service: S,
  runtime: ManagedRuntime.ManagedRuntime<R, ER>
): Promisified<S> => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(service)) {
    if (typeof value === "function") {
      const fn = value as (...args: Array<unknown>) => unknown
      out[key] = (...args: Array<unknown>) => {
        const options = args.length > fn.length ? (args[fn.length] as RequestOptions | undefined) : undefined
        const result = fn(...args.slice(0, fn.length))
        if (Stream.StreamTypeId in (result as object)) {
          return toAsyncIterable(result as Stream.Stream<unknown, unknown, R>, runtime)
        }
        // No options, no FiberRef work: the call runs with the options already in effect.
        const effect = options === undefined
          ? result as Effect.Effect<unknown, unknown, R>
          : withCallOptions(result as Effect.Effect<unknown, unknown, R>, toCallOptions(options))
        const signal = options?.signal
        if (signal?.aborted === true) return Promise.reject(new Aborted({}))
        return runtime.runPromiseExit(effect, signal === undefined ? undefined : { signal }).then((exit) =>
          settle(exit, signal)
        )
      }
    } else if (typeof value === "object" && value !== null && !Effect.isEffect(value)) {
      out[key] = promisify(value, runtime)
    } else {
      out[key] = value
    }
  }
  return out as Promisified<S>
}

const toAsyncIterable = <A, R, ER>(
  stream: Stream.Stream<A, unknown, R>,
  runtime: ManagedRuntime.ManagedRuntime<R, ER>
): AsyncIterable<A> => ({
  async *[Symbol.asyncIterator]() {
    const rt = await runtime.runtime()
    try {
      yield* Stream.toAsyncIterableRuntime(stream, rt)
    } catch (error) {
      // Throw what `settle` throws for a call: the SDK's error itself, `Aborted` for an interruption
      // (which the iterable reports as an InterruptedException), or the defect; never a FiberFailure.
      const cause = (error as { [key: symbol]: unknown })[Symbol.for("effect/Runtime/FiberFailure/Cause")]
      if (cause !== undefined && Cause.isCause(cause)) settle(Exit.failCause(cause))
      if (Cause.isInterruptedException(error)) throw new Aborted({})
      throw error
    }
  }
})
