/**
 * An account's documents and logo: presign an upload, register (or publish) what was uploaded, list
 * and delete documents.
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
import { AccountResource } from "../models/Account.js"
import { AccountFileResource, CreateDocumentRequest } from "../models/Document.js"
import { PresignedUpload, PresignRequest, PublishLogoRequest } from "../models/Upload.js"

const accountId = HttpApiSchema.param("accountId", Fields.ResourceId)
const documentId = HttpApiSchema.param("documentId", Fields.ResourceId)

/**
 * `GET|POST /accounts/:unique_id/documents`, `PUT /accounts/:unique_id/presign_document`,
 * `DELETE /accounts/:unique_id/documents/:unique_document_id`, `PUT /accounts/:unique_id/presign_logo`,
 * `PUT /accounts/:unique_id/logo/publish`. The list is not paginated (the reference shows no `meta`).
 *
 * @since 0.1.0
 */
export class AccountDocumentsGroup extends HttpApiGroup.make("accountDocuments")
  .add(
    HttpApiEndpoint.get("list")`/accounts/${accountId}/documents`
      .addSuccess(JsonApi.collection(AccountFileResource))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "List an account's documents")
  )
  .add(
    HttpApiEndpoint.put("presign")`/accounts/${accountId}/presign_document`
      .setPayload(PresignRequest)
      .addSuccess(PresignedUpload)
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "A signed URL to PUT a document's bytes to (no credentials), then register its key")
  )
  .add(
    HttpApiEndpoint.post("create")`/accounts/${accountId}/documents`
      .setPayload(JsonApi.wrapped("document", CreateDocumentRequest))
      .addSuccess(JsonApi.document(AccountFileResource), { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(Contract.CliCommand, { name: "register" })
      .annotate(OpenApi.Summary, "Register an uploaded file as a document of the account")
  )
  .add(
    HttpApiEndpoint.del("delete")`/accounts/${accountId}/documents/${documentId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Delete a document and its file")
  )
  .add(
    HttpApiEndpoint.put("presignLogo")`/accounts/${accountId}/presign_logo`
      .setPayload(PresignRequest)
      .addSuccess(PresignedUpload)
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "A signed URL to PUT a logo image to (no credentials), then publish its key")
  )
  .add(
    HttpApiEndpoint.put("publishLogo")`/accounts/${accountId}/logo/publish`
      .setPayload(PublishLogoRequest)
      .addSuccess(JsonApi.document(AccountResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Make an uploaded image the account's logo (sets logo_url)")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Documents and logo of an account, uploaded through presigned URLs")
  .annotate(Contract.CliGroup, { noun: "document" })
{}
