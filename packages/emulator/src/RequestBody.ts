/**
 * What request bodies the emulator reads: JSON only, of a declared length under a limit, nested no
 * deeper than a limit. Anything else is answered with a 4xx error document before any parser runs, so
 * a hostile body (a multipart body without a boundary, JSON nested thousands deep) never reaches code
 * that could throw or overflow the stack.
 */
import * as HttpMethod from "@effect/platform/HttpMethod"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { errorResponse } from "./ErrorDocuments.js"
import type { HttpMiddlewareFn } from "./HttpMiddlewareFn.js"
import * as Gates from "./internal/Gates.js"

/** The request body limits: the largest body in bytes, the deepest JSON nesting. */
export interface Limits {
  /** The largest body accepted, in bytes (413 above it). */
  readonly maxBodyBytes: number
  /** The deepest nesting of arrays and objects accepted in a JSON body (400 beyond it). */
  readonly maxJsonDepth: number
}

/** About 1 MB: far above any CRM payload, far below what would hurt the process. */
export const defaultMaxBodyBytes = 1_048_576
/** CRM payloads nest a handful of levels; the limit leaves room and keeps every parser's recursion shallow. */
export const defaultMaxJsonDepth = 64

/** The body limits in force, as a service. */
export class BodyLimits extends Context.Tag("@blocks-crm/emulator/RequestBody/BodyLimits")<BodyLimits, Limits>() {}

/** The body limits, the defaults where none are given. */
export const layer = (
  limits: { readonly [K in keyof Limits]?: Limits[K] | undefined } = {}
): Layer.Layer<BodyLimits> =>
  Layer.succeed(BodyLimits, {
    maxBodyBytes: limits.maxBodyBytes ?? defaultMaxBodyBytes,
    maxJsonDepth: limits.maxJsonDepth ?? defaultMaxJsonDepth
  })

/** `application/json`, with or without parameters such as `charset`. */
const isJson = (contentType: string) => {
  const semicolon = contentType.indexOf(";")
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase() === "application/json"
}

const unsupportedMediaType = errorResponse(
  415,
  "unsupported_media_type",
  "Unsupported Media Type",
  "Request bodies must be JSON, sent with Content-Type: application/json."
)

const lengthRequired = errorResponse(
  411,
  "length_required",
  "Length Required",
  "Send the request body with a Content-Length header; chunked bodies are not accepted."
)

/**
 * Answers from the headers alone, before a byte of the body is read: 415 for a body that is not
 * declared as JSON (or not declared at all), 411 for a body of unknown length, 413 for one above the
 * limit. Methods the platform parses a body for (all but GET, HEAD, OPTIONS) are held to the content
 * type even with an empty body, since the platform picks its parser by that header.
 */
export const policy: HttpMiddlewareFn<BodyLimits> = Gates.middleware((fiber, request, app) => {
  const headers = request.headers
  const contentLength = headers["content-length"]
  const chunked = headers["transfer-encoding"] !== undefined
  const length = contentLength === undefined ? 0 : Number(contentLength)
  const hasBody = chunked || length > 0
  if (!hasBody && !HttpMethod.hasBody(request.method)) return app
  const contentType = headers["content-type"]
  if (contentType === undefined || contentType === "") return hasBody ? Effect.succeed(unsupportedMediaType) : app
  if (!isJson(contentType)) return Effect.succeed(unsupportedMediaType)
  if (chunked) return Effect.succeed(lengthRequired)
  const limits = Context.unsafeGet(fiber.currentContext, BodyLimits)
  return length > limits.maxBodyBytes
    ? Effect.succeed(errorResponse(
      413,
      "payload_too_large",
      "Payload Too Large",
      `The request body is ${length} bytes; the limit is ${limits.maxBodyBytes} bytes.`
    ))
    : app
})

/**
 * Whether JSON `text` nests arrays and objects deeper than `max`: one pass over the characters,
 * skipping strings, with no recursion and no allocation.
 */
export const nestedDeeperThan = (text: string, max: number): boolean => {
  if (text.length <= max) return false
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++ // a backslash escapes the next character
      else if (c === 34) inString = false
    } else if (c === 34) {
      inString = true
    } else if (c === 123 || c === 91) {
      if (++depth > max) return true
    } else if (c === 125 || c === 93) {
      depth--
    }
  }
  return false
}

/** The 400 for a body nested deeper than the limit. */
export const tooDeep = (max: number) =>
  errorResponse(
    400,
    "nesting_too_deep",
    "Bad Request",
    `The JSON body nests arrays and objects more than ${max} levels deep.`
  )

/**
 * Refuses JSON nested deeper than the limit, before the platform parses and decodes it (decoding
 * and error reporting recurse once per level). The body is read once; the platform reuses the text.
 */
export const nesting: HttpMiddlewareFn<BodyLimits> = Gates.middleware((fiber, request, app) => {
  if (!HttpMethod.hasBody(request.method)) return app
  const limits = Context.unsafeGet(fiber.currentContext, BodyLimits)
  // A body read fails here as it would in the platform's parser, which reports it.
  return Effect.matchEffect(request.text, {
    onFailure: () => app,
    onSuccess: (text) =>
      nestedDeeperThan(text, limits.maxJsonDepth) ? Effect.succeed(tooDeep(limits.maxJsonDepth)) : app
  })
})
