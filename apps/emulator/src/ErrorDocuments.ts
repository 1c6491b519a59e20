/**
 * Answers the platform's own failures in the reference's error format: a request that does not match
 * the contract becomes 422 with one error per invalid field, an unknown route 404.
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import type { HttpMiddlewareFn } from "./HttpMiddlewareFn.js"

interface DecodeIssue {
  readonly _tag: string
  readonly path: ReadonlyArray<string | number>
  readonly message: string
}

const describeIssue = (issue: DecodeIssue, field: string) =>
  issue._tag === "Missing" ? `${field} is required` : `${field} ${issue.message.replace(/^Expected /, "must be ")}`

const fromDecodeError = (issues: ReadonlyArray<DecodeIssue>, hasBody: boolean) => {
  const errors = issues.map((issue) => {
    const field = issue.path.length === 0 ? "request" : String(issue.path[issue.path.length - 1])
    const source = hasBody && issue.path.length > 0
      ? { pointer: `/${issue.path.map(String).join("/")}` }
      : { parameter: field }
    return {
      status: "422",
      code: issue._tag === "Missing" ? "required" : "invalid",
      title: issue._tag === "Missing" ? "Missing Attribute" : "Invalid Attribute",
      detail: describeIssue(issue, field),
      source
    }
  })
  return HttpServerResponse.unsafeJson({ errors }, { status: 422 })
}

export const middleware: HttpMiddlewareFn = (app) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const response = yield* app.pipe(
      Effect.catchTag("RouteNotFound" as never, () =>
        Effect.succeed(
          HttpServerResponse.unsafeJson(
            { errors: [{ status: "404", code: "not_found", title: "Not Found", detail: `No route for ${request.method} ${new URL(request.url, "http://e").pathname}` }] },
            { status: 404 }
          )
        ))
    )
    if (response.status !== 400 || response.body._tag !== "Uint8Array") return response
    const body = JSON.parse(new TextDecoder().decode(response.body.body)) as { _tag?: string; issues?: ReadonlyArray<DecodeIssue> }
    if (body._tag !== "HttpApiDecodeError" || body.issues === undefined) return response
    return fromDecodeError(body.issues, request.method === "POST" || request.method === "PUT")
  })
