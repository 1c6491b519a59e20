/**
 * A contact's documents: presign an upload, register what was uploaded, list and delete them.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import { ContactFileResource, CreateDocumentRequest } from "../models/Document.js"
import { PresignedUpload, PresignRequest } from "../models/Upload.js"

const contactId = HttpApiSchema.param("contactId", Fields.ResourceId)
const documentId = HttpApiSchema.param("documentId", Fields.ResourceId)

/**
 * `GET|POST /contacts/:unique_id/documents`, `DELETE /contacts/:unique_id/documents/:unique_document_id`,
 * `PUT /contacts/:contact_unique_id/presign_document`. The list is not paginated (the reference shows no `meta`).
 *
 * @since 0.1.0
 */
export class ContactDocumentsGroup extends HttpApiGroup.make("contactDocuments")
  .add(
    HttpApiEndpoint.get("list")`/contacts/${contactId}/documents`
      .addSuccess(JsonApi.collection(ContactFileResource))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "List a contact's documents")
  )
  .add(
    HttpApiEndpoint.put("presign")`/contacts/${contactId}/presign_document`
      .setPayload(PresignRequest)
      .addSuccess(PresignedUpload)
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "A signed URL to PUT a document's bytes to (no credentials), then register its key")
  )
  .add(
    HttpApiEndpoint.post("create")`/contacts/${contactId}/documents`
      .setPayload(JsonApi.wrapped("document", CreateDocumentRequest))
      .addSuccess(JsonApi.document(ContactFileResource), { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(Contract.CliCommand, { name: "register" })
      .annotate(OpenApi.Summary, "Register an uploaded file as a document of the contact")
  )
  .add(
    HttpApiEndpoint.del("delete")`/contacts/${contactId}/documents/${documentId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Delete a document and its file")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Documents of a contact, uploaded through presigned URLs")
  .annotate(Contract.CliGroup, { noun: "document" })
{}
