/**
 * The companies endpoints, declared once: the client is derived from this, the emulator
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
  CompanyResource,
  CreateCompanyRequest,
  UpdatedCompanyResource,
  UpdateCompanyRequest
} from "../models/Company.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/** @since 0.1.0 */
export const CompanyList = JsonApi.listDocument(CompanyResource)
/** @since 0.1.0 */
export const CompanyDocument = JsonApi.document(CompanyResource)

/**
 * `GET /companies/`, `GET /companies/:unique_id`, `POST /companies/`,
 * `PUT /companies/:unique_id/`, `DELETE /companies/:unique_id/` (paths as the reference
 * writes them, trailing slashes included).
 *
 * @since 0.1.0
 */
export class CompaniesGroup extends HttpApiGroup.make("companies")
  .add(
    HttpApiEndpoint.get("list", "/companies/")
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(CompanyList)
      .annotate(OpenApi.Summary, "List companies a page at a time")
  )
  .add(
    HttpApiEndpoint.get("get")`/companies/${uniqueId}`
      .addSuccess(CompanyDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/companies/")
      .setPayload(JsonApi.wrapped("company", CreateCompanyRequest))
      .addSuccess(CompanyDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/companies/${uniqueId}/`
      .setPayload(JsonApi.wrapped("company", UpdateCompanyRequest))
      .addSuccess(JsonApi.document(UpdatedCompanyResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/companies/${uniqueId}/`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
{}
