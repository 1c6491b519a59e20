/**
 * Uploads: the presigned URL an account logo or a document is uploaded to, what the SDK's one-call
 * uploads take, and how the upload step itself fails. The reference names the endpoints only
 * (`presign_logo`, `logo/publish`, `presign_document`); the shapes follow the official SDK's types
 * (`official-fields.md`: presign request `{filename, contentType?}`, response `{uploadUrl, publicUrl, key}`).
 *
 * @since 0.1.0
 */
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Data from "effect/Data"
import * as Schema from "effect/Schema"

/**
 * A media type such as `application/pdf` or `image/png` (type/subtype, no parameters).
 *
 * @since 0.1.0
 */
export const ContentType = Schema.String.pipe(
  Schema.filter((s) =>
    /^[A-Za-z0-9][\w!#$&^.+-]*\/[A-Za-z0-9][\w!#$&^.+-]*$/.test(s) ||
    `Expected a media type such as application/pdf, got ${JSON.stringify(s)}`
  )
).annotations({
  identifier: "ContentType",
  description: "a media type such as application/pdf",
  arbitrary: () => (fc) =>
    fc.tuple(fc.constantFrom("application", "image", "text", "video"), fc.stringMatching(/^[a-z0-9][a-z0-9.+-]{0,20}$/))
      .map(([type, subtype]) => `${type}/${subtype}`)
})

/**
 * An image media type (`image/png`, `image/svg+xml`): what a logo can be.
 *
 * @since 0.1.0
 */
export const ImageContentType = ContentType.pipe(
  Schema.filter((s) => s.toLowerCase().startsWith("image/") || `Expected an image type such as image/png, got ${s}`)
).annotations({
  identifier: "ImageContentType",
  description: "an image media type such as image/png",
  arbitrary: () => (fc) => fc.stringMatching(/^[a-z0-9][a-z0-9.+-]{0,20}$/).map((subtype) => `image/${subtype}`)
})

/**
 * A file's name as the user knows it (`contract.pdf`): not blank, no directory part, at most 255 characters.
 *
 * @since 0.1.0
 */
export const Filename = Fields.NonBlankString.pipe(
  Schema.filter((s) => !/[/\\]/.test(s) || "must be a file name without a directory (no / or \\)"),
  Schema.maxLength(255)
).annotations({ identifier: "Filename", description: "a file name such as contract.pdf" })

/**
 * Bytes to upload: at least one.
 *
 * @since 0.1.0
 */
export const UploadBytes = Schema.Uint8ArrayFromSelf.pipe(
  Schema.filter((bytes) => bytes.length > 0 || "must not be empty")
).annotations({ identifier: "UploadBytes" })

/**
 * `PUT /accounts/:unique_id/presign_logo`, `PUT …/presign_document` body. Sent as is, not wrapped
 * (the official SDK's presign type; the reference shows no body).
 *
 * @since 0.1.0
 */
export const PresignRequest = Schema.Struct({
  filename: Schema.propertySignature(Filename).annotations({ description: "The file's name" }),
  // The official SDK's `contentType?`, sent in snake_case like every other attribute.
  contentType: Fields.optionalInput(ContentType).pipe(Schema.fromKey("content_type")).annotations({
    description: "The media type the upload will have (then the upload must send it)"
  })
}).annotations({ identifier: "PresignRequest" })
/**
 * What a presign asks for: the file's name and, optionally, its media type.
 *
 * @since 0.1.0
 */
export interface PresignRequest extends Schema.Schema.Type<typeof PresignRequest> {}

/**
 * A presigned upload: `PUT` the bytes to `uploadUrl` (with no credentials), then publish or register
 * `key`. The answer is a plain object, not a JSON:API document (the official SDK's response type).
 *
 * @since 0.1.0
 */
export const PresignedUpload = Schema.Struct({
  // snake_case on the wire, as every attribute of this API (the official SDK gives camelCase only).
  uploadUrl: Fields.renamed(Schema.String, "upload_url").annotations({
    description: "Where to PUT the bytes (signed, expires)"
  }),
  publicUrl: Fields.renamed(Schema.String, "public_url").annotations({
    description: "Where the file can be read once uploaded"
  }),
  key: Schema.propertySignature(Schema.String).annotations({ description: "What to publish or register" }),
  // Not in the official SDK's type: the emulator says when the URL stops working; absent means unknown.
  expiresAt: Fields.optionalRenamed(Fields.Timestamp, "expires_at").annotations({
    description: "When the upload URL expires"
  })
}).annotations({ identifier: "PresignedUpload" })
/**
 * A presigned upload as the client sees it.
 *
 * @since 0.1.0
 */
export interface PresignedUpload extends Schema.Schema.Type<typeof PresignedUpload> {}

/**
 * `PUT /accounts/:unique_id/logo/publish` body: the key of the uploaded logo. Sent as is (the reference
 * and the official SDK are silent on this body; the key is what the presign handed out).
 *
 * @since 0.1.0
 */
export const PublishLogoRequest = Schema.Struct({
  key: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "The presigned upload's key" })
}).annotations({ identifier: "PublishLogoRequest" })
/**
 * Which upload becomes the account's logo.
 *
 * @since 0.1.0
 */
export interface PublishLogoRequest extends Schema.Schema.Type<typeof PublishLogoRequest> {}

/**
 * What `uploadLogo` takes: the image's bytes and its media type.
 *
 * @since 0.1.0
 */
export const LogoUpload = Schema.Struct({
  bytes: UploadBytes,
  contentType: ImageContentType
}).annotations({ identifier: "LogoUpload" })

/**
 * What `uploadDocument` takes: the file (name, bytes, media type) and how to list it. Without `name`,
 * the document is registered under the file's name.
 *
 * @since 0.1.0
 */
export const DocumentUpload = Schema.Struct({
  filename: Filename,
  bytes: UploadBytes,
  contentType: ContentType,
  name: Fields.optionalInput(Fields.NonBlankString),
  description: Fields.optionalInput(Schema.String)
}).annotations({ identifier: "DocumentUpload" })
/**
 * A file to upload and register as a document in one call.
 *
 * @since 0.1.0
 */
export interface DocumentUpload extends Schema.Schema.Type<typeof DocumentUpload> {}

/**
 * The upload step of a one-call upload failed: the presigned URL refused the bytes (`status`, with the
 * server's reason) or could not be reached (`status` undefined). `url` has no query, so the signature
 * stays out of errors and logs. The presign and publish steps fail with the API's own errors.
 *
 * @since 0.1.0
 */
export class UploadFailed extends Data.TaggedError("UploadFailed")<{
  /** The upload URL without its query (the signature). */
  readonly url: string
  readonly status: number | undefined
  readonly reason: string
}> {
  override get message() {
    return this.status === undefined
      ? `PUT ${this.url} (the presigned upload) could not be sent: ${this.reason}`
      : `PUT ${this.url} (the presigned upload) failed with ${this.status}: ${this.reason}`
  }
}
