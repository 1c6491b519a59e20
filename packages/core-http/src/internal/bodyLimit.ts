/**
 * The response size limit: a body is read into memory only up to `maxResponseBytes` (counted after
 * decompression), and one over the limit is dropped as soon as it is known to be (`ResponseTooLarge`).
 *
 * @internal
 */
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { ResponseTooLarge } from "../CrmError.js"
import type { ExchangeInfo } from "../CrmError.js"

/** What reading a body needs to know: the limit, and the exchange to name in an error. @internal */
export interface BodyLimit {
  readonly info: ExchangeInfo
  readonly maxBytes: number
}

const digits = /^\d+$/

/**
 * The body, at most `maxBytes` of it. An unencoded body with a Content-Length is checked up front and
 * read in one go (the HTTP parser never delivers more than the declared length); any other body
 * (chunked, or compressed, so counted after decompression) is counted while it streams, and dropped
 * as soon as it passes the limit.
 *
 * @internal
 */
export const readBody = (
  response: HttpClientResponse.HttpClientResponse,
  limit: BodyLimit
): Effect.Effect<ArrayBuffer, ResponseTooLarge | HttpClientError.ResponseError> =>
  readKnown(response, limit) ?? readStream(response, limit)

/**
 * The body when its length is declared or it comes from fetch (read from the web stream), else
 * `undefined`: another client's body, which the caller reads its own way.
 *
 * @internal
 */
export const readKnown = (
  response: HttpClientResponse.HttpClientResponse,
  limit: BodyLimit
): Effect.Effect<ArrayBuffer, ResponseTooLarge | HttpClientError.ResponseError> | undefined => {
  const length = response.headers["content-length"]
  const encoding = response.headers["content-encoding"]
  if (length !== undefined && digits.test(length) && (encoding === undefined || encoding === "identity")) {
    return Number(length) > limit.maxBytes
      ? Effect.zipRight(discard(response), Effect.fail(tooLarge(response, limit)))
      : response.arrayBuffer
  }
  return readFetched(response, limit)
}

/**
 * A body from fetch, counted while it streams and dropped as soon as it passes the limit; `undefined`
 * for another client's body. What a browser needs: its fetch gives every body as a stream, and an
 * announced length is only counted as it arrives.
 *
 * @internal
 */
export const readFetched = (
  response: HttpClientResponse.HttpClientResponse,
  limit: BodyLimit
): Effect.Effect<ArrayBuffer, ResponseTooLarge | HttpClientError.ResponseError> | undefined => {
  const web = webResponseOf(response)
  return web === undefined ? undefined : readWeb(response, web, limit)
}

/**
 * A body read whole, then checked against the limit: for clients that are neither fetch nor announce
 * the length, where the streaming count (`readStream`) is not worth its code (browser bundles).
 *
 * @internal
 */
export const readWhole = (
  response: HttpClientResponse.HttpClientResponse,
  limit: BodyLimit
): Effect.Effect<ArrayBuffer, ResponseTooLarge | HttpClientError.ResponseError> =>
  Effect.flatMap(
    response.arrayBuffer,
    (bytes) => bytes.byteLength > limit.maxBytes ? Effect.fail(tooLarge(response, limit)) : Effect.succeed(bytes)
  )

/** Ends reading a dropped body at its first chunk, which closes the stream (and the connection). */
const dropped: unique symbol = Symbol("dropped")

/** Drops a body that will not be read (a redirect's, or one over the limit): the connection is closed. @internal */
export const discard = (response: HttpClientResponse.HttpClientResponse): Effect.Effect<void> => {
  const web = webResponseOf(response)
  return web === undefined
    ? Effect.ignore(Stream.runForEach(response.stream, () => Effect.fail(dropped)))
    : Effect.promise(() => web.body?.cancel().catch(() => undefined) ?? Promise.resolve())
}

const tooLarge = (response: HttpClientResponse.HttpClientResponse, limit: BodyLimit) =>
  new ResponseTooLarge({ ...limit.info, status: response.status, maxBytes: limit.maxBytes })

/**
 * The fetch Response under a platform response, when there is one. Reading it directly costs one
 * promise per chunk, where an Effect `Stream` costs several effects; other clients take `readStream`.
 */
const webResponseOf = (response: HttpClientResponse.HttpClientResponse): Response | undefined => {
  const inner = (response as { readonly original?: unknown }).original ?? response
  const source = (inner as { readonly source?: unknown }).source
  return source instanceof Response && !source.bodyUsed ? source : undefined
}

const overLimit: unique symbol = Symbol("overLimit")

const readWeb = (response: HttpClientResponse.HttpClientResponse, web: Response, limit: BodyLimit) =>
  Effect.flatMap(
    Effect.tryPromise({
      try: async (signal): Promise<ArrayBuffer | typeof overLimit> => {
        if (web.body === null) return new ArrayBuffer(0)
        const reader = web.body.getReader()
        // An interrupted read (a timeout) cancels the body, which closes the connection.
        const cancel = () => void reader.cancel().catch(() => undefined)
        signal.addEventListener("abort", cancel, { once: true })
        try {
          const chunks: Array<Uint8Array> = []
          let size = 0
          for (;;) {
            const { done, value } = await reader.read()
            if (done) return concat(chunks, size)
            size += value.byteLength
            if (size > limit.maxBytes) {
              cancel()
              return overLimit
            }
            chunks.push(value)
          }
        } finally {
          signal.removeEventListener("abort", cancel)
        }
      },
      catch: (cause) =>
        new HttpClientError.ResponseError({ request: response.request, response, reason: "Decode", cause })
    }),
    (bytes) => (bytes === overLimit ? Effect.fail(tooLarge(response, limit)) : Effect.succeed(bytes))
  )

const readStream = (response: HttpClientResponse.HttpClientResponse, limit: BodyLimit) =>
  Effect.suspend(() => {
    const chunks: Array<Uint8Array> = []
    let size = 0
    return response.stream.pipe(
      Stream.runForEach((chunk) => {
        size += chunk.byteLength
        if (size > limit.maxBytes) return Effect.fail(tooLarge(response, limit))
        chunks.push(chunk)
        return Effect.void
      }),
      Effect.map(() => concat(chunks, size)),
      Effect.catchIf(
        (error): error is HttpClientError.ResponseError =>
          error._tag === "ResponseError" && error.reason === "EmptyBody",
        () => Effect.succeed(new ArrayBuffer(0))
      )
    )
  })

const concat = (chunks: ReadonlyArray<Uint8Array>, size: number): ArrayBuffer => {
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out.buffer
}
