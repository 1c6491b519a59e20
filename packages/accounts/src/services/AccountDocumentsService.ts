/**
 * An account's documents and logo, and the one-call uploads (presign → PUT → register or publish).
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { AccountDocumentsGroup } from "../contract/AccountDocumentsGroup.js"
import { logoFilename, putBytes, uploadThenRegister } from "../internal/upload.js"
import type { Account } from "../models/Account.js"
import { CreateDocumentRequest } from "../models/Document.js"
import type { AccountFile } from "../models/Document.js"
import { DocumentUpload, LogoUpload, PresignRequest, PublishLogoRequest } from "../models/Upload.js"
import type { PresignedUpload, UploadFailed } from "../models/Upload.js"

/**
 * The document and logo methods of an account (`accountId`). `uploadLogo` and `uploadDocument` do the
 * three steps in one call; each step fails with its own error: the presign and the registration with
 * the API's (`NotFound`, `ValidationFailed`, …, naming their request), the upload with `UploadFailed`.
 *
 * @since 0.1.0
 */
export interface AccountDocuments {
  /** Every document of the account (not paginated). */
  readonly list: (accountId: string) => Effect.Effect<ReadonlyArray<AccountFile>, CrmError>
  /** A signed, expiring URL to PUT a document's bytes to. */
  readonly presign: (accountId: string, request: PresignRequest) => Effect.Effect<PresignedUpload, CrmError>
  /** Registers what was uploaded under a presigned key as a document of the account. */
  readonly create: (accountId: string, data: CreateDocumentRequest) => Effect.Effect<AccountFile, CrmError>
  readonly delete: (accountId: string, documentId: string) => Effect.Effect<void, CrmError>
  /** A signed, expiring URL to PUT a logo image to. */
  readonly presignLogo: (accountId: string, request: PresignRequest) => Effect.Effect<PresignedUpload, CrmError>
  /** Makes the image uploaded under `key` the account's logo; the account comes back with its `logoUrl`. */
  readonly publishLogo: (accountId: string, request: PublishLogoRequest) => Effect.Effect<Account, CrmError>
  /** Presigns, uploads and publishes a logo in one call. */
  readonly uploadLogo: (
    accountId: string,
    bytes: Uint8Array,
    contentType: string
  ) => Effect.Effect<Account, CrmError | UploadFailed>
  /** Presigns, uploads and registers a document in one call. */
  readonly uploadDocument: (
    accountId: string,
    upload: DocumentUpload
  ) => Effect.Effect<AccountFile, CrmError | UploadFailed>
}

const AccountIds = Schema.Struct({ accountId: Fields.ResourceId })
const DocumentIds = Schema.Struct({ accountId: Fields.ResourceId, documentId: Fields.ResourceId })

/**
 * An account's documents and logo as an Effect service (`AccountDocuments`). Inputs (ids, bytes,
 * media types, file names) are validated before anything is sent; the bytes go to the presigned URL
 * with no credentials.
 *
 * @example
 * ```ts
 * import { AccountDocumentsService } from "@blocks-crm/accounts"
 * import { Effect } from "effect"
 *
 * const attachContract = (accountId: string, pdf: Uint8Array) =>
 *   Effect.gen(function*() {
 *     const documents = yield* AccountDocumentsService
 *     return yield* documents.uploadDocument(accountId, { filename: "contract.pdf", bytes: pdf, contentType: "application/pdf" })
 *   })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class AccountDocumentsService
  extends Effect.Service<AccountDocumentsService>()("@blocks-crm/accounts/AccountDocumentsService", {
    effect: Effect.gen(function*() {
      const api = yield* ApiClient.group(AccountDocumentsGroup)
      const transport = yield* CrmTransport
      const accountPath = (operation: string) => ApiClient.validate(AccountIds, `accountDocuments.${operation}`)
      const checkPresign = (operation: string) => ApiClient.validate(PresignRequest, `accountDocuments.${operation}`)
      const checkCreate = ApiClient.validate(CreateDocumentRequest, "accountDocuments.create")
      const checkPublish = ApiClient.validate(PublishLogoRequest, "accountDocuments.publishLogo")
      const checkLogo = ApiClient.validate(LogoUpload, "accountDocuments.uploadLogo")
      const checkDocument = ApiClient.validate(DocumentUpload, "accountDocuments.uploadDocument")

      const documents: AccountDocuments = {
        list: (accountId) => Effect.flatMap(accountPath("list")({ accountId }), (path) => api.list({ path })),
        presign: (accountId, request) =>
          Effect.flatMap(
            Effect.all([accountPath("presign")({ accountId }), checkPresign("presign")(request)]),
            ([path, payload]) => api.presign({ path, payload })
          ),
        create: (accountId, data) =>
          Effect.flatMap(
            Effect.all([accountPath("create")({ accountId }), checkCreate(data)]),
            ([path, payload]) => api.create({ path, payload })
          ),
        delete: (accountId, documentId) =>
          Effect.flatMap(
            ApiClient.validate(DocumentIds, "accountDocuments.delete")({ accountId, documentId }),
            (path) => api.delete({ path })
          ),
        presignLogo: (accountId, request) =>
          Effect.flatMap(
            Effect.all([accountPath("presignLogo")({ accountId }), checkPresign("presignLogo")(request)]),
            ([path, payload]) => api.presignLogo({ path, payload })
          ),
        publishLogo: (accountId, request) =>
          Effect.flatMap(
            Effect.all([accountPath("publishLogo")({ accountId }), checkPublish(request)]),
            ([path, payload]) => api.publishLogo({ path, payload })
          ),
        uploadLogo: (accountId, bytes, contentType) =>
          Effect.gen(function*() {
            const [path, logo] = yield* Effect.all([
              accountPath("uploadLogo")({ accountId }),
              checkLogo({ bytes, contentType })
            ])
            const upload = yield* api.presignLogo({
              path,
              payload: { filename: logoFilename(logo.contentType), contentType: logo.contentType }
            })
            yield* putBytes(transport, upload.uploadUrl, logo.bytes, logo.contentType)
            return yield* api.publishLogo({ path, payload: { key: upload.key } })
          }),
        uploadDocument: (accountId, input) =>
          Effect.flatMap(
            Effect.all([accountPath("uploadDocument")({ accountId }), checkDocument(input)]),
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
