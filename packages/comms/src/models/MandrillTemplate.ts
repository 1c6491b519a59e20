/**
 * A mail template's copy on Mandrill: a draft that `create` pushes and `update` changes, and the
 * published version that `publish` makes live; and the sending counters Mandrill keeps for it.
 *
 * The reference (crm-block.md, "Mail Templates") lists `POST /mailtemplates/mandrill/create`,
 * `PUT /mailtemplates/mandrill/update`, `PUT /mailtemplates/mandrill/publish` and
 * `GET /mailtemplates/mandrill/stats`, with the template named in the body or the query (the official
 * SDK puts its id in the path instead; the reference wins). The request fields are the official SDK's
 * (`{"mandrill": {from_email, from_name, from_subject, template_html, template_text}}`), plus
 * `unique_id` naming the template. The stats are the official SDK's `mandrill_stats` resource. The
 * answer of create, update and publish is not documented anywhere: it is assumed to be the Mandrill
 * copy below, after Mandrill's own template info (a draft and a published version).
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Schema from "effect/Schema"
import { Email } from "./Email.js"

/**
 * The content of one version of a Mandrill template (assumed shape; the official SDK's request names).
 *
 * @since 0.1.0
 */
export const MandrillContent = Schema.Struct({
  subject: Fields.optionalRenamed(Schema.String, "from_subject").annotations({ description: "Subject" }),
  fromEmail: Fields.optionalRenamed(Schema.String, "from_email").annotations({ description: "Sender address" }),
  fromName: Fields.optionalRenamed(Schema.String, "from_name").annotations({ description: "Sender name" }),
  htmlContent: Fields.optionalRenamed(Schema.String, "template_html").annotations({ description: "HTML body" }),
  textContent: Fields.optionalRenamed(Schema.String, "template_text").annotations({ description: "Plain-text body" })
}).annotations({ identifier: "MandrillContent" })
/**
 * One version of a Mandrill template, as the client sees it.
 *
 * @since 0.1.0
 */
export interface MandrillContent extends Schema.Schema.Type<typeof MandrillContent> {}

/**
 * A template's copy on Mandrill (assumed shape, see the module's doc).
 *
 * @since 0.1.0
 */
export const MandrillTemplate = Schema.Struct({
  // Assumed: the copy is named by the mail template it was pushed from.
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The mail template's id" }),
  slug: Schema.propertySignature(Schema.String).annotations({ description: "Mandrill's name for it" }),
  name: Schema.propertySignature(Schema.String).annotations({ description: "The template's name" }),
  draft: Schema.propertySignature(MandrillContent).annotations({ description: "The draft, not yet sent" }),
  published: Fields.optional(MandrillContent).annotations({ description: "The live version, once published" }),
  publishedAt: Fields.optionalRenamed(Fields.Timestamp, "published_at").annotations({
    description: "When the live version was published"
  }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When it was pushed" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When the draft last changed"
  })
}).annotations({
  identifier: "MandrillTemplate",
  [Contract.TableColumns]: ["uniqueId", "slug", "name", "publishedAt", "updatedAt"]
})
/**
 * A template's copy on Mandrill, as the client sees it.
 *
 * @since 0.1.0
 */
export interface MandrillTemplate extends Schema.Schema.Type<typeof MandrillTemplate> {}

/**
 * The JSON:API resource `{ id, type: "mandrill_template", attributes }` (type assumed).
 *
 * @since 0.1.0
 */
export const MandrillTemplateResource = JsonApi.resource("mandrill_template", MandrillTemplate, {
  id: (template) => template.uniqueId
})

/**
 * A sending counter: a whole number, zero or more.
 *
 * @since 0.1.0
 */
export const MandrillCount = Schema.Int.pipe(Schema.nonNegative()).annotations({ identifier: "MandrillCount" })

/**
 * The counters Mandrill keeps per template (official SDK 5.0.2+, which reads absent ones as 0; here an
 * absent counter is a decode error).
 *
 * @since 0.1.0
 */
export const MandrillCounters = Schema.Struct({
  sentCount: Fields.renamed(MandrillCount, "sent_count").annotations({ description: "Messages sent" }),
  openCount: Fields.renamed(MandrillCount, "open_count").annotations({ description: "Opens" }),
  clickCount: Fields.renamed(MandrillCount, "click_count").annotations({ description: "Clicks" }),
  bounceCount: Fields.renamed(MandrillCount, "bounce_count").annotations({ description: "Bounces" }),
  complaintCount: Fields.renamed(MandrillCount, "complaint_count").annotations({ description: "Spam complaints" })
}).annotations({ identifier: "MandrillCounters" })
/**
 * The counters, as the client sees them.
 *
 * @since 0.1.0
 */
export interface MandrillCounters extends Schema.Schema.Type<typeof MandrillCounters> {}

/**
 * A template's sending statistics on Mandrill (the official SDK's `mandrill_stats`).
 *
 * @since 0.1.0
 */
export const MandrillStats = Schema.Struct({
  // Assumed from the official SDK's `mandrill_stats` mapper (crm-block.md shows no stats body).
  slug: Schema.propertySignature(Schema.String).annotations({ description: "Mandrill's name for the template" }),
  name: Schema.propertySignature(Schema.String).annotations({ description: "The template's name" }),
  ...MandrillCounters.fields,
  // The official SDK reads absent timestamps as now; here they stay absent.
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({ description: "When counting began" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When a counter last changed"
  })
}).annotations({
  identifier: "MandrillStats",
  [Contract.TableColumns]: ["slug", "sentCount", "openCount", "clickCount", "bounceCount", "complaintCount"]
})
/**
 * A template's sending statistics, as the client sees them.
 *
 * @since 0.1.0
 */
export interface MandrillStats extends Schema.Schema.Type<typeof MandrillStats> {}

/**
 * The JSON:API resource `{ id, type: "mandrill_stats", attributes }` (the official SDK's label).
 *
 * @since 0.1.0
 */
export const MandrillStatsResource = JsonApi.resource("mandrill_stats", MandrillStats, { id: (stats) => stats.slug })

const templateId = Fields.renamed(Fields.ResourceId, "unique_id").annotations({
  description: "The mail template's id"
})

const contentInput = {
  subject: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("from_subject")).annotations({
    description: "Subject (default: the template's)"
  }),
  fromEmail: Fields.optionalInput(Email).pipe(Schema.fromKey("from_email")).annotations({
    description: "Sender address (default: the template's)"
  }),
  fromName: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("from_name")).annotations({
    description: "Sender name (default: the template's)"
  }),
  htmlContent: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("template_html")).annotations({
    description: "HTML body (default: the template's)"
  }),
  textContent: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("template_text")).annotations({
    description: "Plain-text body (default: the template's)"
  })
}

/**
 * `POST /mailtemplates/mandrill/create` body (sent as `{ "mandrill": {...} }`): the template to push,
 * and content that replaces the template's own in the draft.
 *
 * @since 0.1.0
 */
export const CreateMandrillTemplateRequest = Schema.Struct({ templateId, ...contentInput }).annotations({
  identifier: "CreateMandrillTemplateRequest"
})
/**
 * What `MandrillTemplatesService.create` takes.
 *
 * @since 0.1.0
 */
export interface CreateMandrillTemplateRequest extends Schema.Schema.Type<typeof CreateMandrillTemplateRequest> {}

/**
 * `PUT /mailtemplates/mandrill/update` body (sent as `{ "mandrill": {...} }`): the template, and at
 * least one change to its draft.
 *
 * @since 0.1.0
 */
export const UpdateMandrillTemplateRequest = Schema.Struct({ templateId, ...contentInput }).pipe(
  Schema.filter((input) =>
    Object.keys(input).some((key) => key !== "templateId") || "give at least one change to the draft"
  )
).annotations({ identifier: "UpdateMandrillTemplateRequest" })
/**
 * What `MandrillTemplatesService.update` takes.
 *
 * @since 0.1.0
 */
export interface UpdateMandrillTemplateRequest extends Schema.Schema.Type<typeof UpdateMandrillTemplateRequest> {}

/**
 * `PUT /mailtemplates/mandrill/publish` body (sent as `{ "mandrill": { "unique_id": ... } }`) and
 * `GET /mailtemplates/mandrill/stats` query (`?unique_id=`): the template they are about.
 *
 * @since 0.1.0
 */
export const MandrillTemplateRef = Schema.Struct({ templateId }).annotations({ identifier: "MandrillTemplateRef" })
/**
 * The template a publish or a stats request is about.
 *
 * @since 0.1.0
 */
export interface MandrillTemplateRef extends Schema.Schema.Type<typeof MandrillTemplateRef> {}
