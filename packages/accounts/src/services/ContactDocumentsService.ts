/**
 * A contact's documents, and the one-call upload (presign → PUT → register).
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { ContactDocumentsGroup } from "../contract/ContactDocumentsGroup.js"
import { uploadThenRegister } from "../internal/upload.js"
import { CreateDocumentRequest } from "../models/Document.js"
import type { ContactFile } from "../models/Document.js"
import { DocumentUpload, PresignRequest } from "../models/Upload.js"
import type { PresignedUpload, UploadFailed } from "../models/Upload.js"

/**
 * The document methods of a contact (`contactId`). `uploadDocument` does the three steps in one call;
 * each step fails with its own error: the presign and the registration with the API's (`NotFound`,
 * `ValidationFailed`, …, naming their request), the upload with `UploadFailed`.
 *
 * @since 0.1.0
 */
export interface ContactDocuments {
  /** Every document of the contact (not paginated). */
  readonly list: (contactId: string) => Effect.Effect<ReadonlyArray<ContactFile>, CrmError>
  /** A signed, expiring URL to PUT a document's bytes to. */
  readonly presign: (contactId: string, request: PresignRequest) => Effect.Effect<PresignedUpload, CrmError>
  /** Registers what was uploaded under a presigned key as a document of the contact. */
  readonly create: (contactId: string, data: CreateDocumentRequest) => Effect.Effect<ContactFile, CrmError>
  readonly delete: (contactId: string, documentId: string) => Effect.Effect<void, CrmError>
  /** Presigns, uploads and registers a document in one call. */
  readonly uploadDocument: (
    contactId: string,
    upload: DocumentUpload
  ) => Effect.Effect<ContactFile, CrmError | UploadFailed>
}

const ContactIds = Schema.Struct({ contactId: Fields.ResourceId })
const DocumentIds = Schema.Struct({ contactId: Fields.ResourceId, documentId: Fields.ResourceId })

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
      const transport = yield* CrmTransport
      const contactPath = (operation: string) => ApiClient.validate(ContactIds, `contactDocuments.${operation}`)
      const checkPresign = (operation: string) => ApiClient.validate(PresignRequest, `contactDocuments.${operation}`)
      const checkCreate = ApiClient.validate(CreateDocumentRequest, "contactDocuments.create")
      const checkDocument = ApiClient.validate(DocumentUpload, "contactDocuments.uploadDocument")

      const documents: ContactDocuments = {
        list: (contactId) => Effect.flatMap(contactPath("list")({ contactId }), (path) => api.list({ path })),
        presign: (contactId, request) =>
          Effect.flatMap(
            Effect.all([contactPath("presign")({ contactId }), checkPresign("presign")(request)]),
            ([path, payload]) => api.presign({ path, payload })
          ),
        create: (contactId, data) =>
          Effect.flatMap(
            Effect.all([contactPath("create")({ contactId }), checkCreate(data)]),
            ([path, payload]) => api.create({ path, payload })
          ),
        delete: (contactId, documentId) =>
          Effect.flatMap(
            ApiClient.validate(DocumentIds, "contactDocuments.delete")({ contactId, documentId }),
            (path) => api.delete({ path })
          ),
        uploadDocument: (contactId, input) =>
          Effect.flatMap(
            Effect.all([contactPath("uploadDocument")({ contactId }), checkDocument(input)]),
            ([path, file]) =>
              uploadThenRegister(transport, {
                presign: (payload) => api.presign({ path, payload }),
                register: (payload) => api.create({ path, payload })
              }, file)
          )
      }
      return documents
    })
  })
{}
