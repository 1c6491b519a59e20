/**
 * An account's details: `POST` and `PUT /accounts/:unique_id/details`.
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
import { AccountDetailRequest, AccountDetailResource } from "../models/AccountDetail.js"

const accountId = HttpApiSchema.param("accountId", Fields.ResourceId)

/**
 * The success body of both endpoints: the account's details.
 *
 * @since 0.1.0
 */
export const AccountDetailDocument = JsonApi.document(AccountDetailResource)

/**
 * `POST /accounts/:unique_id/details` adds an account's one set of details (a second is a 422);
 * `PUT /accounts/:unique_id/details` changes them (404 before they were added).
 *
 * @since 0.1.0
 */
export class AccountDetailsGroup extends HttpApiGroup.make("accountDetails")
  .add(
    HttpApiEndpoint.post("create")`/accounts/${accountId}/details`
      .setPayload(JsonApi.wrapped("detail", AccountDetailRequest))
      .addSuccess(AccountDetailDocument, { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/accounts/${accountId}/details`
      .setPayload(JsonApi.wrapped("detail", AccountDetailRequest))
      .addSuccess(AccountDetailDocument)
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "An account's details, one record per account")
  .annotate(Contract.CliGroup, { path: ["accounts", "details"], noun: "account detail" })
{}
