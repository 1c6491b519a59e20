/**
 * An account's documents and logo, and the one-call uploads (presign → PUT → register or publish).
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import * as Effect from "effect/Effect"
import { AccountDocumentsGroup } from "../contract/AccountDocumentsGroup.js"
import { documentsOf } from "../internal/documents.js"
import type { OwnerDocuments } from "../internal/documents.js"
import { logoFilename, putBytes } from "../internal/upload.js"
import type { Account } from "../models/Account.js"
import type { AccountFile } from "../models/Document.js"
import { LogoUpload } from "../models/Upload.js"
import type { PresignedUpload, PresignRequest, PublishLogoRequest, UploadFailed } from "../models/Upload.js"

/**
 * The document and logo methods of an account (`accountId`). `uploadLogo` and `uploadDocument` do the
 * three steps in one call; each step fails with its own error: the presign and the registration with
 * the API's (`NotFound`, `ValidationFailed`, …, naming their request), the upload with `UploadFailed`.
 *
 * @since 0.1.0
 */
export interface AccountDocuments extends OwnerDocuments<AccountFile> {
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
}

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
      // A logo's bytes and media type are no endpoint's input: checked here, before the presign is sent.
      const checkLogo = ApiClient.validate(LogoUpload, "accountDocuments.uploadLogo")
      const documents: AccountDocuments = {
        ...documentsOf("accountDocuments", "accountId", api, transport),
        presignLogo: (accountId, request) => api.presignLogo({ path: { accountId }, payload: request }),
        publishLogo: (accountId, request) => api.publishLogo({ path: { accountId }, payload: request }),
        uploadLogo: (accountId, bytes, contentType) =>
          Effect.gen(function*() {
            const logo = yield* checkLogo({ bytes, contentType })
            const path = { accountId }
            const upload = yield* api.presignLogo(
              { path, payload: { filename: logoFilename(logo.contentType), contentType: logo.contentType } },
              "uploadLogo"
            )
            yield* putBytes(transport, upload.uploadUrl, logo.bytes, logo.contentType)
            return yield* api.publishLogo({ path, payload: { key: upload.key } }, "uploadLogo")
          })
      }
      return documents
    })
  })
{}
