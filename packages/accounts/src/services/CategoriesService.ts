/**
 * Categories (official SDK extra): list, stream, get, create, update, delete.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { CategoriesGroup } from "../contract/CategoriesGroup.js"
import type {
  Category,
  CreateCategoryRequest,
  ListCategoriesParams,
  UpdateCategoryRequest,
  UpdatedCategory
} from "../models/Category.js"

/**
 * The CRM's categories as an Effect service (`CrudClient`). Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { CategoriesService } from "@blocks-crm/accounts"
 * import { Effect } from "effect"
 *
 * const enterprise = Effect.gen(function*() {
 *   const categories = yield* CategoriesService
 *   return yield* categories.create({ name: "Enterprise", code: "ent" })
 * })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class CategoriesService extends Effect.Service<CategoriesService>()("@blocks-crm/accounts/CategoriesService", {
  effect: Effect.map(
    ApiClient.group(CategoriesGroup),
    (endpoints): ResourceClient.CrudClient<
      Category,
      CreateCategoryRequest,
      UpdateCategoryRequest,
      UpdatedCategory,
      ListCategoriesParams
    > => ResourceClient.crud("categories", endpoints)
  )
}) {}
