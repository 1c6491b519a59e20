/**
 * The categories endpoints: an extra of the official SDK (crm-block.md lists none), on its paths
 * (`/categories`, `/categories/:unique_id`, no trailing slash).
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
import {
  CategoryListUrlParams,
  CategoryResource,
  CreateCategoryRequest,
  UpdatedCategoryResource,
  UpdateCategoryRequest
} from "../models/Category.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/**
 * The success body of `GET /categories`.
 *
 * @since 0.1.0
 */
export const CategoryList = JsonApi.listDocument(CategoryResource)
/**
 * The success body of `GET /categories/:unique_id` and `POST /categories`.
 *
 * @since 0.1.0
 */
export const CategoryDocument = JsonApi.document(CategoryResource)

/**
 * `GET|POST /categories`, `GET|PUT|DELETE /categories/:unique_id` (official SDK extra).
 *
 * @since 0.1.0
 */
export class CategoriesGroup extends HttpApiGroup.make("categories")
  .add(
    HttpApiEndpoint.get("list", "/categories")
      .setUrlParams(CategoryListUrlParams)
      .addSuccess(CategoryList)
  )
  .add(
    HttpApiEndpoint.get("get")`/categories/${uniqueId}`
      .addSuccess(CategoryDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/categories")
      .setPayload(JsonApi.wrapped("category", CreateCategoryRequest))
      .addSuccess(CategoryDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/categories/${uniqueId}`
      .setPayload(JsonApi.wrapped("category", UpdateCategoryRequest))
      .addSuccess(JsonApi.document(UpdatedCategoryResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/categories/${uniqueId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Categories that organise accounts (official SDK extra)")
{}
