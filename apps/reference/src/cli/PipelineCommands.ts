/**
 * The CLI tables of the pipeline domain: each resource's flags and the columns of its listing.
 */
import {
  FollowStatus,
  LeadStage,
  LeadStatus,
  OpportunityStage,
  OpportunityStatus,
  QuoteStatus,
  ReferralRewardStatus,
  TouchType
} from "@blocks-crm/pipeline"
import type { Lead, LeadFollow, Opportunity, Quote, Referral, Touch } from "@blocks-crm/pipeline"
import type { Column } from "./Output.js"
import type { Field, NestedResource, Resource } from "./ResourceCommands.js"

const choices = (schema: { readonly literals: ReadonlyArray<string> }) => ({ choices: schema.literals })
const right = { align: "right" } as const

const follows: NestedResource = {
  name: "follows",
  singular: "follow-up",
  parent: "leadId",
  service: (crm) => crm.leads.follows,
  fields: [
    { flag: "title", key: "title", kind: "text", required: true, description: "What to do" },
    { flag: "description", key: "description", kind: "text", description: "Details" },
    { flag: "due-date", key: "dueDate", kind: "datetime", description: "When it is due" },
    { flag: "status", key: "status", kind: choices(FollowStatus), only: "update", description: "Where it stands" }
  ],
  columns: [
    { header: "ID", value: (f) => f.uniqueId },
    { header: "TITLE", value: (f) => f.title },
    { header: "STATUS", value: (f) => f.status },
    { header: "DUE", value: (f) => f.dueDate },
    { header: "CREATED", value: (f) => f.createdAt }
  ] satisfies ReadonlyArray<Column<LeadFollow>>
}

const leadFields: ReadonlyArray<Field> = [
  { flag: "name", key: "name", kind: "text", required: true, description: "Lead name" },
  { flag: "source", key: "source", kind: "text", description: "Where it came from (website, referral, cold_call, event, ...)" },
  { flag: "account-id", key: "accountId", kind: "text", description: "Associated account" },
  { flag: "contact-id", key: "contactId", kind: "text", description: "Associated contact" },
  { flag: "value", key: "value", kind: "number", description: "Estimated deal value" },
  { flag: "stage", key: "stage", kind: choices(LeadStage), description: "Pipeline stage" },
  { flag: "probability", key: "probability", kind: "integer", description: "Win probability, 0 to 100" },
  { flag: "status", key: "status", kind: choices(LeadStatus), only: "update", description: "Lead status" }
]

const leads: Resource = {
  name: "leads",
  singular: "lead",
  softDelete: true,
  service: (crm) => crm.leads,
  fields: leadFields,
  columns: [
    { header: "ID", value: (l) => l.uniqueId },
    { header: "NAME", value: (l) => l.name },
    { header: "SOURCE", value: (l) => l.source },
    { header: "STAGE", value: (l) => l.stage },
    { header: "STATUS", value: (l) => l.status },
    { header: "VALUE", value: (l) => l.value, ...right },
    { header: "PROB", value: (l) => l.probability, ...right },
    { header: "CREATED", value: (l) => l.createdAt }
  ] satisfies ReadonlyArray<Column<Lead>>,
  nested: [follows]
}

const opportunities: Resource = {
  name: "opportunities",
  singular: "opportunity",
  softDelete: true,
  service: (crm) => crm.opportunities,
  fields: [
    { flag: "name", key: "name", kind: "text", required: true, description: "Opportunity name" },
    { flag: "account-id", key: "accountId", kind: "text", description: "Associated account" },
    { flag: "value", key: "value", kind: "number", description: "Deal value" },
    { flag: "stage", key: "stage", kind: choices(OpportunityStage), description: "Pipeline stage" },
    { flag: "close-date", key: "closeDate", kind: "date", description: "Expected close date" },
    { flag: "probability", key: "probability", kind: "integer", description: "Win probability, 0 to 100" },
    { flag: "status", key: "status", kind: choices(OpportunityStatus), only: "update", description: "Opportunity status" }
  ],
  columns: [
    { header: "ID", value: (o) => o.uniqueId },
    { header: "NAME", value: (o) => o.name },
    { header: "STAGE", value: (o) => o.stage },
    { header: "STATUS", value: (o) => o.status },
    { header: "VALUE", value: (o) => o.value, ...right },
    { header: "PROB", value: (o) => o.probability, ...right },
    { header: "CLOSE", value: (o) => o.closeDate },
    { header: "CREATED", value: (o) => o.createdAt }
  ] satisfies ReadonlyArray<Column<Opportunity>>
}

const quotes: Resource = {
  name: "quotes",
  singular: "quote",
  softDelete: true,
  service: (crm) => crm.quotes,
  fields: [
    { flag: "title", key: "title", kind: "text", required: true, description: "Quote title" },
    { flag: "account-id", key: "accountId", kind: "text", description: "Associated account" },
    { flag: "opportunity-id", key: "opportunityId", kind: "text", description: "Associated opportunity" },
    { flag: "contact-id", key: "contactId", kind: "text", description: "Associated contact" },
    { flag: "amount", key: "amount", kind: "number", description: "Quoted amount" },
    { flag: "currency", key: "currency", kind: "text", description: "ISO 4217 code (USD, EUR)" },
    { flag: "status", key: "status", kind: choices(QuoteStatus), description: "Approval status" },
    { flag: "valid-until", key: "validUntil", kind: "date", description: "Last day the quote holds" },
    { flag: "notes", key: "notes", kind: "text", description: "Notes" }
  ],
  columns: [
    { header: "ID", value: (q) => q.uniqueId },
    { header: "TITLE", value: (q) => q.title },
    { header: "STATUS", value: (q) => q.status },
    { header: "AMOUNT", value: (q) => q.amount, ...right },
    { header: "CURRENCY", value: (q) => q.currency },
    { header: "VALID UNTIL", value: (q) => q.validUntil },
    { header: "OPPORTUNITY", value: (q) => q.opportunityId }
  ] satisfies ReadonlyArray<Column<Quote>>
}

const referrals: Resource = {
  name: "referrals",
  singular: "referral",
  softDelete: false,
  service: (crm) => crm.referrals,
  fields: [
    { flag: "referrer-name", key: "referrerName", kind: "text", required: true, description: "Who referred" },
    { flag: "referrer-email", key: "referrerEmail", kind: "text", description: "Their e-mail" },
    { flag: "referred-name", key: "referredName", kind: "text", description: "Who was referred" },
    { flag: "referred-email", key: "referredEmail", kind: "text", description: "Their e-mail" },
    { flag: "lead-id", key: "leadId", kind: "text", description: "The lead the referral became" },
    { flag: "reward-amount", key: "rewardAmount", kind: "number", description: "Reward for the referrer" },
    { flag: "reward-status", key: "rewardStatus", kind: choices(ReferralRewardStatus), description: "Where the reward stands" },
    { flag: "notes", key: "notes", kind: "text", description: "Notes" }
  ],
  columns: [
    { header: "ID", value: (r) => r.uniqueId },
    { header: "REFERRER", value: (r) => r.referrerName },
    { header: "REFERRED", value: (r) => r.referredName },
    { header: "REWARD", value: (r) => r.rewardAmount, ...right },
    { header: "REWARD STATUS", value: (r) => r.rewardStatus },
    { header: "LEAD", value: (r) => r.leadId },
    { header: "CREATED", value: (r) => r.createdAt }
  ] satisfies ReadonlyArray<Column<Referral>>
}

const touches: Resource = {
  name: "touches",
  singular: "touch",
  softDelete: false,
  service: (crm) => crm.touches,
  fields: [
    { flag: "type", key: "touchType", kind: choices(TouchType), required: true, description: "Kind of interaction" },
    { flag: "subject", key: "subject", kind: "text", required: true, description: "What it was about" },
    { flag: "notes", key: "notes", kind: "text", description: "Notes" },
    { flag: "outcome", key: "outcome", kind: "text", description: "How it went" },
    { flag: "occurred-at", key: "occurredAt", kind: "datetime", description: "When it happened (default: now)" },
    { flag: "lead-id", key: "leadId", kind: "text", description: "The lead it concerns" },
    { flag: "contact-id", key: "contactId", kind: "text", description: "The contact it concerns" },
    { flag: "account-id", key: "accountId", kind: "text", description: "The account it concerns" },
    { flag: "opportunity-id", key: "opportunityId", kind: "text", description: "The opportunity it concerns" }
  ],
  columns: [
    { header: "ID", value: (t) => t.uniqueId },
    { header: "TYPE", value: (t) => t.touchType },
    { header: "SUBJECT", value: (t) => t.subject },
    { header: "OUTCOME", value: (t) => t.outcome },
    { header: "OCCURRED", value: (t) => t.occurredAt },
    { header: "LEAD", value: (t) => t.leadId }
  ] satisfies ReadonlyArray<Column<Touch>>
}

/** The pipeline's resources, in the order `crm --help` lists them. */
export const pipelineResources: ReadonlyArray<readonly [Resource, string]> = [
  [leads, "Leads and their follow-ups"],
  [opportunities, "Sales opportunities"],
  [quotes, "Quotes: draft, sent, accepted, rejected"],
  [referrals, "Referrals and their rewards"],
  [touches, "Logged calls, e-mails, meetings and notes"]
]
