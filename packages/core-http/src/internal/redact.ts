/**
 * The one place where the configured secrets are taken out of text the server controls (its error
 * objects, a body excerpt, a decode reason, a header it sent back). A server or proxy that echoes the
 * request's token or API key must not put them into errors, and so into logs.
 *
 * @internal
 */
import type { ApiError } from "../CrmError.js"

/** Replaces every configured secret in a piece of server text. */
export type Scrub = (text: string) => string

const replacement = "[redacted]"

/**
 * A scrubber for `secrets`, also matching the forms a server echoes them in (JSON-escaped,
 * percent-encoded). Values shorter than 6 characters are skipped: replacing "a" everywhere would
 * garble the text and protect nothing (configuration refuses such credentials anyway).
 */
export const makeScrub = (secrets: ReadonlyArray<string>): Scrub => {
  const needles = [
    ...new Set(
      secrets.filter((s) => s.length >= 6).flatMap((s) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)])
    )
  ].sort((a, b) => b.length - a.length)
  if (needles.length === 0) return (text) => text
  return (text) => {
    let out = text
    for (const needle of needles) {
      if (out.includes(needle)) out = out.split(needle).join(replacement)
    }
    // An excerpt may end inside a secret: drop the partial secret (3 characters or more) before the ellipsis.
    if (out.endsWith("…")) {
      const body = out.slice(0, -1)
      for (const needle of needles) {
        for (let n = Math.min(needle.length - 1, body.length); n >= 3; n--) {
          if (body.endsWith(needle.slice(0, n))) return `${body.slice(0, -n)}${replacement}…`
        }
      }
    }
    return out
  }
}

/**
 * `value` with every string in it scrubbed: a string, or the strings of an array or a plain object
 * (the JSON:API error objects), to any depth; the same value when nothing changed. Anything else (a
 * number, an `Option`, a `Duration`) is left as it is.
 */
const scrubValue = (value: unknown, scrub: Scrub): unknown => {
  if (typeof value === "string") return scrub(value)
  if (typeof value !== "object" || value === null) return value
  if (Array.isArray(value)) {
    const out = value.map((item) => scrubValue(item, scrub))
    return out.every((item, i) => item === value[i]) ? value : out
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value
  const entries = Object.entries(value)
  const out = entries.map(([key, item]) => [key, scrubValue(item, scrub)] as const)
  return out.every(([, item], i) => item === entries[i]![1]) ? value : Object.fromEntries(out)
}

/**
 * `error` with every server-provided text scrubbed (errors[], bodyExcerpt, reason, contentType, path,
 * location: every string field but the tag); the same error when there was nothing to scrub.
 */
export const scrubError = <E extends ApiError>(error: E, scrub: Scrub): E => {
  let fields: Record<string, unknown> | undefined
  for (const [key, value] of Object.entries(error)) {
    const scrubbed = key === "_tag" ? value : scrubValue(value, scrub)
    if (scrubbed !== value) (fields ??= { ...error })[key] = scrubbed
  }
  // The same kind of error with the scrubbed fields (the fields of a `Data` error are its own properties).
  return fields === undefined ? error : new (error.constructor as new(fields: object) => E)(fields)
}
