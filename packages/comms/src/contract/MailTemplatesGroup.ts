/**
 * The mail templates endpoints, declared once: the client is derived from this, the emulator
 * implements it, and the OpenAPI document is generated from it.
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
  CreateMailTemplateRequest,
  MailTemplateListUrlParams,
  MailTemplateResource,
  UpdateMailTemplateRequest,
  UpdatedMailTemplateResource
} from "../models/MailTemplate.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/**
 * The success body of `GET /mailtemplates`: one page of templates and the listing's totals.
 *
 * @since 0.1.0
 */
export const MailTemplateList = JsonApi.listDocument(MailTemplateResource)
/**
 * The success body of `GET /mailtemplates/:unique_id` and `POST /mailtemplates`: one template.
 *
 * @since 0.1.0
 */
export const MailTemplateDocument = JsonApi.document(MailTemplateResource)

/**
 * `GET /mailtemplates`, `POST /mailtemplates`, `PUT /mailtemplates/:unique_id` (crm-block.md), and
 * `GET /mailtemplates/:unique_id`, which only the official SDK offers.
 *
 * @since 0.1.0
 */
export class MailTemplatesGroup extends HttpApiGroup.make("mailTemplates")
  .add(
    HttpApiEndpoint.get("list", "/mailtemplates")
      .setUrlParams(MailTemplateListUrlParams)
      .addSuccess(MailTemplateList)
      .annotate(OpenApi.Summary, "List mail templates a page at a time")
  )
  .add(
    HttpApiEndpoint.get("get")`/mailtemplates/${uniqueId}`
      .addSuccess(MailTemplateDocument)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Get one mail template (the official SDK's extra; not in crm-block.md)")
  )
  .add(
    HttpApiEndpoint.post("create", "/mailtemplates")
      .setPayload(JsonApi.wrapped("template", CreateMailTemplateRequest))
      .addSuccess(MailTemplateDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Create a mail template; its name is unique and its merge variables are extracted")
  )
  .add(
    HttpApiEndpoint.put("update")`/mailtemplates/${uniqueId}`
      .setPayload(JsonApi.wrapped("template", UpdateMailTemplateRequest))
      .addSuccess(JsonApi.document(UpdatedMailTemplateResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Mail templates")
{}
