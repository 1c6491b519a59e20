/**
 * The checks each setting goes through (`CrmConfig.make`): what a setting must be, and the problem
 * reported when it is not, never quoting the value (a setting may be a secret). Each check reports
 * through `add` and answers the setting's value, or `undefined` once it has reported a problem.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import type { RetryPolicy } from "../CrmConfig.js"

/** Records one problem: the setting's name and what is wrong with it. */
export type Add = (name: string, problem: string) => void

/** The API URL, or the problem with it. */
export const parseUrl = (input: unknown): URL | string => {
  if (typeof input !== "string" && !(input instanceof URL)) return `must be a string or a URL, got ${kindOf(input)}`
  try {
    const url = new URL(input.toString())
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return `must be an http(s) URL, got protocol ${url.protocol}`
    }
    if (url.username !== "" || url.password !== "") {
      return "must not contain credentials; use the token and API key settings"
    }
    // Paths are joined as declared ("/leads/"), so the base keeps no trailing slash.
    url.pathname = url.pathname.replace(/\/+$/, "")
    return url
  } catch {
    return "is not a valid URL"
  }
}

/** What a JavaScript caller passed instead, without its value (a setting may be a secret). */
export const kindOf = (value: unknown): string =>
  value === null
    ? "null"
    : Array.isArray(value)
    ? "an array"
    : typeof value === "object"
    ? "an object"
    : typeof value === "undefined"
    ? "undefined"
    : `a ${typeof value}`

/** An object of settings (not `null`, not an array), or the problem reported under `name`. */
export const isSettings = (
  value: unknown,
  name: string,
  expected: string,
  add: Add
): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ||
  (add(name, `must be an object ${expected}, got ${kindOf(value)}`), false)

/** Reports each key of `given` that is not among `names`, with the one it most likely meant (`api_url` → `apiUrl`). */
export const unknownKeys = (given: object, names: ReadonlyArray<string>, add: Add, prefix = ""): void => {
  for (const key of Object.keys(given)) {
    if (names.includes(key)) continue
    const folded = key.replace(/[_-]/g, "").toLowerCase()
    const meant = names.find((name) => name.toLowerCase() === folded)
    add(
      prefix + key,
      `is not a setting${meant === undefined ? ` (settings: ${names.join(", ")})` : `: did you mean ${meant}?`}`
    )
  }
}

/** A duration setting: an Effect `DurationInput` (`"10 seconds"`, `Duration.seconds(10)`, milliseconds). */
export const durationOf = (value: unknown, name: string, add: Add): Duration.Duration | undefined => {
  const decoded = Duration.decodeUnknown(value)
  if (decoded._tag === "Some") return decoded.value
  add(name, `must be a duration (milliseconds or an Effect duration such as "10 seconds"), got ${kindOf(value)}`)
}

/** What an HTTP header value may hold (RFC 9110 field-vchar, SP, HTAB): no line breaks, controls or non-Latin-1. */
const headerSafe = /^[\t\x20-\x7e\x80-\xff]*$/

/** A secret setting: a non-blank string, plain or `Redacted`, that an HTTP header can carry. */
export const secretOf = (value: unknown, name: string, add: Add): Redacted.Redacted<string> | undefined => {
  const redacted = Redacted.isRedacted(value)
  const text = redacted ? Redacted.value(value) : value
  if (typeof text !== "string") {
    return void add(
      name,
      `must be a string or a Redacted string, got ${redacted ? "a Redacted holding " : ""}${kindOf(text)}`
    )
  }
  if (text.trim() === "") add(name, "is empty")
  // fetch would reject such a header with an error that quotes the value: reject it here, unquoted.
  else if (!headerSafe.test(text)) {
    add(
      name,
      "contains characters that cannot be sent in an HTTP header (line break, control or non-Latin-1 character)"
    )
  }
  return redacted ? (value as Redacted.Redacted<string>) : Redacted.make(text)
}

const retryNames: ReadonlyArray<keyof RetryPolicy> = ["times", "baseDelay", "maxRetryAfter", "schedule"]

/** The retry setting over the defaults (`defaultRetryPolicy`): an object of `RetryPolicy` members, each of its kind. */
export const retryPolicyOf = (value: unknown, add: Add, defaults: RetryPolicy): RetryPolicy => {
  if (!isSettings(value, "retry", "(times, baseDelay, ...)", add)) return defaults
  unknownKeys(value, retryNames, add, "retry.")
  const { baseDelay, maxRetryAfter, schedule, times } = value
  if (times !== undefined && !(Number.isInteger(times) && (times as number) >= 0)) {
    add("retry.times", "must be a whole number >= 0")
  }
  if (schedule !== undefined && !Schedule.isSchedule(schedule)) {
    add("retry.schedule", `must be a Schedule, got ${kindOf(schedule)}`)
  }
  return {
    times: typeof times === "number" ? times : defaults.times,
    baseDelay: (baseDelay === undefined ? undefined : durationOf(baseDelay, "retry.baseDelay", add)) ??
      defaults.baseDelay,
    maxRetryAfter: (maxRetryAfter === undefined ? undefined : durationOf(maxRetryAfter, "retry.maxRetryAfter", add)) ??
      defaults.maxRetryAfter,
    ...(schedule === undefined ? {} : { schedule: schedule as RetryPolicy["schedule"] })
  }
}
