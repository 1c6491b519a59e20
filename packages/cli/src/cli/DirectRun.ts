/**
 * A resource's command line read straight from the actions the contract gives (`ApiCommands.actionsOf`)
 * and run, without `@effect/cli`: loading it and building a command's options was a fifth of a
 * `crm leads list`'s start.
 *
 * Only a command line that is plainly right is read here: the command's words first, then its
 * arguments and `--flag value` pairs in any order, each flag known and given once, every required
 * flag there, and each value accepted by the field's own schema (`ApiCommands.parserOf`, as
 * `@effect/cli` parses it). Anything else (an unknown or repeated flag, a missing one, a bad value,
 * `--flag=value`, a value starting with `-`, a switch followed by `true`/`false`, `--log-level`)
 * gives `undefined`, and the caller hands the line to `@effect/cli`, so a mistake is reported with
 * `@effect/cli`'s own message, usage and exit code.
 */
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as ApiCommands from "./ApiCommands.js"
import type { Action, Input, Invocation } from "./ApiCommands.js"
import * as Failure from "./Failure.js"
import * as Output from "./Output.js"

/** What a flag does with its value. */
type Slot =
  | { readonly _tag: "input"; readonly input: Input; readonly index: number }
  | { readonly _tag: "switch"; readonly name: "json" | "all" }
  | { readonly _tag: "output" }
  | { readonly _tag: "text"; readonly name: "apiUrl" | "db" }
  | { readonly _tag: "secret"; readonly name: "token" | "apiKey" | "signingSecret" }

/** The words `@effect/cli` reads as a switch's value (`--json true`): such a line is left to it. */
const booleanWords = new Set(["true", "1", "y", "yes", "on", "false", "0", "n", "no", "off"])

const formats = new Set(["table", "json", "csv"])

const slotsOf = (action: Action): Map<string, Slot> => {
  const slots = new Map<string, Slot>()
  action.inputs.forEach((input, index) => {
    if (input.in !== "path") slots.set(`--${input.flag}`, { _tag: "input", input, index })
  })
  slots.set("--json", { _tag: "switch", name: "json" })
  slots.set("--output", { _tag: "output" })
  if (action.paginated) slots.set("--all", { _tag: "switch", name: "all" })
  if (action.signing !== undefined) {
    slots.set(`--${action.signing.secretName}`, { _tag: "secret", name: "signingSecret" })
  }
  slots.set("--api-url", { _tag: "text", name: "apiUrl" })
  slots.set("--token", { _tag: "secret", name: "token" })
  slots.set("--api-key", { _tag: "secret", name: "apiKey" })
  slots.set("--db", { _tag: "text", name: "db" })
  return slots
}

/**
 * A flag's text as `@effect/cli` reads it before the schema does (`Options.integer`, `float`, `choice`),
 * or `undefined` for text it might read otherwise (`1e3`, ` 5`): only plain digits count.
 */
const rawOf = (input: Input, text: string): unknown => {
  const kind = input.kind
  switch (kind._tag) {
    case "integer":
      return /^\d+$/.test(text) ? Number(text) : undefined
    case "number":
      return /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined
    case "choice":
      return kind.choices.includes(text) ? text : undefined
    case "boolean":
      return text === "true" ? true : text === "false" ? false : undefined
    default:
      return text
  }
}

const valueOf = (input: Input, text: string): Option.Option<unknown> => {
  const raw = rawOf(input, text)
  if (raw === undefined) return Option.none()
  return Either.getRight(ApiCommands.parserOf(input)(raw))
}

/** The action a command line runs and its values, or `undefined` when `@effect/cli` should read it. */
export const parse = (
  args: ReadonlyArray<string>,
  actions: ReadonlyArray<Action>
): { readonly action: Action; readonly invocation: Invocation } | undefined => {
  const matches = actions.filter((action) => {
    const path = [...action.resource, action.name]
    return path.every((word, i) => args[i] === word)
  })
  const action = matches.sort((a, b) => b.resource.length - a.resource.length)[0]
  if (action === undefined) return undefined
  const slots = slotsOf(action)
  const values: Array<unknown> = action.inputs.map(() => undefined)
  const seen = new Set<string>()
  const positional: Array<string> = []
  const flags = {
    json: false,
    all: false,
    output: undefined as string | undefined,
    apiUrl: Option.none<string>(),
    db: Option.none<string>(),
    token: Option.none<Redacted.Redacted<string>>(),
    apiKey: Option.none<Redacted.Redacted<string>>(),
    signingSecret: Option.none<Redacted.Redacted<string>>()
  }
  const rest = args.slice(action.resource.length + 1)
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!
    if (!token.startsWith("-")) {
      positional.push(token)
      continue
    }
    const slot = slots.get(token)
    if (slot === undefined || seen.has(token)) return undefined
    seen.add(token)
    const next = rest[i + 1]
    if (slot._tag === "switch") {
      if (next !== undefined && booleanWords.has(next)) return undefined
      flags[slot.name] = true
      continue
    }
    if (next === undefined || next.startsWith("-")) return undefined
    i++
    switch (slot._tag) {
      case "output":
        if (!formats.has(next)) return undefined
        flags.output = next
        break
      case "text":
        flags[slot.name] = Option.some(next)
        break
      case "secret":
        flags[slot.name] = Option.some(Redacted.make(next))
        break
      case "input": {
        const value = valueOf(slot.input, next)
        if (Option.isNone(value)) return undefined
        values[slot.index] = value.value
      }
    }
  }
  const pathInputs = action.inputs.flatMap((input, index) => (input.in === "path" ? [{ input, index }] : []))
  if (positional.length !== pathInputs.length) return undefined
  for (const [n, { index, input }] of pathInputs.entries()) {
    const value = Either.getRight(ApiCommands.parserOf(input)(positional[n]!))
    if (Option.isNone(value)) return undefined
    values[index] = value.value
  }
  if (
    action.inputs.some((input, index) => input.in !== "path" && !input.field.optional && values[index] === undefined)
  ) {
    return undefined
  }
  return {
    action,
    invocation: {
      values,
      format: flags.json ? "json" : (flags.output as ApiCommands.Format | undefined) ?? "table",
      all: flags.all,
      signingSecret: flags.signingSecret,
      connection: { apiUrl: flags.apiUrl, db: flags.db, token: flags.token, apiKey: flags.apiKey }
    }
  }
}

/**
 * Runs a parsed command line and returns its exit code, having printed what went wrong (`Failure`), on
 * the console `@effect/cli` would have given it (no ANSI codes outside a colour terminal).
 */
export const run = (action: Action, invocation: Invocation) =>
  Effect.consoleWith((console) =>
    Effect.withConsole(ApiCommands.execute(action, invocation), Output.plainWhereNeeded(console))
  ).pipe(
    Effect.matchCauseEffect({
      onSuccess: () => Effect.succeed(Failure.ExitCode.ok),
      onFailure: (cause) => {
        const { code, message } = Failure.describeCause(cause)
        return Effect.as(message === undefined ? Effect.void : Console.error(message), code)
      }
    })
  )
