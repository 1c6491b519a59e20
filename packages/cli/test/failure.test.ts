/**
 * Exit codes and messages for failures: every SDK error has its code, and an error the CLI does not
 * know is reported as unexpected rather than crashing the CLI.
 */
import { UploadFailed } from "@blocks-crm/accounts"
import { CrmError } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Data from "effect/Data"
import * as Option from "effect/Option"
import * as Failure from "../src/cli/Failure.js"

const exchange = { method: "GET", url: "http://127.0.0.1:1/leads/x", requestId: "req-1" }

describe("Failure.describe", () => {
  it("maps each SDK error to its exit code, with the API's words for HTTP errors", () => {
    const notFound = new CrmError.NotFound({
      ...exchange,
      status: 404,
      errors: [{
        status: "404",
        code: "not_found",
        title: "Lead Not Found",
        detail: "The requested lead could not be found."
      }]
    })
    expect(Failure.describe(notFound)).toEqual({
      code: Failure.ExitCode.api,
      message: "Error: Lead Not Found: The requested lead could not be found. (status 404, request id req-1)"
    })
    const invalid = new CrmError.ValidationFailed({
      ...exchange,
      status: 422,
      errors: [{ title: "Missing Attribute", detail: "name is required", source: { pointer: "/lead/name" } }]
    })
    expect(Failure.describe(invalid).message).toBe(
      "Error: /lead/name: Missing Attribute: name is required (status 422, request id req-1)"
    )
    const bare = new CrmError.ServerError({ ...exchange, status: 503, errors: [], retryAfter: Option.none() })
    expect(Failure.describe(bare)).toEqual({ code: Failure.ExitCode.api, message: `Error: ${bare.message}` })
    expect(Failure.describe(new CrmError.TransportError({ ...exchange, reason: "refused" })).code).toBe(
      Failure.ExitCode.transport
    )
    expect(Failure.describe(new CrmError.InvalidInput({ operation: "leads.get", issues: [] })).code).toBe(
      Failure.ExitCode.usage
    )
    expect(Failure.describe(new CrmError.ConfigurationError({ problems: [] })).code).toBe(
      Failure.ExitCode.configuration
    )
    const redirected = new CrmError.CrossOriginRedirect({
      ...exchange,
      status: 307,
      location: "http://elsewhere.test/leads/x"
    })
    expect(Failure.describe(redirected)).toEqual({
      code: Failure.ExitCode.api,
      message: `Error: ${redirected.message}`
    })
    const tooLarge = new CrmError.ResponseTooLarge({ ...exchange, status: 200, maxBytes: 1024 })
    expect(Failure.describe(tooLarge)).toEqual({ code: Failure.ExitCode.api, message: `Error: ${tooLarge.message}` })
  })

  it("an upload the upload host refused is the API's answer; one never sent is a transport failure", () => {
    const refused = new UploadFailed({ url: "http://127.0.0.1:1/uploads/k", status: 403, reason: "expired" })
    expect(Failure.describe(refused)).toEqual({ code: Failure.ExitCode.api, message: `Error: ${refused.message}` })
    const unsent = new UploadFailed({ url: "http://127.0.0.1:1/uploads/k", status: undefined, reason: "refused" })
    expect(Failure.describe(unsent)).toEqual({ code: Failure.ExitCode.transport, message: `Error: ${unsent.message}` })
  })

  it("reports a tagged error it does not know as unexpected instead of crashing", () => {
    class ParseLikeError extends Data.TaggedError("ParseError")<{ readonly message: string }> {}
    expect(Failure.describe(new ParseLikeError({ message: "bad" }))).toEqual({
      code: Failure.ExitCode.unexpected,
      message: "Unexpected error (ParseError): bad"
    })
    expect(Failure.describe("boom").code).toBe(Failure.ExitCode.unexpected)
  })
})
