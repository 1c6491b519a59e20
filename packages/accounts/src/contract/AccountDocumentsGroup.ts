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
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import { documentsGroup } from "../internal/documentsGroup.js"
import { AccountResource } from "../models/Account.js"
import { AccountFileResource } from "../models/Document.js"
import { PresignedUpload, PresignRequest, PublishLogoRequest } from "../models/Upload.js"

const accountId = HttpApiSchema.param("accountId", Fields.ResourceId)

/**
 * `GET|POST /accounts/:unique_id/documents`, `PUT /accounts/:unique_id/presign_document`,
 * `DELETE /accounts/:unique_id/documents/:unique_document_id` (the documents every owner has), then
 * `PUT /accounts/:unique_id/presign_logo` and `PUT /accounts/:unique_id/logo/publish`. The list is not
 * paginated (the reference shows no `meta`).
 *
 * @since 0.1.0
 */
export class AccountDocumentsGroup extends documentsGroup({
  name: "accountDocuments",
  collection: "accounts",
  param: "accountId",
  noun: "account",
  file: AccountFileResource
})
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
