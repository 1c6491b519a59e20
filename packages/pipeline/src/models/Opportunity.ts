/**
 * Opportunities: qualified deals tracked by value, stage, close date and probability
 * (crm-opportunities.md).
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"

/**
 * Where an opportunity is in the sales pipeline, from `discovery` to `closed_won` or `closed_lost`
 * (crm-opportunities.md).
 *
 * @since 0.1.0
 */
export const OpportunityStage = Schema.Literal(
  "discovery",
  "qualification",
  "proposal",
  "negotiation",
  "closed_won",
  "closed_lost"
)
/**
 * An opportunity's pipeline stage: one of the values this SDK knows, as requests take them (a response may
 * carry others, kept as sent: `Fields.Open<OpportunityStage>`).
 *
 * @since 0.1.0
 */
export type OpportunityStage = typeof OpportunityStage.Type

/**
 * An opportunity's status: every opportunity has one; a create leaves it to the API, an update may
 * change it.
 *
 * @since 0.1.0
 */
export const OpportunityStatus = Schema.Literal("active", "inactive", "won", "lost")
/**
 * An opportunity's status: one of the values this SDK knows, as requests take them (a response may carry
 * others, kept as sent: `Fields.Open<OpportunityStatus>`).
 *
 * @since 0.1.0
 */
export type OpportunityStatus = typeof OpportunityStatus.Type

/** The attributes of an opportunity as the API may send them: all optional but the id, as after an update. */
const opportunityAttributes = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The record's id" }),
  name: Fields.optional(Schema.String).annotations({ description: "The opportunity's name" }),
  accountId: Fields.optionalRenamed(Schema.String, "account_id").annotations({ description: "The associated account" }),
  value: Fields.optional(Fields.Decimal).annotations({ description: "Deal value" }),
  stage: Fields.optional(Fields.openEnum(OpportunityStage)).annotations({ description: "Pipeline stage" }),
  closeDate: Fields.optionalRenamed(Fields.CalendarDate, "close_date").annotations({
    description: "Expected close date"
  }),
  probability: Fields.optional(Fields.Percentage).annotations({ description: "Win probability in percent" }),
  status: Fields.optional(Fields.openEnum(OpportunityStatus)).annotations({ description: "Opportunity status" }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({
    description: "When the record was created"
  }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When the record last changed"
  })
}

/**
 * An opportunity as the API returns it. `closeDate` is a calendar date (`2026-06-30`), kept as the
 * string. Optional attributes are absent when the API leaves them out or sends `null`; required ones
 * missing fail decoding with their path.
 *
 * @since 0.1.0
 */
export const Opportunity = Schema.Struct({
  ...opportunityAttributes,
  // Required on the full record.
  name: Schema.propertySignature(Schema.String).annotations({ description: "The opportunity's name" }),
  status: Schema.propertySignature(Fields.openEnum(OpportunityStatus)).annotations({
    description: "Opportunity status"
  }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When the record was created" })
}).annotations({
  identifier: "Opportunity",
  // What a table of them shows, in order (the `crm` CLI's listings).
  [Contract.TableColumns]: ["uniqueId", "name", "stage", "status", "value", "probability", "closeDate", "createdAt"]
})
/**
 * An opportunity as the client sees it: camelCase attributes decoded from the wire.
 *
 * @since 0.1.0
 */
export interface Opportunity extends Schema.Schema.Type<typeof Opportunity> {}

/**
 * What the API echoes after an update: the opportunity's id and the attributes it chose to send back
 * (crm-opportunities.md shows only the changed ones). Nothing absent is filled in.
 *
 * @since 0.1.0
 */
export const UpdatedOpportunity = Schema.Struct(opportunityAttributes).annotations({ identifier: "UpdatedOpportunity" })
/**
 * What `OpportunitiesService.update` returns: the opportunity's id plus the attributes the API echoed.
 *
 * @since 0.1.0
 */
export interface UpdatedOpportunity extends Schema.Schema.Type<typeof UpdatedOpportunity> {}

const opportunityLinks = (opportunity: { readonly accountId?: string }) => ({
  account: opportunity.accountId === undefined ? null : { id: opportunity.accountId, type: "account" }
})

/**
 * The JSON:API resource `{ id, type: "opportunity", attributes, relationships }`, decoding to an
 * `Opportunity`; the `account` relationship is written from `accountId`.
 *
 * @since 0.1.0
 */
export const OpportunityResource = JsonApi.resource("opportunity", Opportunity, {
  id: (opportunity) => opportunity.uniqueId,
  relationships: opportunityLinks
})
/**
 * The resource in an update's answer (type `opportunity`), decoding to an `UpdatedOpportunity`.
 *
 * @since 0.1.0
 */
export const UpdatedOpportunityResource = JsonApi.resource("opportunity", UpdatedOpportunity, {
  id: (opportunity) => opportunity.uniqueId
})

/**
 * `POST /opportunities/` body (sent as `{ "opportunity": {...} }`). `name` is required.
 *
 * @since 0.1.0
 */
export const CreateOpportunityRequest = Schema.Struct({
  name: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "The opportunity's name" }),
  accountId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("account_id")).annotations({
    description: "The associated account"
  }),
  value: Fields.optionalInput(Fields.NonNegativeAmount).annotations({ description: "Deal value" }),
  stage: Fields.optionalInput(OpportunityStage).annotations({ description: "Pipeline stage" }),
  closeDate: Fields.optionalInput(Fields.CalendarDate).pipe(Schema.fromKey("close_date")).annotations({
    description: "Expected close date"
  }),
  probability: Fields.optionalInput(Fields.Percentage).annotations({ description: "Win probability in percent" })
}).annotations({ identifier: "CreateOpportunityRequest" })
/**
 * The attributes of a new opportunity, as `OpportunitiesService.create` takes them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface CreateOpportunityRequest extends Schema.Schema.Type<typeof CreateOpportunityRequest> {}

/**
 * `PUT /opportunities/:unique_id/` body: any of the opportunity's attributes, at least one.
 *
 * @since 0.1.0
 */
export const UpdateOpportunityRequest = Schema.Struct({
  ...CreateOpportunityRequest.fields,
  name: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "The opportunity's name" }),
  status: Fields.optionalInput(OpportunityStatus).annotations({ description: "Opportunity status" })
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateOpportunityRequest" })
/**
 * The attributes to change on an opportunity, as `OpportunitiesService.update` takes them (sent in
 * snake_case).
 *
 * @since 0.1.0
 */
export interface UpdateOpportunityRequest extends Schema.Schema.Type<typeof UpdateOpportunityRequest> {}

/**
 * `GET /opportunities/`'s URL parameters: a page, `search`, `status`, `sort` (`-value` for the largest
 * first) and the account filter (the official SDK's `account_unique_id`, sent as the reference's
 * `account_id`). Its `contact_unique_id` and `owner_unique_id` filters are left out: the reference's
 * opportunity has no contact or owner.
 *
 * @since 0.3.0
 */
export const OpportunityListUrlParams = Pagination.listUrlParams(Opportunity, {
  search: true,
  status: OpportunityStatus,
  sort: ["name", "value", "probability", "closeDate", "createdAt", "updatedAt"],
  filters: { accountId: Fields.ResourceId.annotations({ description: "Only the opportunities of this account" }) }
})

/**
 * What `OpportunitiesService.list` takes: `page` (from 1), `records` (page size, default 15 on the
 * API), `status`, `sort` and `accountId`.
 *
 * @since 0.1.0
 */
export type ListOpportunitiesParams = Pagination.ListParamsOf<typeof OpportunityListUrlParams>
