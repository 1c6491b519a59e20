/**
 * Captures what an application would see of a call: every log line (rendered by the standard loggers)
 * and every span with its attributes, events and, for failures, the rendered errors (as an OpenTelemetry
 * exporter records them). Span results are not serialised: platform responses hold their request,
 * credentials included, and inspecting one also starts reading its body.
 */
import * as Cause from "effect/Cause"
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as Logger from "effect/Logger"
import type * as Option from "effect/Option"
import * as Tracer from "effect/Tracer"

export interface Captured {
  /** Every log entry rendered by the string, logfmt, JSON and structured loggers, and its cause. */
  readonly lines: Array<string>
  readonly spans: Array<
    { readonly name: string; readonly attributes: Map<string, unknown>; readonly events: Array<unknown> }
  >
  /** Runs `self` with the capturing logger (in place of the default one) and tracer. */
  readonly run: <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  /** Everything captured, as one string to search. */
  readonly text: () => string
}

export const make = (): Captured => {
  const lines: Array<string> = []
  const spans: Captured["spans"] = []

  const logger = Logger.make<unknown, void>((options) => {
    lines.push(Logger.stringLogger.log(options))
    lines.push(Logger.logfmtLogger.log(options))
    lines.push(Logger.jsonLogger.log(options))
    lines.push(JSON.stringify(Logger.structuredLogger.log(options)))
    lines.push(Cause.pretty(options.cause, { renderErrorCause: true }))
  })

  let ids = 0
  const tracer = Tracer.make({
    span: (
      name: string,
      parent: Option.Option<Tracer.AnySpan>,
      context: Context.Context<never>,
      links: ReadonlyArray<Tracer.SpanLink>,
      startTime: bigint,
      kind: Tracer.SpanKind
    ): Tracer.Span => {
      const attributes = new Map<string, unknown>()
      const events: Array<unknown> = []
      spans.push({ name, attributes, events })
      let status: Tracer.SpanStatus = { _tag: "Started", startTime }
      const spanLinks = [...links]
      return {
        _tag: "Span",
        name,
        spanId: `span-${++ids}`,
        traceId: "trace-1",
        parent,
        context,
        get status() {
          return status
        },
        attributes,
        links: spanLinks,
        sampled: true,
        kind,
        end: (endTime: bigint, exit: Exit.Exit<unknown, unknown>) => {
          status = { _tag: "Ended", startTime, endTime, exit }
          // What an OpenTelemetry exporter records of a failure: the rendered errors, with their causes.
          if (exit._tag === "Failure") {
            events.push({ exception: Cause.pretty(exit.cause, { renderErrorCause: true }) })
            for (const error of Cause.prettyErrors(exit.cause)) {
              events.push({ message: error.message, stack: error.stack })
            }
          }
        },
        attribute: (key: string, value: unknown) => {
          attributes.set(key, value)
        },
        event: (eventName: string, _startTime: bigint, eventAttributes?: Record<string, unknown>) => {
          events.push({ name: eventName, attributes: eventAttributes })
        },
        addLinks: (more: ReadonlyArray<Tracer.SpanLink>) => {
          spanLinks.push(...more)
        }
      }
    },
    context: (f) => f()
  })

  const text = () =>
    [
      ...lines,
      ...spans.map((span) =>
        JSON.stringify(
          { name: span.name, attributes: Object.fromEntries(span.attributes), events: span.events },
          (_, v) => typeof v === "bigint" ? v.toString() : v
        )
      )
    ].join("\n")

  return {
    lines,
    spans,
    text,
    run: (self) => self.pipe(Effect.withTracer(tracer), Effect.provide(Logger.replace(Logger.defaultLogger, logger)))
  }
}
