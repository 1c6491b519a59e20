/**
 * Mail templates: named e-mails (subject, HTML and text bodies) with merge variables such as
 * `{{first_name}}`.
 *
 * The reference (crm-block.md, "Mail Templates") lists the endpoints only: `GET /mailtemplates`,
 * `POST /mailtemplates`, `PUT /mailtemplates/:unique_id`. The attributes come from the official SDK
 * (official-fields.md, "Mail templates"), whose requests name some fields differently from its
 * answers (`from_subject` → `subject`, `template_html` → `html_content`); both are kept, the model
 * speaks one vocabulary. Assumptions are said on each field.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"
import { Email } from "./Email.js"

/**
 * A template's record status, the official SDK's status set.
 *
 * @since 0.1.0
 */
export const MailTemplateStatus = Schema.Literal("active", "inactive", "pending", "archived", "deleted")
/**
 * A template's record status: one of the values this SDK knows, as requests take them (a response may carry
 * others, kept as sent: `Fields.Open<MailTemplateStatus>`).
 *
 * @since 0.1.0
 */
export type MailTemplateStatus = typeof MailTemplateStatus.Type

/** Every attribute of a template as the API may send it: all optional but the id, as after an update. */
const mailTemplateAttributes = {
  // Assumed from the official SDK's mapper (crm-block.md names no attribute), but merge_variables.
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The template's id" }),
  name: Fields.optional(Schema.String).annotations({ description: "The template's name, unique in the CRM" }),
  // The official SDK types `code` required, but its 5.0.6 create sends none: optional here.
  code: Fields.optional(Schema.String).annotations({ description: "A code for the template" }),
  subject: Fields.optional(Schema.String).annotations({ description: "The e-mail's subject" }),
  fromEmail: Fields.optionalRenamed(Schema.String, "from_email").annotations({ description: "Sender address" }),
  fromName: Fields.optionalRenamed(Schema.String, "from_name").annotations({ description: "Sender name" }),
  htmlContent: Fields.optionalRenamed(Schema.String, "html_content").annotations({ description: "HTML body" }),
  textContent: Fields.optionalRenamed(Schema.String, "text_content").annotations({ description: "Plain-text body" }),
  // Assumed attribute (not in the official SDK): the merge variables the subject and bodies use, in order.
  mergeVariables: Fields.optionalRenamed(Schema.Array(Schema.String), "merge_variables").annotations({
    description: "Merge variables the template uses ({{first_name}} → first_name)"
  }),
  mandrillSlug: Fields.optionalRenamed(Schema.String, "mandrill_slug").annotations({
    description: "The template's slug on Mandrill, once pushed there"
  }),
  status: Fields.optional(Fields.openEnum(MailTemplateStatus)).annotations({ description: "Record status" }),
  enabled: Fields.optional(Schema.Boolean).annotations({ description: "Whether the template is enabled" }),
  payload: Fields.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })).annotations({
    description: "Free-form data"
  }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({
    description: "When the record was created"
  }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When the record last changed"
  })
}

/**
 * A mail template as the API returns it.
 *
 * @since 0.1.0
 */
export const MailTemplate = Schema.Struct({
  ...mailTemplateAttributes,
  // Required on the full record (the official SDK types them required).
  name: Schema.propertySignature(Schema.String).annotations({
    description: "The template's name, unique in the CRM"
  }),
  status: Schema.propertySignature(Fields.openEnum(MailTemplateStatus)).annotations({ description: "Record status" }),
  enabled: Schema.propertySignature(Schema.Boolean).annotations({ description: "Whether the template is enabled" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When the record was created" })
}).annotations({
  identifier: "MailTemplate",
  [Contract.TableColumns]: ["uniqueId", "name", "subject", "mergeVariables", "mandrillSlug", "updatedAt"]
})
/**
 * A mail template as the client sees it.
 *
 * @since 0.1.0
 */
export interface MailTemplate extends Schema.Schema.Type<typeof MailTemplate> {}

/**
 * What the API echoes after an update: the id and the attributes it chose to send back.
 *
 * @since 0.1.0
 */
export const UpdatedMailTemplate = Schema.Struct(mailTemplateAttributes).annotations({
  identifier: "UpdatedMailTemplate"
})
/**
 * What `MailTemplatesService.update` returns.
 *
 * @since 0.1.0
 */
export interface UpdatedMailTemplate extends Schema.Schema.Type<typeof UpdatedMailTemplate> {}

/**
 * The JSON:API resource `{ id, type: "mail_template", attributes }` (the official SDK's label).
 *
 * @since 0.1.0
 */
export const MailTemplateResource = JsonApi.resource("mail_template", MailTemplate, { id: (t) => t.uniqueId })
/**
 * The resource in an update's answer, decoding to an `UpdatedMailTemplate`.
 *
 * @since 0.1.0
 */
export const UpdatedMailTemplateResource = JsonApi.resource("mail_template", UpdatedMailTemplate, {
  id: (t) => t.uniqueId
})

// Wire names of the official SDK's 5.0.6 requests, which differ from the names it reads back.
const mailTemplateInput = {
  name: Schema.propertySignature(Fields.NonBlankString).annotations({
    description: "The template's name, unique in the CRM"
  }),
  code: Fields.optionalInput(Schema.String).annotations({ description: "A code for the template" }),
  subject: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("from_subject")).annotations({
    description: "The e-mail's subject"
  }),
  fromEmail: Fields.optionalInput(Email).pipe(Schema.fromKey("from_address")).annotations({
    description: "Sender address"
  }),
  fromName: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("from_name")).annotations({
    description: "Sender name"
  }),
  htmlContent: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("template_html")).annotations({
    description: "HTML body; {{name}} marks a merge variable"
  }),
  textContent: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("template_text")).annotations({
    description: "Plain-text body; {{name}} marks a merge variable"
  })
}

/**
 * `POST /mailtemplates` body (sent as `{ "template": {...} }`, as the official SDK sends it). `name`
 * is required and unique.
 *
 * @since 0.1.0
 */
export const CreateMailTemplateRequest = Schema.Struct(mailTemplateInput).annotations({
  identifier: "CreateMailTemplateRequest"
})
/**
 * The attributes of a new template, as `MailTemplatesService.create` takes them.
 *
 * @since 0.1.0
 */
export interface CreateMailTemplateRequest extends Schema.Schema.Type<typeof CreateMailTemplateRequest> {}

/**
 * `PUT /mailtemplates/:unique_id` body: any of the attributes, at least one.
 *
 * @since 0.1.0
 */
export const UpdateMailTemplateRequest = Schema.Struct({
  ...mailTemplateInput,
  name: Fields.optionalInput(Fields.NonBlankString).annotations({
    description: "The template's name, unique in the CRM"
  }),
  enabled: Fields.optionalInput(Schema.Boolean).annotations({ description: "Whether the template is enabled" }),
  status: Fields.optionalInput(MailTemplateStatus).annotations({ description: "Record status" })
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateMailTemplateRequest" })
/**
 * The attributes to change on a template, as `MailTemplatesService.update` takes them.
 *
 * @since 0.1.0
 */
export interface UpdateMailTemplateRequest extends Schema.Schema.Type<typeof UpdateMailTemplateRequest> {}

/**
 * `GET /mailtemplates`'s URL parameters: a page and `status` (the official SDK sends no `sort` for
 * mail templates).
 *
 * @since 0.3.0
 */
export const MailTemplateListUrlParams = Pagination.listUrlParams(MailTemplate, { status: MailTemplateStatus })

/**
 * What `MailTemplatesService.list` takes: `page` (from 1), `records` (page size) and `status`.
 *
 * @since 0.1.0
 */
export type ListMailTemplatesParams = Pagination.ListParamsOf<typeof MailTemplateListUrlParams>
