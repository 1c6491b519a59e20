/**
 * A contact's profile, nested under the contact.
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
import { ContactProfileRequest, ContactProfileResource } from "../models/ContactProfile.js"

const contactId = HttpApiSchema.param("contactId", Fields.ResourceId)

/**
 * `POST /contacts/:unique_id/profile` adds the contact's one profile (a second is a 422) and
 * `PUT /contacts/:unique_id/profile` changes it (a 404 before it was added).
 *
 * @since 0.1.0
 */
export class ContactProfileGroup extends HttpApiGroup.make("contactProfile")
  .add(
    HttpApiEndpoint.post("create")`/contacts/${contactId}/profile`
      .setPayload(JsonApi.wrapped("profile", ContactProfileRequest))
      .addSuccess(JsonApi.document(ContactProfileResource), { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Add a contact's profile (one per contact)")
  )
  .add(
    HttpApiEndpoint.put("update")`/contacts/${contactId}/profile`
      .setPayload(JsonApi.wrapped("profile", ContactProfileRequest))
      .addSuccess(JsonApi.document(ContactProfileResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Change a contact's profile")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "A contact's profile: one per contact")
  .annotate(Contract.CliGroup, { path: ["contacts", "profile"], noun: "profile" })
{}
