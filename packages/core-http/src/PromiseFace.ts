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
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import type * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Runtime from "effect/Runtime"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { validate } from "./ApiClient.js"
import { Aborted, InvalidInput } from "./CrmError.js"
import { currentCallOptions, withCallOptions } from "./CrmTransport.js"
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
      (...args: [...Args, options?: RequestOptions]) => AsyncIterable<A>
    : S[K] extends object ? Promisified<S[K]>
    : S[K]
}

/** A timeout or deadline: milliseconds, or any Effect duration (`"5 seconds"`). */
const DurationOption = Schema.declare(
  (u: unknown): u is number | Duration.DurationInput =>
    typeof u === "number" ? u > 0 : Option.isSome(Duration.decodeUnknown(u)),
  { description: "a duration: milliseconds > 0, or an Effect duration such as \"5 seconds\"" }
)

/** `RequestOptions` as a JavaScript caller may pass them: every key known, every value of its kind. */
const RequestOptionsSchema = Schema.Struct({
  signal: Schema.optionalWith(
    Schema.declare(
      (u: unknown): u is AbortSignal =>
        typeof u === "object" && u !== null && typeof (u as AbortSignal).aborted === "boolean" &&
        typeof (u as AbortSignal).addEventListener === "function",
      { description: "an AbortSignal" }
    ),
    { exact: true }
  ),
  timeout: Schema.optionalWith(DurationOption, { exact: true }),
  deadline: Schema.optionalWith(DurationOption, { exact: true }),
  idempotencyKey: Schema.optionalWith(Schema.Union(Schema.String, Schema.Literal(false)), { exact: true }),
  requestId: Schema.optionalWith(Schema.String, { exact: true }),
  headers: Schema.optionalWith(Schema.Record({ key: Schema.String, value: Schema.String }), { exact: true })
})

const toCallOptions = (options: RequestOptions): CallOptions => {
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
 * The options of a call, checked: `undefined` when none were given. A call with more arguments than the
 * method and its options, or options that are not `RequestOptions`, is refused before anything is sent.
 */
const callOptions = (
  operation: string,
  arity: number,
  args: ReadonlyArray<unknown>
): Either.Either<RequestOptions | undefined, InvalidInput> => {
  if (args.length > arity + 1) {
    return Either.left(
      new InvalidInput({
        operation,
        issues: [{
          path: "",
          message: `takes ${arity} argument${arity === 1 ? "" : "s"} and the request options, got ${args.length}`
        }]
      })
    )
  }
  const options = args[arity]
  if (options === undefined) return Either.right(undefined)
  const checked = Effect.runSync(Effect.either(validate(RequestOptionsSchema, operation)(options)))
  return Either.mapLeft(
    checked,
    (error) =>
      new InvalidInput({
        operation,
        issues: error.issues.map((i) => ({ ...i, path: i.path === "" ? "options" : `options.${i.path}` }))
      })
  )
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
 * parameter without default values. `name` (the service's name on a client, `leads`) prefixes the
 * operation that an `InvalidInput` names (`leads.list`). Each Promise method keeps that arity as its
 * own `length` (the options come after it), so code that appends options knows where they go.
 *
 * A call's trailing options are checked like any input: an unknown key (`{ timout: 5_000 }`), a value
 * of the wrong kind or an argument too many rejects with `InvalidInput`, and nothing is sent. A stream
 * takes them too: `timeout`, `deadline`, `requestId` and `headers` apply to each page's request, and
 * `signal` ends the iteration with `Aborted`.
 *
 * @example
 * ```ts
 * import { CrmTransport, PromiseFace } from "@blocks-crm/core-http"
 * import { LeadsService } from "@blocks-crm/pipeline"
 * import { Layer, ManagedRuntime } from "effect"
 *
 * const runtime = ManagedRuntime.make(LeadsService.Default.pipe(Layer.provide(CrmTransport.layerFetchFromEnv())))
 * const leads = PromiseFace.promisify(await runtime.runPromise(LeadsService), runtime, "leads")
 * const page = await leads.list({ page: 1 }, { timeout: 5_000 })
 * ```
 *
 * @since 0.1.0
 */
export const promisify = <S extends object, R, ER>(
  service: S,
  runtime: ManagedRuntime.ManagedRuntime<R, ER>,
  name?: string
): Promisified<S> => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(service)) {
    const path = name === undefined ? key : `${name}.${key}`
    if (typeof value === "function") {
      const fn = value as (...args: Array<unknown>) => unknown
      const method = (...args: Array<unknown>) => {
        const checked = callOptions(path, fn.length, args)
        const result = fn(...args.slice(0, fn.length))
        if (Stream.StreamTypeId in (result as object)) {
          return toAsyncIterable(result as Stream.Stream<unknown, unknown, R>, runtime, checked)
        }
        if (Either.isLeft(checked)) return Promise.reject(checked.left)
        const options = checked.right
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
      // The method's own arity, so a caller that appends the options (a query library passing its
      // signal) knows where they go: `list.length` is 1 for `list(params?, options?)`.
      out[key] = Object.defineProperty(method, "length", { value: fn.length })
    } else if (typeof value === "object" && value !== null && !Effect.isEffect(value)) {
      out[key] = promisify(value, runtime, path)
    } else {
      out[key] = value
    }
  }
  return out as Promisified<S>
}

/** Rejects once `signal` aborts (never, without one). */
const abortion = (signal: AbortSignal | undefined): Promise<never> =>
  new Promise((_, reject) => {
    if (signal === undefined) return
    if (signal.aborted) reject(new Aborted({}))
    else signal.addEventListener("abort", () => reject(new Aborted({})), { once: true })
  })

const toAsyncIterable = <A, R, ER>(
  stream: Stream.Stream<A, unknown, R>,
  runtime: ManagedRuntime.ManagedRuntime<R, ER>,
  checked: Either.Either<RequestOptions | undefined, InvalidInput>
): AsyncIterable<A> => ({
  async *[Symbol.asyncIterator]() {
    if (Either.isLeft(checked)) throw checked.left
    const options = checked.right
    const base = await runtime.runtime()
    // Each pull of the iterable runs in a fiber of its own: the options go into the runtime they start from.
    const rt = options === undefined
      ? base
      : Runtime.setFiberRef(base, currentCallOptions, { ...toCallOptions(options) })
    const items = Stream.toAsyncIterableRuntime(stream, rt)[Symbol.asyncIterator]()
    const aborted = abortion(options?.signal)
    aborted.catch(() => {})
    try {
      while (true) {
        const next = await Promise.race([items.next(), aborted])
        if (next.done === true) return
        yield next.value
      }
    } catch (error) {
      // Throw what `settle` throws for a call: the SDK's error itself, `Aborted` for an interruption
      // (which the iterable reports as an InterruptedException), or the defect; never a FiberFailure.
      const cause = (error as { [key: symbol]: unknown })[Symbol.for("effect/Runtime/FiberFailure/Cause")]
      if (cause !== undefined && Cause.isCause(cause)) settle(Exit.failCause(cause))
      if (Cause.isInterruptedException(error)) throw new Aborted({})
      throw error
    } finally {
      // Stops the page in flight, if any, and releases the stream's scope.
      await items.return?.()
    }
  }
})
