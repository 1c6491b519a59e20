/**
 * The accounts endpoints, declared once: the client is derived from this, the emulator implements
 * it, and the OpenAPI document is generated from it.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import {
  AccountListUrlParams,
  AccountResource,
  CreateAccountRequest,
  UpdatedAccountResource,
  UpdateAccountRequest
} from "../models/Account.js"
import {
  AccountValidationDocument,
  TaxIdValidationDocument,
  ValidateAccountRequest,
  ValidateTaxIdRequest
} from "../models/AccountValidation.js"
import { AccountCategoryResource, AssignCategoryRequest } from "../models/AccountCategory.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/**
 * The success body of the account listings (`/accounts/`, `/accounts/status/trash`,
 * `/accounts/status/archive`): one page of accounts and the listing's totals.
 *
 * @since 0.1.0
 */
export const AccountList = JsonApi.listDocument(AccountResource)
/**
 * The success body of `GET /accounts/:unique_id`, `POST /accounts/` and `PUT /accounts/:unique_id/recover`.
 *
 * @since 0.1.0
 */
export const AccountDocument = JsonApi.document(AccountResource)

/**
 * The reference's accounts section without the uploads and the sub-lists of other domains:
 * `GET /accounts/` (with the official SDK's `?search=`), `GET /accounts/status/trash`,
 * `GET /accounts/status/archive`, `GET /accounts/:unique_id`, `POST /accounts/validate`,
 * `POST /accounts/validate_tax_id`, `POST /accounts/`, `PUT /accounts/:unique_id/`,
 * `DELETE /accounts/:unique_id/` (to the trash), `DELETE /accounts/:unique_id/archive`,
 * `POST /accounts/:unique_id/categories`, and the official SDK's extra `PUT /accounts/:unique_id/recover`
 * (out of the trash or the archive).
 *
 * @since 0.1.0
 */
export class AccountsGroup extends HttpApiGroup.make("accounts")
  .add(
    HttpApiEndpoint.get("list", "/accounts/")
      .setUrlParams(AccountListUrlParams)
      .addSuccess(AccountList)
      .annotate(
        OpenApi.Summary,
        "List live accounts a page at a time; `search` filters by text, `status` by value, `sort` orders"
      )
  )
  .add(
    HttpApiEndpoint.get("listDeleted", "/accounts/status/trash")
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(AccountList)
      .annotate(OpenApi.Summary, "Accounts in the trash")
      .annotate(Contract.CliCommand, { name: "trash" })
  )
  .add(
    HttpApiEndpoint.get("listArchived", "/accounts/status/archive")
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(AccountList)
      .annotate(OpenApi.Summary, "Archived accounts")
      .annotate(Contract.CliCommand, { name: "archived" })
  )
  .add(
    HttpApiEndpoint.get("get")`/accounts/${uniqueId}`
      .addSuccess(AccountDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("validate", "/accounts/validate")
      .setPayload(JsonApi.wrapped("account", ValidateAccountRequest))
      .addSuccess(AccountValidationDocument)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Report an account payload's problems without creating anything")
  )
  .add(
    HttpApiEndpoint.post("validateTaxId", "/accounts/validate_tax_id")
      .setPayload(JsonApi.wrapped("account", ValidateTaxIdRequest))
      .addSuccess(TaxIdValidationDocument)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Check a tax id's format and check digit for its country")
  )
  .add(
    HttpApiEndpoint.post("create", "/accounts/")
      .setPayload(JsonApi.wrapped("account", CreateAccountRequest))
      .addSuccess(AccountDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/accounts/${uniqueId}/`
      .setPayload(JsonApi.wrapped("account", UpdateAccountRequest))
      .addSuccess(JsonApi.document(UpdatedAccountResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/accounts/${uniqueId}/`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Move an account to the trash")
  )
  .add(
    HttpApiEndpoint.del("archive")`/accounts/${uniqueId}/archive`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Archive an account: it leaves the main listing")
  )
  .add(
    HttpApiEndpoint.put("recover")`/accounts/${uniqueId}/recover`
      .addSuccess(AccountDocument)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Bring an account back from the trash or the archive (official SDK extra)")
  )
  .add(
    HttpApiEndpoint.post("assignCategory")`/accounts/${uniqueId}/categories`
      .setPayload(JsonApi.wrapped("category", AssignCategoryRequest))
      .addSuccess(JsonApi.document(AccountCategoryResource), { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Assign an existing category to an account")
      .annotate(Contract.CliCommand, { name: "assign-category" })
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Customer accounts: lifecycle, validation and categories")
{}
