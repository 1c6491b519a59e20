/**
 * What the CLI prints for a failure, and its exit code:
 *
 *   0  ok
 *   1  unexpected (a bug: the cause is printed)
 *   2  usage: a flag or argument @effect/cli rejected, or input the client rejected before sending
 *   3  the API answered with an error (4xx, 5xx, or a body the contract does not describe)
 *   4  the API could not be reached, or did not answer in time
 *   5  configuration: missing or invalid settings, or the embedded emulator could not start
 *
 * Expected failures print one `Error: ...` line (configuration errors list every problem), never a
 * stack trace.
 */
import type * as CrmError from "@blocks-crm/core-http/CrmError"
import * as Cause from "effect/Cause"
import * as Workflows from "./Workflows.js"

/** The exit codes of `crm`, by what went wrong (the help lists them). */
export const ExitCode = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  api: 3,
  transport: 4,
  configuration: 5,
  interrupted: 130
} as const

/**
 * `ValidationError.isValidationError` without loading `@effect/cli`: a command that ran without it
 * (`DirectRun`) fails with none, and the check is the same symbol.
 */
const isValidationError = (error: unknown) =>
  typeof error === "object" && error !== null && Symbol.for("@effect/cli/ValidationError") in error

const tagOf = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "_tag" in error && typeof error._tag === "string"
    ? error._tag
    : undefined

/** The API's own words (title: detail, and the field for a 422) with status and request id; no URL. */
const apiSummary = (error: Extract<CrmError.ApiError, { readonly errors: ReadonlyArray<CrmError.ApiErrorObject> }>) => {
  const parts = error.errors.map((e) => {
    const text = e.title !== undefined && e.detail !== undefined && e.detail !== e.title
      ? `${e.title}: ${e.detail}`
      : e.detail ?? e.title
    return e.source?.pointer !== undefined && text !== undefined ? `${e.source.pointer}: ${text}` : text
  }).filter((part) => part !== undefined)
  return parts.length > 0
    ? `Error: ${parts.join("; ")} (status ${error.status}, request id ${error.requestId})`
    : `Error: ${error.message}`
}

const configurationTags = new Set(["ConfigurationError", "EmbeddedEmulatorError"])
const transportTags = new Set(["Timeout", "TransportError", "Aborted"])
/** The API answered, but not with something the SDK may use. */
const answerTags = new Set(["UnexpectedResponse", "PageLimitExceeded", "ResponseTooLarge", "CrossOriginRedirect"])

/** The exit code and the message of a failed command. */
export const describe = (error: unknown): { readonly code: number; readonly message: string | undefined } => {
  // @effect/cli has already printed its own message (and the usage) for these.
  if (isValidationError(error)) return { code: ExitCode.usage, message: undefined }
  const tag = tagOf(error)
  // A refusal the CLI explains (a workflow's allowed next statuses): the error's own message, then the hint.
  if (error instanceof Workflows.Explained) {
    const described = describe(error.error)
    return { code: described.code, message: [described.message, error.hint].filter((l) => l !== undefined).join("\n") }
  }
  if (tag === undefined || !(error instanceof Error)) {
    return { code: ExitCode.unexpected, message: `Unexpected error: ${String(error)}` }
  }
  if (configurationTags.has(tag)) return { code: ExitCode.configuration, message: `Error: ${error.message}` }
  if (tag === "InvalidInput") return { code: ExitCode.usage, message: `Error: ${error.message}` }
  if (transportTags.has(tag)) return { code: ExitCode.transport, message: `Error: ${error.message}` }
  if (answerTags.has(tag)) return { code: ExitCode.api, message: `Error: ${error.message}` }
  // A one-call upload's PUT: refused by the upload host (it answered) or not sent at all.
  if (tag === "UploadFailed") {
    const answered = "status" in error && error.status !== undefined
    return { code: answered ? ExitCode.api : ExitCode.transport, message: `Error: ${error.message}` }
  }
  if ("errors" in error && "status" in error && "requestId" in error) {
    return { code: ExitCode.api, message: apiSummary(error as unknown as Parameters<typeof apiSummary>[0]) }
  }
  // A tagged error the CLI does not know (a platform or parse error): a bug, shown as such.
  return { code: ExitCode.unexpected, message: `Unexpected error (${tag}): ${error.message}` }
}

/** The exit code and message of a failed run: a failure, an interruption, or a defect (with its trace). */
export const describeCause = (
  cause: Cause.Cause<unknown>
): { readonly code: number; readonly message: string | undefined } => {
  const failure = Cause.failureOption(cause)
  if (failure._tag === "Some") return describe(failure.value)
  if (Cause.isInterruptedOnly(cause)) return { code: ExitCode.interrupted, message: undefined }
  return { code: ExitCode.unexpected, message: `Unexpected error:\n${Cause.pretty(cause)}` }
}
