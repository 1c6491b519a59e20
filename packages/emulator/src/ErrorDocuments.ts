/**
 * Answers the platform's own failures in the reference's error format: a request that does not match
 * the contract becomes 422 with one error per invalid field, an unknown route 404.
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { HttpMiddlewareFn } from "./HttpMiddlewareFn.js"

interface DecodeIssue {
  readonly _tag: string
  readonly path: ReadonlyArray<string | number>
  readonly message: string
}

/**
 * One JSON:API error document, the shape of every 4xx the emulator answers:
 * `errorResponse(415, "unsupported_media_type", "Unsupported Media Type", "...")`.
 */
export const errorResponse = (
  status: number,
  code: string,
  title: string,
  detail: string,
  headers?: Readonly<Record<string, string>>
) =>
  HttpServerResponse.unsafeJson(
    { errors: [{ status: String(status), code, title, detail }] },
    headers === undefined ? { status } : { status, headers }
  )

const describeIssue = (issue: DecodeIssue, field: string) =>
  issue._tag === "Missing" ? `${field} is required` : `${field} ${issue.message.replace(/^Expected /, "must be ")}`

/**
 * A value that fails a union (an enum such as `stage`) is reported by the decoder once per member;
 * the reference sends one error per invalid field, so those issues are merged into one.
 */
const describeGroup = (group: ReadonlyArray<DecodeIssue>, field: string) => {
  if (group.length === 1) return describeIssue(group[0]!, field)
  const parts = group.map((issue) => /^Expected (.*), actual (.*)$/s.exec(issue.message))
  if (parts.every((match) => match !== null) && new Set(parts.map((match) => match![2])).size === 1) {
    return `${field} must be one of ${parts.map((match) => match![1]).join(", ")}, actual ${parts[0]![2]}`
  }
  return [...new Set(group.map((issue) => describeIssue(issue, field)))].join("; ")
}

const fromDecodeError = (issues: ReadonlyArray<DecodeIssue>, hasBody: boolean) => {
  const groups = new Map<string, Array<DecodeIssue>>()
  for (const issue of issues) {
    const key = JSON.stringify(issue.path)
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [issue])
    else group.push(issue)
  }
  const errors = [...groups.values()].map((group) => {
    const issue = group[0]!
    const field = issue.path.length === 0 ? "request" : String(issue.path[issue.path.length - 1])
    const source = hasBody && issue.path.length > 0
      ? { pointer: `/${issue.path.map(String).join("/")}` }
      : { parameter: field }
    const missing = group.every((i) => i._tag === "Missing")
    return {
      status: "422",
      code: missing ? "required" : "invalid",
      title: missing ? "Missing Attribute" : "Invalid Attribute",
      detail: describeGroup(group, field),
      source
    }
  })
  return HttpServerResponse.unsafeJson({ errors }, { status: 422 })
}

/** A body the platform could not read at all (not JSON, or not sent as application/json). */
const badRequest = errorResponse(
  400,
  "bad_request",
  "Bad Request",
  "The request body must be a JSON object sent with Content-Type: application/json."
)

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** The platform's 400 (its own decode failure) in the reference's format. */
const rewrite400 = (response: HttpServerResponse.HttpServerResponse, request: HttpServerRequest.HttpServerRequest) => {
  const text = response.body._tag === "Uint8Array" ? new TextDecoder().decode(response.body.body) : ""
  const body = parseJson(text) as { _tag?: string; issues?: ReadonlyArray<DecodeIssue>; errors?: unknown } | undefined
  if (
    body?._tag === "HttpApiDecodeError" && body.issues !== undefined && body.issues.some((i) => i.path.length > 0)
  ) {
    return fromDecodeError(body.issues, request.method === "POST" || request.method === "PUT")
  }
  if (body?.errors !== undefined) return response
  return badRequest
}

/** The current request, read where an answer needs it (rarely: a failure, a 400). */
const withRequest = (f: (request: HttpServerRequest.HttpServerRequest) => HttpServerResponse.HttpServerResponse) =>
  Effect.withFiberRuntime<HttpServerResponse.HttpServerResponse>((fiber) =>
    Effect.succeed(f(Context.unsafeGet(fiber.currentContext, HttpServerRequest.HttpServerRequest)))
  )

const onFailure = <E>(cause: Cause.Cause<E>) => {
  // The platform dies with a RequestError when the body is not valid JSON (any other defect stays one).
  const defect = Cause.dieOption(cause)
  if (Option.isSome(defect)) {
    const value = defect.value
    return typeof value === "object" && value !== null && (value as { _tag?: unknown })._tag === "RequestError"
      ? Effect.succeed(badRequest)
      : Effect.die(value)
  }
  const failure = Cause.failureOption(cause)
  return Option.isSome(failure) && (failure.value as { _tag?: unknown } | null)?._tag === "RouteNotFound"
    ? withRequest((request) =>
      errorResponse(
        404,
        "not_found",
        "Not Found",
        `No route for ${request.method} ${new URL(request.url, "http://e").pathname}`
      )
    )
    : Effect.failCause(cause)
}

const onSuccess = (response: HttpServerResponse.HttpServerResponse) =>
  response.status !== 400 ? Effect.succeed(response) : withRequest((request) => rewrite400(response, request))

// Around every request: one step that passes the answer through unchanged, as it almost always is.
/** Answers the platform's own failures (bad JSON, a body that does not decode) as JSON:API error documents. */
export const middleware: HttpMiddlewareFn = (app) => Effect.matchCauseEffect(app, { onFailure, onSuccess })
