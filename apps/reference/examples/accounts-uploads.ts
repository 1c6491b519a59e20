/**
 * An account's logo and documents, each in one call: presign, PUT the bytes to the presigned URL (with
 * no credentials), then publish or register. What a team that installed `@blocks-crm/accounts` writes.
 *
 *   BLOCKS_API_URL=... BLOCKS_AUTH_TOKEN=... BLOCKS_API_KEY=... tsx examples/accounts-uploads.ts
 */
import { AccountDocumentsService, AccountsService, ContactDocumentsService } from "@blocks-crm/accounts"
import { CrmTransport } from "@blocks-crm/core-http"
import { Effect, Layer } from "effect"
import { readFile } from "node:fs/promises"

const read = (file: string) => Effect.promise(() => readFile(file).then((buffer) => new Uint8Array(buffer)))

const program = Effect.gen(function*() {
  const accounts = yield* AccountsService
  const documents = yield* AccountDocumentsService
  const account = yield* accounts.create({ name: "Acme Corp" })

  // The account comes back with its logoUrl.
  const withLogo = yield* documents.uploadLogo(account.uniqueId, yield* read("acme-logo.png"), "image/png")

  const contract = yield* documents.uploadDocument(account.uniqueId, {
    filename: "master-agreement.pdf",
    bytes: yield* read("master-agreement.pdf"),
    contentType: "application/pdf",
    name: "Master agreement",
    description: "Signed 2026-11-30"
  })
  const listed = yield* documents.list(account.uniqueId)
  return { logoUrl: withLogo.logoUrl, contract: contract.uniqueId, documents: listed.length }
}).pipe(
  // Each step fails with its own error: the API's for presign and registration, UploadFailed for the PUT.
  Effect.catchTags({
    UploadFailed: (e) => Effect.logWarning(`upload refused: ${e.message}`),
    ValidationFailed: (e) => Effect.logWarning(e.message)
  })
)

/** A contact's documents work the same way. */
export const uploadPassport = (contactId: string) =>
  Effect.flatMap(
    ContactDocumentsService,
    (contactDocuments) =>
      Effect.flatMap(read("passport.png"), (bytes) =>
        contactDocuments.uploadDocument(contactId, { filename: "passport.png", bytes, contentType: "image/png" }))
  )

const services = Layer.mergeAll(
  AccountsService.Default,
  AccountDocumentsService.Default,
  ContactDocumentsService.Default
)
  .pipe(Layer.provide(CrmTransport.layerFetchFromEnv()))

program.pipe(Effect.provide(services), Effect.runPromise).then(console.log)
