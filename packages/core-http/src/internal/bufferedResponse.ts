/**
 * A response whose body has been read into memory once (inside the attempt's timeout). Its body
 * accessors answer from that copy, without another stream read; the text is decoded only when asked
 * for (decoding a success reads the bytes; error reports read the text).
 *
 * @internal
 */
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as UrlParams from "@effect/platform/UrlParams"
import type * as Cookies from "@effect/platform/Cookies"
import type * as Headers from "@effect/platform/Headers"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import type * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { Exchange } from "../CrmTransport.js"

const utf8 = new TextDecoder()
const empty = new ArrayBuffer(0)
const releasedFrom = 16 * 1024

export class BufferedResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [HttpIncomingMessage.TypeId]: HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  readonly [HttpClientResponse.TypeId]: HttpClientResponse.TypeId = HttpClientResponse.TypeId
  readonly request: HttpClientRequest.HttpClientRequest
  readonly status: number
  readonly headers: Headers.Headers
  private decoded: string | undefined

  constructor(
    private readonly source: HttpClientResponse.HttpClientResponse,
    private body: ArrayBuffer,
    /** The request and response as errors report them (see `CrmTransport.Exchange`). */
    readonly exchange?: Exchange
  ) {
    super()
    this.request = source.request
    this.status = source.status
    this.headers = source.headers
  }

  /** The whole body (empty once released). */
  get bytes(): ArrayBuffer {
    return this.body
  }

  /**
   * Lets go of the body once it has been decoded into values that do not share it (JSON, text).
   * The buffer stays reachable after the call from objects only a full GC reclaims (measured on
   * streams, not located), so each page's 500 kB stayed in memory until then; the bytes are
   * transferred to a throwaway clone (a move, not a copy), and their memory goes with the next minor
   * GC whoever still holds the buffer, which is left empty.
   */
  release(): void {
    const bytes = this.body
    this.body = empty
    this.decoded = undefined
    // A small body costs little to keep, and a transfer (a few µs) would be most of its cost.
    if (bytes.byteLength >= releasedFrom) {
      try {
        structuredClone(bytes, { transfer: [bytes] })
      } catch {
        // A runtime that cannot transfer: the reference is dropped, the memory goes with a full GC.
      }
    }
  }

  /** The body as text (UTF-8, decoded on first use). */
  get bodyText(): string {
    return this.decoded ??= utf8.decode(this.body)
  }

  get cookies(): Cookies.Cookies {
    return this.source.cookies
  }

  get remoteAddress(): Option.Option<string> {
    return this.source.remoteAddress
  }

  get arrayBuffer(): Effect.Effect<ArrayBuffer, HttpClientError.ResponseError> {
    return Effect.succeed(this.body)
  }

  get text(): Effect.Effect<string, HttpClientError.ResponseError> {
    return Effect.sync(() => this.bodyText)
  }

  get json(): Effect.Effect<unknown, HttpClientError.ResponseError> {
    return Effect.try({
      try: () => (this.bodyText === "" ? null : JSON.parse(this.bodyText) as unknown),
      catch: (cause) => this.decodeError(cause)
    })
  }

  get urlParamsBody(): Effect.Effect<UrlParams.UrlParams, HttpClientError.ResponseError> {
    return Effect.try({
      try: () => UrlParams.fromInput(new URLSearchParams(this.bodyText)),
      catch: (cause) => this.decodeError(cause)
    })
  }

  get formData(): Effect.Effect<FormData, HttpClientError.ResponseError> {
    return Effect.tryPromise({
      try: () => new Response(this.body, { headers: this.headers }).formData(),
      catch: (cause) => this.decodeError(cause)
    })
  }

  get stream(): Stream.Stream<Uint8Array, HttpClientError.ResponseError> {
    return this.body.byteLength === 0
      ? Stream.fail(
        new HttpClientError.ResponseError({
          request: this.request,
          response: this,
          reason: "EmptyBody",
          description: "can not create stream from empty body"
        })
      )
      : Stream.succeed(new Uint8Array(this.body))
  }

  toJSON(): unknown {
    return HttpIncomingMessage.inspect(this, {
      _id: "@effect/platform/HttpClientResponse",
      request: this.request.toJSON(),
      status: this.status
    })
  }

  private decodeError(cause: unknown) {
    return new HttpClientError.ResponseError({ request: this.request, response: this, reason: "Decode", cause })
  }
}
