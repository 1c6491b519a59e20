/**
 * The step every one-call upload shares: `PUT` the bytes to the presigned URL the API handed out,
 * through the transport's plain client, so the request carries no credentials (no Authorization,
 * AppId or X-Api-Key): the upload URL may be on another host, and its signature is the only permission.
 *
 * @internal
 */
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type { CreateDocumentRequest } from "../models/Document.js"
import { UploadFailed } from "../models/Upload.js"
import type { DocumentUpload, PresignedUpload, PresignRequest } from "../models/Upload.js"

/** The URL without its query and fragment: the signature never goes into an error. */
const withoutQuery = (url: URL): string => `${url.origin}${url.pathname}`

/**
 * The reason an upload host gave: the first JSON:API error's detail or title (without any value of the
 * URL's query, should the host echo its signature), else the status alone.
 */
const reasonOf = (status: number, body: string, url: URL): string => {
  try {
    const first = (JSON.parse(body) as { errors?: ReadonlyArray<{ detail?: unknown; title?: unknown }> }).errors?.[0]
    const text = first?.detail ?? first?.title
    if (typeof text === "string" && text !== "") {
      let reason = text.slice(0, 300)
      for (const value of url.searchParams.values()) {
        if (value.length >= 6) reason = reason.split(value).join("[redacted]")
      }
      return reason
    }
  } catch {
    // Not JSON (an S3-style XML error, or nothing): the status says enough.
  }
  return `the upload URL answered ${status}`
}

/**
 * Sends `bytes` to `uploadUrl` with `contentType`, within the transport's per-attempt timeout. Not
 * retried: a presigned URL may be single-use, and the caller can run the whole upload again.
 */
export const putBytes = (
  transport: Context.Tag.Service<typeof CrmTransport>,
  uploadUrl: string,
  bytes: Uint8Array,
  contentType: string
): Effect.Effect<void, UploadFailed> => {
  let url: URL
  try {
    url = new URL(uploadUrl)
  } catch {
    return Effect.fail(new UploadFailed({ url: "", status: undefined, reason: "the presign answered an invalid URL" }))
  }
  const where = withoutQuery(url)
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Effect.fail(new UploadFailed({ url: where, status: undefined, reason: "the upload URL is not http(s)" }))
  }
  const timeout = transport.settings.timeout
  const request = HttpClientRequest.put(url.href).pipe(HttpClientRequest.bodyUint8Array(bytes, contentType))
  return transport.plainClient.execute(request).pipe(
    Effect.flatMap((response) =>
      response.status >= 200 && response.status < 300
        ? Effect.asVoid(Effect.ignore(response.text))
        : Effect.flatMap(
          Effect.orElseSucceed(response.text, () => ""),
          (body) =>
            Effect.fail(
              new UploadFailed({ url: where, status: response.status, reason: reasonOf(response.status, body, url) })
            )
        )
    ),
    Effect.catchTags({
      RequestError: (error) =>
        Effect.fail(
          new UploadFailed({
            url: where,
            status: undefined,
            reason: error.cause instanceof Error ? error.cause.message : error.reason
          })
        ),
      ResponseError: (error) =>
        Effect.fail(
          new UploadFailed({
            url: where,
            status: error.response.status,
            reason: `the answer could not be read (${error.reason})`
          })
        )
    }),
    Effect.timeoutFail({
      duration: timeout,
      onTimeout: () =>
        new UploadFailed({ url: where, status: undefined, reason: `no answer within ${Duration.format(timeout)}` })
    })
  )
}

/** The file name a logo is presigned under: it has none of its own, so it is named after its type. */
export const logoFilename = (contentType: string): string => {
  const subtype = contentType.slice(contentType.indexOf("/") + 1).toLowerCase()
  const extension = subtype.split("+")[0]!.replace(/^x-/, "")
  return `logo.${extension === "jpeg" ? "jpg" : extension}`
}

/**
 * A one-call document upload, whoever owns the document (an account, a contact): presign, `PUT` the
 * bytes (no credentials), then register what was uploaded under the presigned key.
 */
export const uploadThenRegister = <Registered, E1, E2>(
  transport: Context.Tag.Service<typeof CrmTransport>,
  steps: {
    readonly presign: (request: PresignRequest) => Effect.Effect<PresignedUpload, E1>
    readonly register: (request: CreateDocumentRequest) => Effect.Effect<Registered, E2>
  },
  file: DocumentUpload
): Effect.Effect<Registered, E1 | E2 | UploadFailed> =>
  Effect.gen(function*() {
    const upload = yield* steps.presign({ filename: file.filename, contentType: file.contentType })
    yield* putBytes(transport, upload.uploadUrl, file.bytes, file.contentType)
    return yield* steps.register({
      key: upload.key,
      name: file.name ?? file.filename,
      originalName: file.filename,
      ...(file.description === undefined ? {} : { description: file.description })
    })
  })
