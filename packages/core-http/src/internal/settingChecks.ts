/**
 * The checks each setting goes through (`CrmConfig.make`): what a setting must be, and the problem
 * reported when it is not, never quoting the value (a setting may be a secret).
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import type { RetryPolicy } from "../CrmConfig.js"

export const parseUrl = (input: string | URL): Either.Either<URL, string> => {
  try {
    const url = new URL(input.toString())
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return Either.left(`must be an http(s) URL, got protocol ${url.protocol}`)
    }
    if (url.username !== "" || url.password !== "") {
      return Either.left("must not contain credentials; use the token and API key settings")
    }
    // Paths are joined as declared ("/leads/"), so the base keeps no trailing slash.
    url.pathname = url.pathname.replace(/\/+$/, "")
    return Either.right(url)
  } catch {
    return Either.left("is not a valid URL")
  }
}

/** What an HTTP header value may hold (RFC 9110 field-vchar, SP, HTAB): no line breaks, controls or non-Latin-1. */
const headerSafe = /^[\t\x20-\x7e\x80-\xff]*$/
const unsafeProblem =
  "contains characters that cannot be sent in an HTTP header (line break, control or non-Latin-1 character)"

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

const retryNames: ReadonlyArray<keyof RetryPolicy> = ["times", "baseDelay", "maxRetryAfter", "schedule"]

/** A key that is not a setting, and the setting it most likely meant (`api_url`, `apiURL` → `apiUrl`). */
export const notASetting = (key: string, names: ReadonlyArray<string>): string => {
  const folded = key.replace(/[_-]/g, "").toLowerCase()
  const meant = names.find((name) => name.toLowerCase() === folded)
  return meant === undefined
    ? `is not a setting (settings: ${names.join(", ")})`
    : `is not a setting: did you mean ${meant}?`
}

/** A duration setting: an Effect `DurationInput` (`"10 seconds"`, `Duration.seconds(10)`, milliseconds). */
export const durationOf = (
  value: unknown,
  name: string,
  problems: Array<{ name: string; problem: string }>
): Duration.Duration | undefined => {
  const decoded = Duration.decodeUnknown(value)
  if (Option.isNone(decoded)) {
    problems.push({
      name,
      problem: `must be a duration (milliseconds or an Effect duration such as "10 seconds"), got ${kindOf(value)}`
    })
    return undefined
  }
  return decoded.value
}

/** A secret setting: a non-blank string, plain or `Redacted`, that an HTTP header can carry. */
export const secretOf = (
  value: unknown,
  name: string,
  problems: Array<{ name: string; problem: string }>
): Redacted.Redacted<string> | undefined => {
  const text = Redacted.isRedacted(value) ? Redacted.value(value) : value
  if (typeof text !== "string") {
    const inner = Redacted.isRedacted(value) ? `a Redacted holding ${kindOf(text)}` : kindOf(text)
    problems.push({ name, problem: `must be a string or a Redacted string, got ${inner}` })
    return undefined
  }
  if (text.trim() === "") problems.push({ name, problem: "is empty" })
  // fetch would reject such a header with an error that quotes the value: reject it here, unquoted.
  else if (!headerSafe.test(text)) problems.push({ name, problem: unsafeProblem })
  return Redacted.isRedacted(value) ? (value as Redacted.Redacted<string>) : Redacted.make(text)
}

/** The retry setting over the defaults (`defaultRetryPolicy`): an object of `RetryPolicy` members, each of its kind. */
export const retryPolicyOf = (
  value: unknown,
  problems: Array<{ name: string; problem: string }>,
  defaultRetryPolicy: RetryPolicy
): RetryPolicy => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push({ name: "retry", problem: `must be an object (times, baseDelay, ...), got ${kindOf(value)}` })
    return defaultRetryPolicy
  }
  const policy = value as Record<string, unknown>
  for (const name of Object.keys(policy)) {
    if (!(retryNames as ReadonlyArray<string>).includes(name)) {
      problems.push({ name: `retry.${name}`, problem: notASetting(name, retryNames) })
    }
  }
  const { baseDelay, maxRetryAfter, schedule, times } = policy
  if (times !== undefined && (typeof times !== "number" || !Number.isInteger(times) || times < 0)) {
    problems.push({ name: "retry.times", problem: "must be a whole number >= 0" })
  }
  if (schedule !== undefined && !Schedule.isSchedule(schedule)) {
    problems.push({ name: "retry.schedule", problem: `must be a Schedule, got ${kindOf(schedule)}` })
  }
  return {
    times: typeof times === "number" ? times : defaultRetryPolicy.times,
    baseDelay: (baseDelay === undefined ? undefined : durationOf(baseDelay, "retry.baseDelay", problems)) ??
      defaultRetryPolicy.baseDelay,
    maxRetryAfter:
      (maxRetryAfter === undefined ? undefined : durationOf(maxRetryAfter, "retry.maxRetryAfter", problems)) ??
        defaultRetryPolicy.maxRetryAfter,
    ...(schedule === undefined ? {} : { schedule: schedule as RetryPolicy["schedule"] })
  }
}
