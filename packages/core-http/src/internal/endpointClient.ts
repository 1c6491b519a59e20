/**
 * One derived endpoint's client: the request checked and encoded from the contract's schemas, sent
 * through the transport, and its answer decoded by the success schema of its status (`ApiClient.group`
 * makes one per endpoint).
 */
import type * as Headers from "@effect/platform/Headers"
import type * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as HttpBody from "@effect/platform/HttpBody"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpMethod from "@effect/platform/HttpMethod"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import { excerpt, InvalidInput, isApiError, UnexpectedResponse } from "../CrmError.js"
import type { ApiError } from "../CrmError.js"
import type { Exchange } from "../CrmTransport.js"
import { BufferedResponse } from "./bufferedResponse.js"
import { isFormData } from "./formData.js"
import { scrubError } from "./redact.js"
import { renderPath, requestCheckOf, withoutUndefined } from "./requestCheck.js"
import type { EndpointRequest } from "./requestCheck.js"

const firstIssue = (error: ParseResult.ParseError) => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  return issues[0]
}

const isJsonText = (text: string): boolean => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** Why decoding (or reporting) a body threw instead of failing. */
const undecodable = (cause: unknown): string =>
  cause instanceof RangeError && /call stack/i.test(cause.message)
    ? "a value in the body is nested too deeply to decode"
    : `the body could not be decoded (${cause instanceof Error ? cause.message : "unknown failure"})`

const toApiError = (error: unknown, exchange: Exchange | undefined, defect = false): ApiError => {
  if (isApiError(error)) return error
  const body = exchange?.body ?? ""
  // A body that is not JSON at all fails at the parse (an issue with no path): report what came instead.
  const isJson = exchange === undefined || isJsonText(body)
  let issue: ReturnType<typeof firstIssue> | undefined
  let reason: string
  try {
    issue = !defect && isJson && ParseResult.isParseError(error) ? firstIssue(error) : undefined
    reason = issue !== undefined
      ? issue.message
      : !isJson
      ? `expected JSON, got ${exchange?.contentType ?? "no content type"}`
      : defect
      ? undecodable(error)
      : error instanceof Error
      ? error.message
      : String(error)
  } catch (cause) {
    // Reporting can fail where decoding did not: a value nested thousands deep overflows the formatter.
    issue = undefined
    reason = undecodable(cause)
  }
  const unexpected = new UnexpectedResponse({
    method: exchange?.method ?? "",
    url: exchange?.url ?? "",
    requestId: exchange?.requestId ?? "",
    status: exchange?.status ?? 0,
    contentType: exchange?.contentType,
    bodyExcerpt: excerpt(body),
    path: issue === undefined || issue.path.length === 0 ? undefined : excerpt(renderPath(issue.path)),
    // A mismatch quotes the value it got, which can be the whole body.
    reason: excerpt(reason, 1_000)
  })
  return exchange === undefined ? unexpected : scrubError(unexpected, exchange.scrub)
}

/** Encodes a request part (path, URL parameters, headers, body) synchronously: every contract schema is. */
const encoderOf = (schema: Option.Option<Schema.Schema.Any>) =>
  Option.match(schema, {
    onNone: () => undefined,
    onSome: (s) => Schema.encodeUnknownEither(s as Schema.Schema<unknown, unknown>)
  })

const paramsPattern = /:(\w+)\??/g

/** `/leads/:uniqueId` → a function of the encoded path parameters (as the platform's client builds it). */
const compilePath = (path: string): (params: Readonly<Record<string, unknown>>) => string => {
  const segments = path.split(paramsPattern)
  if (segments.length === 1) return () => path
  return (params) => {
    let url = segments[0]!
    for (let i = 1; i < segments.length; i++) url += i % 2 === 0 ? segments[i] : String(params[segments[i]!])
    return url
  }
}

const utf8 = new TextDecoder()

/** The body: the transport has read it already (inside the attempt's timeout). */
const bytesOf = (response: HttpClientResponse.HttpClientResponse): Effect.Effect<ArrayBuffer, ApiError> =>
  response instanceof BufferedResponse
    ? Effect.succeed(response.bytes)
    : Effect.mapError(response.arrayBuffer, (error) => toApiError(error, undefined))

/** The response's text: the transport's buffered copy when it has one. */

const mediaType = (contentType: string) => contentType.split(";")[0]!.trim().toLowerCase()

/**
 * The decoder of one success: JSON (the API's), text, bytes or form parameters, as the contract says.
 * Text is decoded from the bytes and not kept on the response (`BufferedResponse.bodyText` caches it):
 * a page's text (500 kB) held there outlived the page in old space until a full GC, for every page of a
 * stream. An error report decodes it again, only on failure.
 */
const successDecoder = (
  ast: AST.AST
): (response: HttpClientResponse.HttpClientResponse, bytes: ArrayBuffer) => Either.Either<unknown, unknown> => {
  const encoding = HttpApiSchema.getEncoding(ast)
  const decode = Schema.decodeUnknownEither(Schema.make(ast))
  switch (encoding.kind) {
    case "Json":
      return (_response, bytes) => {
        const text = utf8.decode(bytes)
        let json: unknown
        try {
          json = text === "" ? undefined : JSON.parse(text)
        } catch {
          return Either.left(new Error("the body is not JSON"))
        }
        return decode(json)
      }
    case "Text": {
      // A text success declares its media type (`text/calendar`): any other answer is not that document.
      const expected = mediaType(encoding.contentType)
      return (response, bytes) => {
        const got = response.headers["content-type"]
        if (got === undefined || mediaType(got) !== expected) {
          return Either.left(new Error(`expected ${encoding.contentType}, got ${got ?? "no content type"}`))
        }
        return decode(utf8.decode(bytes))
      }
    }
    case "Uint8Array":
      return (_, bytes) => decode(new Uint8Array(bytes))
    case "UrlParams":
      return (_, bytes) =>
        decode(Object.fromEntries(new URLSearchParams(utf8.decode(bytes)) as unknown as Iterable<[string, string]>))
  }
}

const bodyOf = (ast: AST.AST, encoded: unknown): Either.Either<HttpBody.HttpBody, string> => {
  const encoding = HttpApiSchema.getEncoding(ast)
  switch (encoding.kind) {
    case "Json":
      return Either.right(HttpBody.text(JSON.stringify(encoded), encoding.contentType))
    case "Text":
      return typeof encoded === "string"
        ? Either.right(HttpBody.text(encoded, encoding.contentType))
        : Either.left("Expected a string body")
    case "Uint8Array":
      return encoded instanceof Uint8Array
        ? Either.right(HttpBody.uint8Array(encoded, encoding.contentType))
        : Either.left("Expected a Uint8Array body")
    case "UrlParams":
      return Either.right(HttpBody.urlParams(UrlParams.fromInput(encoded as UrlParams.Input)))
  }
}

/** A request part the contract's own schema refuses to encode (the request was checked first: this is the net). */
const unencodable = (part: string, error: unknown): ApiError =>
  toApiError(
    ParseResult.isParseError(error) ? error : new Error(`the ${part} could not be encoded (${String(error)})`),
    undefined
  )

/**
 * One endpoint's function: encodes the request with the contract's schemas, sends it through the
 * transport (which fails every non-2xx with its `ApiError`), and decodes the success the contract
 * declares for the status. A body that does not decode is an `UnexpectedResponse` naming the path.
 */
export const endpointClient = (
  groupName: string,
  endpoint: HttpApiEndpoint.HttpApiEndpoint.AnyWithProps,
  successes: ReadonlyMap<number, { readonly ast: Option.Option<AST.AST> }>,
  client: HttpClient.HttpClient.With<ApiError>
) => {
  const check = requestCheckOf(endpoint)
  const makeUrl = compilePath(endpoint.path)
  const method = endpoint.method as HttpMethod.HttpMethod
  const encodePath = encoderOf(endpoint.pathSchema)
  const encodeUrlParams = encoderOf(endpoint.urlParamsSchema)
  const encodeHeaders = encoderOf(endpoint.headersSchema)
  const payloadAst = Option.getOrUndefined(Option.map(endpoint.payloadSchema, (s) => s.ast))
  const encodePayload = encoderOf(endpoint.payloadSchema)
  const withBody = HttpMethod.hasBody(method)
  const decoders = new Map<number, ReturnType<typeof successDecoder> | undefined>()
  // Statuses whose decoded value is a view of the body's bytes: their buffer is never released.
  const sharesBytes = new Set<number>()
  successes.forEach(({ ast }, status) => {
    decoders.set(status, Option.isNone(ast) ? undefined : successDecoder(ast.value))
    if (Option.isSome(ast) && HttpApiSchema.getEncoding(ast.value).kind === "Uint8Array") sharesBytes.add(status)
  })

  const request = (input: EndpointRequest): Either.Either<HttpClientRequest.HttpClientRequest, ApiError> => {
    let path: string = endpoint.path
    if (input.path !== undefined) {
      const encoded = encodePath === undefined ? Either.right(input.path) : encodePath(withoutUndefined(input.path))
      if (Either.isLeft(encoded)) return Either.left(unencodable("path", encoded.left))
      path = makeUrl(encoded.right as Record<string, unknown>)
    }
    let built = HttpClientRequest.make(method)(path)
    if (isFormData(input.payload)) {
      built = HttpClientRequest.bodyFormData(built, input.payload)
    } else if (encodePayload !== undefined && payloadAst !== undefined) {
      const encoded = encodePayload(withoutUndefined(input.payload))
      if (Either.isLeft(encoded)) return Either.left(unencodable("payload", encoded.left))
      if (withBody) {
        const body = bodyOf(payloadAst, encoded.right)
        if (Either.isLeft(body)) return Either.left(unencodable("payload", body.left))
        built = HttpClientRequest.setBody(built, body.right)
      } else {
        built = HttpClientRequest.setUrlParams(built, encoded.right as UrlParams.Input)
      }
    }
    if (encodeHeaders !== undefined) {
      const encoded = encodeHeaders(input.headers ?? {})
      if (Either.isLeft(encoded)) return Either.left(unencodable("headers", encoded.left))
      built = HttpClientRequest.setHeaders(built, encoded.right as Headers.Input)
    }
    if (encodeUrlParams !== undefined) {
      const encoded = encodeUrlParams(withoutUndefined(input.urlParams ?? {}))
      if (Either.isLeft(encoded)) return Either.left(unencodable("urlParams", encoded.left))
      built = HttpClientRequest.appendUrlParams(built, encoded.right as UrlParams.Input)
    }
    return Either.right(built)
  }

  /** A decoded body is no longer needed: the transport's copy is let go (a failure keeps it for its report). */
  const release = (response: HttpClientResponse.HttpClientResponse) => {
    if (response instanceof BufferedResponse) response.release()
  }

  /** The success the contract declares for the response's status, decoded from its body. */
  const decodeSuccess = (
    response: HttpClientResponse.HttpClientResponse,
    bytes: ArrayBuffer
  ): Effect.Effect<unknown, ApiError> => {
    const exchange = response instanceof BufferedResponse ? response.exchange : undefined
    if (!decoders.has(response.status)) {
      return Effect.fail(toApiError(new Error(`undeclared status ${response.status}`), exchange))
    }
    const decode = decoders.get(response.status)
    if (decode === undefined) {
      release(response)
      return Effect.void
    }
    let decoded: Either.Either<unknown, unknown>
    try {
      decoded = decode(response, bytes)
    } catch (defect) {
      // A body can break the decoder itself (a value nested thousands deep overflows the stack):
      // that is the response's fault, reported like any other bad body.
      return Effect.fail(toApiError(defect, exchange, true))
    }
    if (Either.isLeft(decoded)) return Effect.fail(toApiError(decoded.left, exchange))
    if (!sharesBytes.has(response.status)) release(response)
    return Effect.succeed(decoded.right)
  }

  return (input: EndpointRequest | undefined, method?: string): Effect.Effect<unknown, ApiError | InvalidInput> =>
    Effect.suspend((): Effect.Effect<unknown, ApiError | InvalidInput> => {
      const issues = check(input ?? {})
      if (issues !== undefined) {
        return Effect.fail(new InvalidInput({ operation: `${groupName}.${method ?? endpoint.name}`, issues }))
      }
      const built = request(input ?? {})
      if (Either.isLeft(built)) return Effect.fail(built.left)
      return Effect.flatMap(client.execute(built.right), (response) =>
        response instanceof BufferedResponse
          ? decodeSuccess(response, response.bytes)
          : Effect.flatMap(bytesOf(response), (bytes) => decodeSuccess(response, bytes)))
    })
}
