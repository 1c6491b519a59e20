/**
 * The emulator's account documents and logo: uploads through signed URLs on the emulator itself
 * (`Uploads`), documents in the record store under their account, the logo as the account's `logo_url`.
 */
import { AccountFile, AccountsApi } from "@blocks-crm/accounts"
import * as Effect from "effect/Effect"
import { keyOf, Uploads } from "../../Uploads.js"
import { group, invalid, tenant, updated } from "../Resources.js"
import { documentsOf, presignIn, uploadedOr422 } from "./Documents.js"
import { accountRecords } from "./Records.js"

const isImage = (contentType: string) => contentType.toLowerCase().startsWith("image/")

/** The emulator's handlers for the account documents endpoints. */
export const AccountDocumentsHandlers = group(
  AccountsApi,
  "accountDocuments",
  (handlers) =>
    Effect.gen(function*() {
      const accounts = yield* accountRecords
      const uploads = yield* Uploads
      const documents = yield* documentsOf({
        collection: "account_documents",
        schema: AccountFile,
        scope: (accountId) => `accounts/${accountId}/documents`,
        findOwner: (accountId) => accounts.find(accountId),
        toRecord: (accountId, registration, attributes): AccountFile => ({
          ...registration,
          ...attributes,
          accountUniqueId: accountId
        })
      })
      const logoScope = (accountId: string) => `accounts/${accountId}/logo`
      return handlers
        .handle("list", ({ path }) => documents.list(path.accountId))
        .handle("presign", ({ path, payload }) => documents.presign(path.accountId, payload))
        .handle("create", ({ path, payload }) => documents.create(path.accountId, payload))
        .handle("delete", ({ path }) => documents.delete(path.accountId, path.documentId))
        .handle("presignLogo", ({ path, payload }) =>
          Effect.gen(function*() {
            yield* accounts.find(path.accountId)
            if (payload.contentType !== undefined && !isImage(payload.contentType)) {
              return yield* Effect.fail(
                invalid("/content_type", "invalid", `content_type must be an image type, got ${payload.contentType}`)
              )
            }
            return yield* presignIn(logoScope(path.accountId), payload)
          }))
        .handle("publishLogo", ({ path, payload }) =>
          Effect.gen(function*() {
            const account = yield* accounts.find(path.accountId)
            const upload = yield* uploadedOr422(payload.key, logoScope(path.accountId), "/key")
            if (!isImage(upload.contentType)) {
              return yield* Effect.fail(
                invalid("/key", "invalid", `key: the upload is ${upload.contentType}, not an image`)
              )
            }
            // The previous logo's file goes, so storage counts one logo per account.
            const previous = account.logoUrl === undefined ? undefined : keyOf(account.logoUrl)
            if (previous !== undefined && previous !== upload.key) yield* uploads.remove(yield* tenant, previous)
            return yield* accounts.update(path.accountId, (current) => ({
              ...current,
              logoUrl: upload.publicUrl,
              ...updated()
            }))
          }))
    })
)
