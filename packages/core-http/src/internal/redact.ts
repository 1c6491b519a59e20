/**
 * The one place where the configured secrets are taken out of text the server controls (its error
 * objects, a body excerpt, a decode reason, a header it sent back). A server or proxy that echoes the
 * request's token or API key must not put them into errors, and so into logs.
 *
 * @internal
 */
import type { ApiError, ApiErrorObject } from "../CrmError.js"

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

const scrubObject = (scrub: Scrub) => (object: ApiErrorObject): ApiErrorObject => {
  const out: { -readonly [K in keyof ApiErrorObject]: ApiErrorObject[K] } = {}
  let changed = false
  const text = (value: string) => {
    const scrubbed = scrub(value)
    if (scrubbed !== value) changed = true
    return scrubbed
  }
  for (const key of ["status", "code", "title", "detail"] as const) {
    const value = object[key]
    if (value !== undefined) out[key] = text(value)
  }
  if (object.source !== undefined) {
    const { parameter, pointer } = object.source
    out.source = {
      ...(pointer === undefined ? {} : { pointer: text(pointer) }),
      ...(parameter === undefined ? {} : { parameter: text(parameter) })
    }
  }
  return changed ? out : object
}

const scrubObjects = (
  errors: ReadonlyArray<ApiErrorObject>,
  scrub: Scrub
): ReadonlyArray<ApiErrorObject> | undefined => {
  const out = errors.map(scrubObject(scrub))
  return out.every((object, i) => object === errors[i]) ? undefined : out
}

const optional = (scrub: Scrub, value: string | undefined) => (value === undefined ? undefined : scrub(value))

/** The same kind of error with some fields replaced (the fields of a `Data` error are its own properties). */
const rebuild = <E extends ApiError>(error: E, patch: Partial<E>): E =>
  new (error.constructor as new(fields: object) => E)({ ...error, ...patch })

/**
 * `error` with every server-provided text scrubbed (errors[], bodyExcerpt, reason, contentType, path,
 * location); the same error when there was nothing to scrub.
 */
export const scrubError = (error: ApiError, scrub: Scrub): ApiError => {
  switch (error._tag) {
    case "Unauthorized":
    case "Forbidden":
    case "NotFound":
    case "Conflict":
    case "ValidationFailed":
    case "RateLimited":
    case "ServerError": {
      const errors = scrubObjects(error.errors, scrub)
      return errors === undefined ? error : rebuild<ApiError>(error, { errors })
    }
    case "UnexpectedResponse": {
      const fields = {
        contentType: optional(scrub, error.contentType),
        bodyExcerpt: scrub(error.bodyExcerpt),
        path: optional(scrub, error.path),
        reason: scrub(error.reason)
      }
      return fields.contentType === error.contentType && fields.bodyExcerpt === error.bodyExcerpt &&
          fields.path === error.path && fields.reason === error.reason
        ? error
        : rebuild(error, fields)
    }
    case "TransportError": {
      const reason = scrub(error.reason)
      return reason === error.reason ? error : rebuild(error, { reason })
    }
    case "CrossOriginRedirect": {
      const location = scrub(error.location)
      return location === error.location ? error : rebuild(error, { location })
    }
    case "Timeout":
    case "Aborted":
    case "ResponseTooLarge":
      return error
  }
}
