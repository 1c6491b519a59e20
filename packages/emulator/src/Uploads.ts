/**
 * Presigned uploads: the emulator hands out URLs on itself, signed with HMAC-SHA256 and expiring, and
 * keeps what is PUT there in SQLite (so it survives a restart), per tenant.
 *
 * - `presign` records a pending upload under a fresh key and signs `PUT <path>?expires=…&signature=…`.
 * - A `PUT` to that URL (no credentials: the signature is the permission) stores the bytes and their
 *   media type; a bad signature, an expired URL or another media type than presigned is a 403, a body
 *   over the limit a 413.
 * - `GET` of the same path without a query serves the bytes (the `publicUrl`).
 * - `uploaded` tells a registration (a document, a logo) what is under a key, or why nothing is.
 *
 * The secret comes from `EmulatorOptions.uploads.secret`, else `EMULATOR_UPLOAD_SECRET`, else random at
 * start; it is `Redacted` and printed nowhere. A random secret invalidates older URLs at restart, as a
 * rotated key would; uploaded bytes stay.
 */
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"
import { errorResponse } from "./ErrorDocuments.js"
import type { HttpMiddlewareFn } from "./HttpMiddlewareFn.js"
import * as Gates from "./internal/Gates.js"

/** Presigned uploads: the signing secret, how long a URL works, the largest upload. */
export interface Options {
  /** The HMAC key of upload URLs. Default: `EMULATOR_UPLOAD_SECRET`, else random at each start. */
  readonly secret?: Redacted.Redacted<string> | undefined
  /** How long an upload URL works. Default: 15 minutes. */
  readonly urlTtl?: Duration.DurationInput | undefined
  /** The largest upload accepted, in bytes (413 above it). Default: 10 MiB. */
  readonly maxBytes?: number | undefined
}

/** How long a presigned upload URL works by default. */
export const defaultUrlTtl = Duration.minutes(15)
/** The largest upload accepted by default, in bytes. */
export const defaultMaxBytes = 10 * 1024 * 1024

/** Where uploads live on the emulator: `PUT` (signed) to store, `GET` to read. */
export const pathPrefix = "/__emulator/uploads/"

/** What a presign hands out. */
export interface Presigned {
  readonly uploadUrl: string
  readonly publicUrl: string
  readonly key: string
  readonly expiresAt: Date
}

/** What was uploaded under a key. */
export interface Upload {
  readonly key: string
  readonly filename: string
  readonly contentType: string
  readonly size: number
  readonly publicUrl: string
  /** The record the upload is registered as, if any (a document). */
  readonly registeredAs: string | undefined
}

/** What a tenant stores: every completed upload. */
export interface StoredFiles {
  readonly bytes: number
  readonly documents: number
  readonly logos: number
}

/** Why there is nothing to register under a key. */
export type Missing = "unknown" | "pending" | "expired"

/** Presigned upload URLs and the bytes uploaded to them, counted per tenant. */
export class Uploads extends Context.Tag("@blocks-crm/emulator/Uploads")<
  Uploads,
  {
    /**
     * A pending upload under a fresh key inside `scope` (`accounts/<id>/documents`), and its signed URL on
     * `origin` (where the caller reached the emulator).
     */
    readonly presign: (input: {
      readonly tenantId: string
      readonly origin: string
      readonly scope: string
      readonly filename: string
      readonly contentType: string | undefined
    }) => Effect.Effect<Presigned>
    /** What the tenant uploaded under `key` inside `scope`, or why there is nothing. */
    readonly uploaded: (
      tenantId: string,
      key: string,
      scope: string,
      origin: string
    ) => Effect.Effect<Either.Either<Upload, Missing>>
    /** Marks an upload as registered (a key is registered once). */
    readonly register: (tenantId: string, key: string, recordId: string) => Effect.Effect<void>
    /** Forgets an upload and its bytes. */
    readonly remove: (tenantId: string, key: string) => Effect.Effect<void>
    /** The bytes a tenant stores (every completed upload): what the companies domain reports as storage. */
    readonly storedBytes: (tenantId: string) => Effect.Effect<number>
    /** The bytes and the files a tenant stores, documents and logos apart (by the scope they were presigned in). */
    readonly stored: (tenantId: string) => Effect.Effect<StoredFiles>
  }
>() {}

/** The key in a public URL of this emulator, if it is one. */
export const keyOf = (publicUrl: string): string | undefined => {
  const at = publicUrl.indexOf(pathPrefix)
  return at === -1 ? undefined : publicUrl.slice(at + pathPrefix.length).split("?")[0]
}

/** A file name as a key segment: URL-safe characters only, so the key needs no encoding. */
const safeName = (filename: string): string => {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(-100)
  return safe === "" ? "file" : safe
}

/** The media type without parameters, lower case. */
const mediaType = (contentType: string | undefined): string | undefined => {
  const bare = contentType?.split(";")[0]?.trim().toLowerCase()
  return bare === undefined || bare === "" ? undefined : bare
}

interface Row {
  readonly tenant_id: string
  readonly scope: string
  readonly filename: string
  readonly content_type: string | null
  readonly expires_at: number
  readonly size: number | null
  readonly record_id: string | null
}

/** How presigned uploads are signed and bounded, as the running emulator applies them. */
export interface Settings {
  readonly secret: Redacted.Redacted<string>
  readonly ttl: Duration.Duration
  readonly maxBytes: number
}

/** The upload settings in force, as a service. */
export class UploadSettings extends Context.Tag("@blocks-crm/emulator/Uploads/Settings")<UploadSettings, Settings>() {}

const signatureOf = (secret: Redacted.Redacted<string>, key: string, expires: number): Buffer =>
  createHmac("sha256", Redacted.value(secret)).update(`PUT\n${key}\n${expires}`).digest()

/** Whether `signature` (base64url) is the HMAC of the key and expiry, compared in constant time. */
const verify = (secret: Redacted.Redacted<string>, key: string, expires: number, signature: string): boolean => {
  const expected = signatureOf(secret, key, expires)
  const given = Buffer.from(signature, "base64url")
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** The uploads service over the `uploads` table. */
export const layer = (options: Options = {}): Layer.Layer<Uploads | UploadSettings, never, SqlClient.SqlClient> =>
  Layer.effectContext(
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const configured = options.secret !== undefined
        ? Option.some(options.secret)
        : yield* Effect.orDie(Config.option(Config.redacted("EMULATOR_UPLOAD_SECRET")))
      const settings: Settings = {
        secret: Option.getOrElse(configured, () => Redacted.make(randomBytes(32).toString("base64url"))),
        ttl: options.urlTtl === undefined ? defaultUrlTtl : Duration.decode(options.urlTtl),
        maxBytes: options.maxBytes ?? defaultMaxBytes
      }
      const publicUrl = (origin: string, key: string) => `${origin}${pathPrefix}${key}`

      const uploads: Context.Tag.Service<Uploads> = {
        presign: ({ contentType, filename, origin, scope, tenantId }) =>
          Effect.gen(function*() {
            const key = `${scope}/${crypto.randomUUID()}/${safeName(filename)}`
            const expires = Date.now() + Duration.toMillis(settings.ttl)
            yield* Effect.orDie(
              sql`INSERT INTO uploads (upload_key, tenant_id, scope, filename, content_type, expires_at)
                VALUES (${key}, ${tenantId}, ${scope}, ${filename}, ${mediaType(contentType) ?? null}, ${expires})`
            )
            const signature = signatureOf(settings.secret, key, expires).toString("base64url")
            const url = publicUrl(origin, key)
            return {
              uploadUrl: `${url}?expires=${expires}&signature=${signature}`,
              publicUrl: url,
              key,
              expiresAt: new Date(expires)
            }
          }),
        uploaded: (tenantId, key, scope, origin) =>
          Effect.map(
            Effect.orDie(sql<Row>`SELECT tenant_id, scope, filename, content_type, expires_at, size, record_id
              FROM uploads WHERE upload_key = ${key}`),
            ([row]): Either.Either<Upload, Missing> => {
              // Another tenant's key, or another owner's, is as unknown as one never presigned.
              if (row === undefined || row.tenant_id !== tenantId || row.scope !== scope) return Either.left("unknown")
              if (row.size === null) return Either.left(Date.now() > row.expires_at ? "expired" : "pending")
              return Either.right({
                key,
                filename: row.filename,
                contentType: row.content_type ?? "application/octet-stream",
                size: row.size,
                publicUrl: publicUrl(origin, key),
                registeredAs: row.record_id ?? undefined
              })
            }
          ),
        register: (tenantId, key, recordId) =>
          Effect.asVoid(Effect.orDie(
            sql`UPDATE uploads SET record_id = ${recordId} WHERE upload_key = ${key} AND tenant_id = ${tenantId}`
          )),
        remove: (tenantId, key) =>
          Effect.asVoid(Effect.orDie(sql`DELETE FROM uploads WHERE upload_key = ${key} AND tenant_id = ${tenantId}`)),
        storedBytes: (tenantId) =>
          Effect.map(
            Effect.orDie(sql<{ readonly total: number | null }>`SELECT SUM(size) AS total FROM uploads
              WHERE tenant_id = ${tenantId} AND size IS NOT NULL`),
            (rows) => rows[0]?.total ?? 0
          ),
        stored: (tenantId) =>
          Effect.map(
            Effect.orDie(sql<{ readonly bytes: number | null; readonly documents: number; readonly logos: number }>`
              SELECT SUM(size) AS bytes,
                COUNT(CASE WHEN scope LIKE '%/documents' THEN 1 END) AS documents,
                COUNT(CASE WHEN scope LIKE '%/logo' THEN 1 END) AS logos
              FROM uploads WHERE tenant_id = ${tenantId} AND size IS NOT NULL`),
            (rows) => ({ bytes: rows[0]?.bytes ?? 0, documents: rows[0]?.documents ?? 0, logos: rows[0]?.logos ?? 0 })
          )
      }
      return Context.make(Uploads, uploads).pipe(Context.add(UploadSettings, settings))
    })
  )

const forbidden = (code: string, detail: string) => errorResponse(403, code, "Forbidden", detail)

/** `PUT <prefix><key>?expires=…&signature=…`: checks the signature, the expiry and the body, then stores it. */
const store = (request: HttpServerRequest.HttpServerRequest, key: string, query: URLSearchParams) =>
  Effect.gen(function*() {
    const settings = yield* UploadSettings
    const sql = yield* SqlClient.SqlClient
    const expires = Number(query.get("expires") ?? Number.NaN)
    const signature = query.get("signature") ?? ""
    if (!Number.isSafeInteger(expires) || signature === "") {
      return forbidden("signature_missing", "The upload URL has no signature; ask for one with presign.")
    }
    if (!verify(settings.secret, key, expires, signature)) {
      return forbidden(
        "signature_mismatch",
        "The upload URL's signature does not match; ask for a new URL with presign."
      )
    }
    if (Date.now() > expires) {
      return forbidden(
        "upload_url_expired",
        `The upload URL expired at ${new Date(expires).toISOString()}; ask for a new one with presign.`
      )
    }
    const [row] = yield* sql<Pick<Row, "content_type">>`SELECT content_type FROM uploads WHERE upload_key = ${key}`
    if (row === undefined) {
      return errorResponse(404, "not_found", "Upload Not Found", "Nothing is presigned under this key any more.")
    }
    const sent = mediaType(request.headers["content-type"])
    if (row.content_type !== null && sent !== row.content_type) {
      return forbidden(
        "content_type_mismatch",
        `The upload was presigned for ${row.content_type}; it was sent as ${sent ?? "no content type"}.`
      )
    }
    const length = request.headers["content-length"]
    if (length === undefined || !/^\d+$/.test(length)) {
      return errorResponse(411, "length_required", "Length Required", "Send the upload with a Content-Length header.")
    }
    if (Number(length) > settings.maxBytes) {
      return errorResponse(
        413,
        "payload_too_large",
        "Payload Too Large",
        `The upload is ${length} bytes; the limit is ${settings.maxBytes} bytes.`
      )
    }
    // The HTTP parser delivers no more than the declared length.
    const bytes = Buffer.from(yield* request.arrayBuffer)
    if (bytes.length === 0) {
      return errorResponse(422, "empty_upload", "Empty Upload", "The upload has no bytes.")
    }
    const contentType = row.content_type ?? sent ?? "application/octet-stream"
    yield* sql`UPDATE uploads SET bytes = ${bytes}, size = ${bytes.length}, content_type = ${contentType},
      uploaded_at = ${new Date().toISOString()} WHERE upload_key = ${key}`
    return HttpServerResponse.unsafeJson({ key, size: bytes.length, content_type: contentType })
  })

/** `GET <prefix><key>`: the uploaded bytes, as a public bucket serves them. */
const read = (key: string) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const [row] = yield* sql<{ readonly bytes: Uint8Array | null; readonly content_type: string | null }>`
      SELECT bytes, content_type FROM uploads WHERE upload_key = ${key}`
    return row?.bytes === null || row?.bytes === undefined
      ? errorResponse(404, "not_found", "Upload Not Found", "Nothing has been uploaded under this key.")
      : HttpServerResponse.uint8Array(new Uint8Array(row.bytes), {
        contentType: row.content_type ?? "application/octet-stream"
      })
  })

/**
 * The upload URLs, answered before anything else reads the request: they carry no credentials (the
 * signature is the permission) and their bodies are files, not JSON.
 */
export const middleware: HttpMiddlewareFn<UploadSettings | SqlClient.SqlClient> = Gates.middleware((
  _,
  request,
  next
) => {
  if (!request.url.startsWith(pathPrefix)) return next
  const url = new URL(request.url, "http://emulator")
  const key = url.pathname.slice(pathPrefix.length)
  const answer = request.method === "PUT"
    ? store(request, key, url.searchParams)
    : request.method === "GET" || request.method === "HEAD"
    ? read(key)
    : Effect.succeed(
      errorResponse(405, "method_not_allowed", "Method Not Allowed", "Uploads take PUT (signed) and GET.", {
        allow: "GET, HEAD, PUT"
      })
    )
  return Effect.orDie(answer)
})
