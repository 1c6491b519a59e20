/**
 * Categories that organise accounts. `/categories` CRUD is an extra of the official SDK (crm-block.md has
 * only `POST /accounts/:unique_id/categories`); the attributes are the official mapper's
 * (official-fields.md, "Categories").
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"
import { Payload } from "./Payload.js"
import { RecordStatus } from "./RecordStatus.js"

/** Every attribute of a category as the API may send it. */
const categoryAttributes = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The category's id" }),
  name: Fields.optional(Schema.String).annotations({ description: "The category's name" }),
  code: Fields.optional(Schema.String).annotations({ description: "The category's own code" }),
  description: Fields.optional(Schema.String).annotations({ description: "What it groups" }),
  parentUniqueId: Fields.optionalRenamed(Schema.String, "parent_unique_id").annotations({
    description: "The parent category"
  }),
  order: Fields.optional(Schema.Number).annotations({ description: "Display order" }),
  color: Fields.optional(Schema.String).annotations({ description: "Display colour" }),
  icon: Fields.optional(Schema.String).annotations({ description: "Display icon" }),
  // The official mapper's status set (the same as accounts').
  status: Fields.optional(Fields.openEnum(RecordStatus)).annotations({ description: "Category status" }),
  enabled: Fields.optional(Schema.Boolean).annotations({ description: "Whether it is enabled" }),
  payload: Fields.optional(Payload).annotations({ description: "Free-form data" }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({ description: "When it was created" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({ description: "When it last changed" })
}

/**
 * A category as the API returns it: id, name, status and creation time always there.
 *
 * @since 0.1.0
 */
export const Category = Schema.Struct({
  ...categoryAttributes,
  name: Schema.propertySignature(Schema.String).annotations({ description: "The category's name" }),
  // Required as in the official mapper's type.
  status: Schema.propertySignature(Fields.openEnum(RecordStatus)).annotations({ description: "Category status" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When it was created" })
}).annotations({
  identifier: "Category",
  [Contract.TableColumns]: ["uniqueId", "name", "code", "parentUniqueId", "order", "status", "createdAt"]
})
/**
 * A category as the client sees it.
 *
 * @since 0.1.0
 */
export interface Category extends Schema.Schema.Type<typeof Category> {}

/**
 * What the API echoes after an update.
 *
 * @since 0.1.0
 */
export const UpdatedCategory = Schema.Struct(categoryAttributes).annotations({ identifier: "UpdatedCategory" })
/**
 * What `CategoriesService.update` returns.
 *
 * @since 0.1.0
 */
export interface UpdatedCategory extends Schema.Schema.Type<typeof UpdatedCategory> {}

/**
 * The JSON:API resource `{ id, type: "category", attributes }`.
 *
 * @since 0.1.0
 */
export const CategoryResource = JsonApi.resource("category", Category, { id: (category) => category.uniqueId })
/**
 * The resource in an update's answer.
 *
 * @since 0.1.0
 */
export const UpdatedCategoryResource = JsonApi.resource("category", UpdatedCategory, {
  id: (category) => category.uniqueId
})

// The official SDK 5.0.6 sends parent_id and display_order but its mapper reads parent_unique_id and
// order; the earlier SDK sent what the mapper reads, so these are the names used both ways here.
const categoryRequestFields = {
  name: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "The category's name" }),
  code: Fields.optionalInput(Schema.String).annotations({ description: "The category's own code" }),
  description: Fields.optionalInput(Schema.String).annotations({ description: "What it groups" }),
  parentUniqueId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("parent_unique_id")).annotations({
    description: "The parent category"
  }),
  order: Fields.optionalInput(Schema.Int.pipe(Schema.nonNegative())).annotations({ description: "Display order" }),
  color: Fields.optionalInput(Schema.String).annotations({ description: "Display colour" }),
  icon: Fields.optionalInput(Schema.String).annotations({ description: "Display icon" })
}

/**
 * `POST /categories` body (sent as `{ "category": {...} }`). `name` is required.
 *
 * @since 0.1.0
 */
export const CreateCategoryRequest = Schema.Struct(categoryRequestFields).annotations({
  identifier: "CreateCategoryRequest"
})
/**
 * A new category, as `CategoriesService.create` takes it.
 *
 * @since 0.1.0
 */
export interface CreateCategoryRequest extends Schema.Schema.Type<typeof CreateCategoryRequest> {}

/**
 * `PUT /categories/:unique_id` body: any attribute, at least one.
 *
 * @since 0.1.0
 */
export const UpdateCategoryRequest = Schema.Struct({
  ...categoryRequestFields,
  name: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "The category's name" })
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateCategoryRequest" })
/**
 * The attributes to change on a category.
 *
 * @since 0.1.0
 */
export interface UpdateCategoryRequest extends Schema.Schema.Type<typeof UpdateCategoryRequest> {}

/**
 * `GET /categories`'s URL parameters: a page, `status`, `sort` and the official SDK's
 * `parent_unique_id` filter.
 *
 * @since 0.3.0
 */
export const CategoryListUrlParams = Pagination.listUrlParams(Category, {
  status: RecordStatus,
  sort: ["name", "order", "createdAt", "updatedAt"],
  filters: { parentUniqueId: Fields.ResourceId.annotations({ description: "Only the children of this category" }) }
})

/**
 * What `CategoriesService.list` takes: `page` (from 1), `records` (page size), `status`, `sort` and
 * `parentUniqueId`.
 *
 * @since 0.1.0
 */
export type ListCategoriesParams = Pagination.ListParamsOf<typeof CategoryListUrlParams>
