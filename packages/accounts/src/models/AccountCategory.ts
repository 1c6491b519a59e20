/**
 * A category assigned to an account: `POST /accounts/:unique_id/categories` (crm-block.md), with the
 * official SDK's mapper attributes (official-fields.md, "Account categories").
 *
 * @since 0.1.0
 */
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Schema from "effect/Schema"
import { RecordStatus } from "./RecordStatus.js"

/**
 * A category assigned to an account (`POST /accounts/:unique_id/categories`), with the official
 * mapper's attributes ("Account categories").
 *
 * @since 0.1.0
 */
export const AccountCategory = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The assignment's id" }),
  accountUniqueId: Fields.renamed(Schema.String, "account_unique_id").annotations({ description: "The account" }),
  categoryUniqueId: Fields.renamed(Schema.String, "category_unique_id").annotations({ description: "The category" }),
  order: Fields.optional(Schema.Number).annotations({ description: "Display order" }),
  status: Schema.propertySignature(Fields.openEnum(RecordStatus)).annotations({ description: "Assignment status" }),
  enabled: Fields.optional(Schema.Boolean).annotations({ description: "Whether it is enabled" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When it was assigned" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({ description: "When it last changed" })
}).annotations({ identifier: "AccountCategory" })
/**
 * A category assignment as the client sees it.
 *
 * @since 0.1.0
 */
export interface AccountCategory extends Schema.Schema.Type<typeof AccountCategory> {}

/**
 * The JSON:API resource `{ id, type: "account_category", attributes }` (the official mapper's label).
 *
 * @since 0.1.0
 */
export const AccountCategoryResource = JsonApi.resource("account_category", AccountCategory, {
  id: (assignment) => assignment.uniqueId
})

/**
 * `POST /accounts/:unique_id/categories` body (sent as `{ "category": {...} }`, an assumption): the
 * official SDK's unused add type, `categoryUniqueId` and an optional `order`.
 *
 * @since 0.1.0
 */
export const AssignCategoryRequest = Schema.Struct({
  categoryUniqueId: Schema.propertySignature(Fields.ResourceId).pipe(Schema.fromKey("category_unique_id")).annotations({
    description: "The category to assign (it must exist)"
  }),
  order: Fields.optionalInput(Schema.Int.pipe(Schema.nonNegative())).annotations({ description: "Display order" })
}).annotations({ identifier: "AssignCategoryRequest" })
/**
 * A category to assign, as `AccountsService.assignCategory` takes it.
 *
 * @since 0.1.0
 */
export interface AssignCategoryRequest extends Schema.Schema.Type<typeof AssignCategoryRequest> {}
