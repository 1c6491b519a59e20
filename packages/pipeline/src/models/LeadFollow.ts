/**
 * Lead follow-ups: the next actions on a lead (crm-leads.md, "Lead Follows").
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"

/**
 * Where a follow-up stands: `pending`, `completed` or `overdue` (crm-leads.md).
 *
 * @since 0.1.0
 */
export const FollowStatus = Schema.Literal("pending", "completed", "overdue")
/**
 * A follow-up's status: one of the values this SDK knows, as requests take them (a response may carry
 * others, kept as sent: `Fields.Open<FollowStatus>`).
 *
 * @since 0.1.0
 */
export type FollowStatus = typeof FollowStatus.Type

/** The attributes of a follow-up as the API may send them: all optional but the id, as after an update. */
const leadFollowAttributes = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The record's id" }),
  title: Fields.optional(Schema.String).annotations({ description: "What to do" }),
  description: Fields.optional(Schema.String).annotations({ description: "Details of the follow-up" }),
  dueDate: Fields.optionalRenamed(Fields.Timestamp, "due_date").annotations({ description: "When it is due" }),
  status: Fields.optional(Fields.openEnum(FollowStatus)).annotations({ description: "Where it stands" }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({
    description: "When the record was created"
  }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When the record last changed"
  })
}

/**
 * A follow-up task as the API returns it (resource type `follow`).
 *
 * @since 0.1.0
 */
export const LeadFollow = Schema.Struct({
  ...leadFollowAttributes,
  // Required on the full record.
  title: Schema.propertySignature(Schema.String).annotations({ description: "What to do" }),
  status: Schema.propertySignature(Fields.openEnum(FollowStatus)).annotations({ description: "Where it stands" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When the record was created" })
}).annotations({
  identifier: "LeadFollow",
  // What a table of them shows, in order (the `crm` CLI's listings).
  [Contract.TableColumns]: ["uniqueId", "title", "status", "dueDate", "createdAt"]
})
/**
 * A follow-up task of a lead as the client sees it: camelCase attributes decoded from the wire.
 *
 * @since 0.1.0
 */
export interface LeadFollow extends Schema.Schema.Type<typeof LeadFollow> {}

/**
 * What the API echoes after updating a follow-up: its id and the attributes it sent back.
 *
 * @since 0.1.0
 */
export const UpdatedLeadFollow = Schema.Struct(leadFollowAttributes).annotations({ identifier: "UpdatedLeadFollow" })
/**
 * What `LeadFollowsService.update` returns: the follow-up's id plus the attributes the API echoed.
 *
 * @since 0.1.0
 */
export interface UpdatedLeadFollow extends Schema.Schema.Type<typeof UpdatedLeadFollow> {}

/**
 * The JSON:API resource `{ id, type: "follow", attributes }`, decoding to a `LeadFollow`.
 *
 * @since 0.1.0
 */
export const LeadFollowResource = JsonApi.resource("follow", LeadFollow, { id: (follow) => follow.uniqueId })
/**
 * The resource in an update's answer (type `follow`), decoding to an `UpdatedLeadFollow`.
 *
 * @since 0.1.0
 */
export const UpdatedLeadFollowResource = JsonApi.resource("follow", UpdatedLeadFollow, {
  id: (follow) => follow.uniqueId
})

/**
 * `POST /leads/:unique_id/follows` body (sent as `{ "follow": {...} }`). `title` is required.
 *
 * @since 0.1.0
 */
export const CreateLeadFollowRequest = Schema.Struct({
  title: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "What to do" }),
  description: Fields.optionalInput(Schema.String).annotations({ description: "Details of the follow-up" }),
  dueDate: Fields.optionalInput(Fields.Timestamp).pipe(Schema.fromKey("due_date")).annotations({
    description: "When it is due"
  })
}).annotations({ identifier: "CreateLeadFollowRequest" })
/**
 * The attributes of a new follow-up, as `LeadFollowsService.create` takes them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface CreateLeadFollowRequest extends Schema.Schema.Type<typeof CreateLeadFollowRequest> {}

/**
 * `PUT /leads/:unique_id/follows/:follow_unique_id` body: at least one attribute.
 *
 * @since 0.1.0
 */
export const UpdateLeadFollowRequest = Schema.Struct({
  title: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "What to do" }),
  description: Fields.optionalInput(Schema.String).annotations({ description: "Details of the follow-up" }),
  dueDate: Fields.optionalInput(Fields.Timestamp).pipe(Schema.fromKey("due_date")).annotations({
    description: "When it is due"
  }),
  status: Fields.optionalInput(FollowStatus).annotations({ description: "Where it stands" })
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateLeadFollowRequest" })
/**
 * The attributes to change on a follow-up, as `LeadFollowsService.update` takes them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface UpdateLeadFollowRequest extends Schema.Schema.Type<typeof UpdateLeadFollowRequest> {}

/**
 * `GET /leads/:unique_id/follows`'s URL parameters: `status` and `sort` (the listing is answered whole).
 * The official SDK's `follow_type` filter is left out: the reference's follow-up has no type.
 *
 * @since 0.3.0
 */
export const LeadFollowListUrlParams = Pagination.listUrlParams(LeadFollow, {
  paged: false,
  status: FollowStatus,
  sort: ["title", "dueDate", "createdAt", "updatedAt"]
})

/**
 * What `LeadFollowsService.list` takes: `status` and `sort`.
 *
 * @since 0.3.0
 */
export type ListLeadFollowsParams = Pagination.ListParamsOf<typeof LeadFollowListUrlParams>
