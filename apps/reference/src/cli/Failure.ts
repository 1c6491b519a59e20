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
import * as ValidationError from "@effect/cli/ValidationError"
import * as Cause from "effect/Cause"
import type { EmbeddedEmulatorError } from "./Connection.js"

export const ExitCode = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  api: 3,
  transport: 4,
  configuration: 5,
  interrupted: 130
} as const

type Known = CrmError.CrmError | CrmError.ConfigurationError | EmbeddedEmulatorError

const isKnown = (error: unknown): error is Known =>
  typeof error === "object" && error !== null && "_tag" in error && typeof error._tag === "string" &&
  error instanceof Error

const apiSummary = (error: Extract<Known, { readonly errors: ReadonlyArray<CrmError.ApiErrorObject> }>, fallback: string) => {
  const parts = error.errors.map((e) => {
    const text = e.title !== undefined && e.detail !== undefined && e.detail !== e.title
      ? `${e.title}: ${e.detail}`
      : e.detail ?? e.title ?? fallback
    return error._tag === "ValidationFailed" && e.source?.pointer !== undefined ? `${e.source.pointer}: ${text}` : text
  })
  return `Error: ${parts.length > 0 ? parts.join("; ") : fallback} (status ${error.status}, request id ${error.requestId})`
}

/** The exit code and the message of a failed command. */
export const describe = (error: unknown): { readonly code: number; readonly message: string | undefined } => {
  // @effect/cli has already printed its own message (and the usage) for these.
  if (ValidationError.isValidationError(error)) return { code: ExitCode.usage, message: undefined }
  if (!isKnown(error)) return { code: ExitCode.unexpected, message: `Unexpected error: ${String(error)}` }
  switch (error._tag) {
    case "ConfigurationError":
    case "EmbeddedEmulatorError":
      return { code: ExitCode.configuration, message: `Error: ${error.message}` }
    case "InvalidInput":
      return { code: ExitCode.usage, message: `Error: ${error.message}` }
    case "Unauthorized":
      return { code: ExitCode.api, message: apiSummary(error, "missing or invalid credentials") }
    case "Forbidden":
      return { code: ExitCode.api, message: apiSummary(error, "not allowed") }
    case "NotFound":
      return { code: ExitCode.api, message: apiSummary(error, "not found") }
    case "Conflict":
      return { code: ExitCode.api, message: apiSummary(error, "conflict") }
    case "ValidationFailed":
      return { code: ExitCode.api, message: apiSummary(error, "validation failed") }
    case "RateLimited":
      return { code: ExitCode.api, message: apiSummary(error, "rate limited") }
    case "ServerError":
      return { code: ExitCode.api, message: apiSummary(error, "server error") }
    case "UnexpectedResponse":
      return { code: ExitCode.api, message: `Error: ${error.message}` }
    case "Timeout":
    case "TransportError":
    case "Aborted":
      return { code: ExitCode.transport, message: `Error: ${error.message}` }
  }
}

/** The exit code and message of a failed run: a failure, an interruption, or a defect (with its trace). */
export const describeCause = (cause: Cause.Cause<unknown>): { readonly code: number; readonly message: string | undefined } => {
  const failure = Cause.failureOption(cause)
  if (failure._tag === "Some") return describe(failure.value)
  if (Cause.isInterruptedOnly(cause)) return { code: ExitCode.interrupted, message: undefined }
  return { code: ExitCode.unexpected, message: `Unexpected error:\n${Cause.pretty(cause)}` }
}
