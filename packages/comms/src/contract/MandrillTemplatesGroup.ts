/**
 * The Mandrill endpoints of mail templates, declared once: the client is derived from this, the
 * emulator implements it, and the OpenAPI document is generated from it.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as OpenApi from "@effect/platform/OpenApi"
import {
  CreateMandrillTemplateRequest,
  MandrillStatsResource,
  MandrillTemplateRef,
  MandrillTemplateResource,
  UpdateMandrillTemplateRequest
} from "../models/MandrillTemplate.js"

/**
 * The success body of the Mandrill create, update and publish: the template's copy on Mandrill.
 *
 * @since 0.1.0
 */
export const MandrillTemplateDocument = JsonApi.document(MandrillTemplateResource)
/**
 * The success body of `GET /mailtemplates/mandrill/stats`.
 *
 * @since 0.1.0
 */
export const MandrillStatsDocument = JsonApi.document(MandrillStatsResource)

/**
 * `POST /mailtemplates/mandrill/create`, `PUT /mailtemplates/mandrill/update`,
 * `PUT /mailtemplates/mandrill/publish` and `GET /mailtemplates/mandrill/stats`, the paths as
 * crm-block.md writes them: the template is named in the body (`unique_id`) or the query
 * (`?unique_id=`), not in the path as in the official SDK.
 *
 * @since 0.1.0
 */
export class MandrillTemplatesGroup extends HttpApiGroup.make("mandrillTemplates")
  .add(
    HttpApiEndpoint.post("create", "/mailtemplates/mandrill/create")
      .setPayload(JsonApi.wrapped("mandrill", CreateMandrillTemplateRequest))
      .addSuccess(MandrillTemplateDocument, { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Push a mail template to Mandrill as a draft")
  )
  .add(
    HttpApiEndpoint.put("update", "/mailtemplates/mandrill/update")
      .setPayload(JsonApi.wrapped("mandrill", UpdateMandrillTemplateRequest))
      .addSuccess(MandrillTemplateDocument)
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Change the Mandrill draft")
  )
  .add(
    HttpApiEndpoint.put("publish", "/mailtemplates/mandrill/publish")
      .setPayload(JsonApi.wrapped("mandrill", MandrillTemplateRef))
      .addSuccess(MandrillTemplateDocument)
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Make the Mandrill draft live (422 when the template has no draft)")
  )
  .add(
    HttpApiEndpoint.get("stats", "/mailtemplates/mandrill/stats")
      .setUrlParams(MandrillTemplateRef)
      .addSuccess(MandrillStatsDocument)
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Sending counters Mandrill keeps for the template")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(Contract.CliGroup, { path: ["mail-templates", "mandrill"], noun: "Mandrill template" })
  .annotate(OpenApi.Description, "Mail templates on Mandrill")
{}
