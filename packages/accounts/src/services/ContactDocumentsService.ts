/**
 * A contact's documents, and the one-call upload (presign → PUT → register).
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import * as Effect from "effect/Effect"
import { ContactDocumentsGroup } from "../contract/ContactDocumentsGroup.js"
import { documentsOf } from "../internal/documents.js"
import type { OwnerDocuments } from "../internal/documents.js"
import type { ContactFile } from "../models/Document.js"

/**
 * The document methods of a contact (`contactId`). `uploadDocument` does the three steps in one call;
 * each step fails with its own error: the presign and the registration with the API's (`NotFound`,
 * `ValidationFailed`, …, naming their request), the upload with `UploadFailed`.
 *
 * @since 0.1.0
 */
export interface ContactDocuments extends OwnerDocuments<ContactFile> {}

/**
 * A contact's documents as an Effect service (`ContactDocuments`). Inputs (ids, bytes,
 * media types, file names) are validated before anything is sent; the bytes go to the presigned URL
 * with no credentials.
 *
 * @example
 * ```ts
 * import { ContactDocumentsService } from "@blocks-crm/accounts"
 * import { Effect } from "effect"
 *
 * const attachPassport = (contactId: string, scan: Uint8Array) =>
 *   Effect.gen(function*() {
 *     const documents = yield* ContactDocumentsService
 *     return yield* documents.uploadDocument(contactId, { filename: "passport.png", bytes: scan, contentType: "image/png" })
 *   })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class ContactDocumentsService
  extends Effect.Service<ContactDocumentsService>()("@blocks-crm/accounts/ContactDocumentsService", {
    effect: Effect.gen(function*() {
      const api = yield* ApiClient.group(ContactDocumentsGroup)
      const documents: ContactDocuments = documentsOf("contactDocuments", "contactId", api, yield* CrmTransport)
      return documents
    })
  })
{}
