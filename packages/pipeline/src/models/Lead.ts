/**
 * Leads: prospective deals tracked through the sales pipeline (crm-leads.md).
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"
import * as Struct from "effect/Struct"

/**
 * Where a lead is in the sales pipeline, from `new` to `negotiation` (crm-leads.md).
 *
 * @since 0.1.0
 */
export const LeadStage = Schema.Literal("new", "contacted", "qualified", "proposal", "negotiation")
/**
 * A lead's pipeline stage: one of the values this SDK knows, as requests take them (a response may carry
 * others, kept as sent: `Fields.Open<LeadStage>`).
 *
 * @since 0.1.0
 */
export type LeadStage = typeof LeadStage.Type

/**
 * A lead's status: every lead has one; a create leaves it to the API, an update may change it.
 *
 * @since 0.1.0
 */
export const LeadStatus = Schema.Literal("active", "inactive", "converted", "lost")
/**
 * A lead's status: one of the values this SDK knows, as requests take them (a response may carry others,
 * kept as sent: `Fields.Open<LeadStatus>`).
 *
 * @since 0.1.0
 */
export type LeadStatus = typeof LeadStatus.Type

/** The attributes of a lead as the API may send them: all optional but the id, as after an update. */
const leadAttributes = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The record's id" }),
  name: Fields.optional(Schema.String).annotations({ description: "The lead's name" }),
  source: Fields.optional(Schema.String).annotations({
    description: "Where the lead came from (website, referral, cold_call, event, ...)"
  }),
  accountId: Fields.optionalRenamed(Schema.String, "account_id").annotations({ description: "The associated account" }),
  contactId: Fields.optionalRenamed(Schema.String, "contact_id").annotations({ description: "The associated contact" }),
  value: Fields.optional(Fields.Decimal).annotations({ description: "Estimated deal value" }),
  stage: Fields.optional(Fields.openEnum(LeadStage)).annotations({ description: "Pipeline stage" }),
  probability: Fields.optional(Fields.Percentage).annotations({ description: "Win probability in percent" }),
  status: Fields.optional(Fields.openEnum(LeadStatus)).annotations({ description: "Lead status" }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({
    description: "When the record was created"
  }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When the record last changed"
  })
}

/**
 * A lead as the API returns it. Optional attributes are absent when the API leaves them out or sends
 * `null`; required ones missing fail decoding with their path.
 *
 * @since 0.1.0
 */
export const Lead = Schema.Struct({
  ...leadAttributes,
  // Required on the full record.
  name: Schema.propertySignature(Schema.String).annotations({ description: "The lead's name" }),
  status: Schema.propertySignature(Fields.openEnum(LeadStatus)).annotations({ description: "Lead status" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When the record was created" })
}).annotations({
  identifier: "Lead",
  // What a table of them shows, in order (the `crm` CLI's listings).
  [Contract.TableColumns]: ["uniqueId", "name", "source", "stage", "status", "value", "probability", "createdAt"]
})
/**
 * A lead as the client sees it: camelCase attributes decoded from the wire.
 *
 * @since 0.1.0
 */
export interface Lead extends Schema.Schema.Type<typeof Lead> {}

/**
 * What the API echoes after an update: the lead's id and the attributes it chose to send back
 * (crm-leads.md shows only the changed ones). Nothing absent is filled in.
 *
 * @since 0.1.0
 */
export const UpdatedLead = Schema.Struct(leadAttributes).annotations({ identifier: "UpdatedLead" })
/**
 * What `LeadsService.update` returns: the lead's id plus the attributes the API echoed.
 *
 * @since 0.1.0
 */
export interface UpdatedLead extends Schema.Schema.Type<typeof UpdatedLead> {}

const leadLinks = (lead: { readonly accountId?: string; readonly contactId?: string }) => ({
  account: lead.accountId === undefined ? null : { id: lead.accountId, type: "account" },
  contact: lead.contactId === undefined ? null : { id: lead.contactId, type: "contact" }
})

/**
 * The JSON:API resource `{ id, type: "lead", attributes, relationships }`, decoding to a `Lead`;
 * `account` and `contact` relationships are written from `accountId` and `contactId`.
 *
 * @since 0.1.0
 */
export const LeadResource = JsonApi.resource("lead", Lead, { id: (lead) => lead.uniqueId, relationships: leadLinks })
/**
 * The resource in an update's answer (type `lead`), decoding to an `UpdatedLead`.
 *
 * @since 0.1.0
 */
export const UpdatedLeadResource = JsonApi.resource("lead", UpdatedLead, { id: (lead) => lead.uniqueId })

/**
 * `POST /leads/` body (sent as `{ "lead": {...} }`). `name` is required.
 *
 * @since 0.1.0
 */
export const CreateLeadRequest = Schema.Struct({
  name: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "The lead's name" }),
  source: Fields.optionalInput(Schema.String).annotations({
    description: "Where the lead came from (website, referral, cold_call, event, ...)"
  }),
  accountId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("account_id")).annotations({
    description: "The associated account"
  }),
  contactId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("contact_id")).annotations({
    description: "The associated contact"
  }),
  value: Fields.optionalInput(Fields.NonNegativeAmount).annotations({ description: "Estimated deal value" }),
  stage: Fields.optionalInput(LeadStage).annotations({ description: "Pipeline stage" }),
  probability: Fields.optionalInput(Fields.Percentage).annotations({ description: "Win probability in percent" })
}).annotations({ identifier: "CreateLeadRequest" })
/**
 * The attributes of a new lead, as `LeadsService.create` takes them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface CreateLeadRequest extends Schema.Schema.Type<typeof CreateLeadRequest> {}

/**
 * `POST /accounts/:unique_id/leads` body (sent as `{ "lead": {...} }`): a lead's attributes without
 * `accountId`, which the path names. Assumed to use the same wrapper as `POST /leads/` (crm-block.md
 * shows no body for it).
 *
 * @since 0.2.0
 */
export const CreateAccountLeadRequest = Schema.Struct(Struct.omit(CreateLeadRequest.fields, "accountId")).annotations({
  identifier: "CreateAccountLeadRequest"
})
/**
 * The attributes of a lead added to an account, as `LeadsService.createForAccount` takes them.
 *
 * @since 0.2.0
 */
export interface CreateAccountLeadRequest extends Schema.Schema.Type<typeof CreateAccountLeadRequest> {}

/**
 * `PUT /leads/:unique_id/` body: any of the lead's attributes, at least one.
 *
 * @since 0.1.0
 */
export const UpdateLeadRequest = Schema.Struct({
  ...CreateLeadRequest.fields,
  name: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "The lead's name" }),
  status: Fields.optionalInput(LeadStatus).annotations({ description: "Lead status" })
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateLeadRequest" })
/**
 * The attributes to change on a lead, as `LeadsService.update` takes them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface UpdateLeadRequest extends Schema.Schema.Type<typeof UpdateLeadRequest> {}

/**
 * `GET /leads/`'s URL parameters: a page, `search`, `status`, `sort` (`-value` for the largest first)
 * and the official SDK's `source` filter. Its `contact_status` filter is left out: the reference's lead
 * has no such attribute.
 *
 * @since 0.3.0
 */
export const LeadListUrlParams = Pagination.listUrlParams(Lead, {
  search: true,
  status: LeadStatus,
  sort: ["name", "value", "probability", "createdAt", "updatedAt"],
  filters: { source: Schema.String.annotations({ description: "Only leads from this source" }) }
})

/**
 * What `LeadsService.list` takes: `page` (from 1), `records` (page size, default 15 on the API),
 * `status`, `sort` and `source`.
 *
 * @since 0.1.0
 */
export type ListLeadsParams = Pagination.ListParamsOf<typeof LeadListUrlParams>
