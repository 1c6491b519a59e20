/**
 * A contact's documents: presign an upload, register what was uploaded, list and delete them.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as OpenApi from "@effect/platform/OpenApi"
import { documentsGroup } from "../internal/documentsGroup.js"
import { ContactFileResource } from "../models/Document.js"

/**
 * `GET|POST /contacts/:unique_id/documents`, `DELETE /contacts/:unique_id/documents/:unique_document_id`,
 * `PUT /contacts/:contact_unique_id/presign_document`: the documents every owner has. The list is not
 * paginated (the reference shows no `meta`).
 *
 * @since 0.1.0
 */
export class ContactDocumentsGroup extends documentsGroup({
  name: "contactDocuments",
  collection: "contacts",
  param: "contactId",
  noun: "contact",
  file: ContactFileResource
})
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Documents of a contact, uploaded through presigned URLs")
  .annotate(Contract.CliGroup, { noun: "document" })
{}
