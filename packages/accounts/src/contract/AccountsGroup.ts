/**
 * The accounts endpoints, declared once: the client is derived from this, the emulator
 * implements it, and the OpenAPI document is generated from it.
 *
 * @since 0.1.0
 */
import { Contract, Fields, JsonApi, Pagination } from "@blocks-crm/core-http"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import {
  AccountResource,
  CreateAccountRequest,
  UpdatedAccountResource,
  UpdateAccountRequest
} from "../models/Account.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/** @since 0.1.0 */
export const AccountList = JsonApi.listDocument(AccountResource)
/** @since 0.1.0 */
export const AccountDocument = JsonApi.document(AccountResource)

/**
 * `GET /accounts/`, `GET /accounts/:unique_id`, `POST /accounts/`,
 * `PUT /accounts/:unique_id/`, `DELETE /accounts/:unique_id/` (paths as the reference
 * writes them, trailing slashes included).
 *
 * @since 0.1.0
 */
export class AccountsGroup extends HttpApiGroup.make("accounts")
  .add(
    HttpApiEndpoint.get("list", "/accounts/")
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(AccountList)
      .annotate(OpenApi.Summary, "List accounts a page at a time")
  )
  .add(
    HttpApiEndpoint.get("get")`/accounts/${uniqueId}`
      .addSuccess(AccountDocument)
      .addError(Contract.NotFoundResponse.wire)
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
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
{}
