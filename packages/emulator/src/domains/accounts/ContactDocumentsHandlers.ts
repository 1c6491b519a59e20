/**
 * The emulator's contact documents: uploads through signed URLs on the emulator itself (`Uploads`),
 * documents in the record store under their contact.
 */
import { AccountsApi, ContactFile } from "@blocks-crm/accounts"
import * as Effect from "effect/Effect"
import { documentsOf } from "./Documents.js"
import { contactRecords } from "./Records.js"
import { group } from "../Resources.js"

/** The emulator's handlers for the contact documents endpoints. */
export const ContactDocumentsHandlers = group(
  AccountsApi,
  "contactDocuments",
  (handlers) =>
    Effect.gen(function*() {
      const contacts = yield* contactRecords
      const documents = yield* documentsOf({
        collection: "contact_documents",
        schema: ContactFile,
        scope: (contactId) => `contacts/${contactId}/documents`,
        findOwner: (contactId) => contacts.find(contactId),
        toRecord: (contactId, registration, attributes): ContactFile => ({
          ...registration,
          ...attributes,
          contactUniqueId: contactId
        })
      })
      return handlers
        .handle("list", ({ path }) => documents.list(path.contactId))
        .handle("presign", ({ path, payload }) => documents.presign(path.contactId, payload))
        .handle("create", ({ path, payload }) => documents.create(path.contactId, payload))
        .handle("delete", ({ path }) => documents.delete(path.contactId, path.documentId))
    })
)
