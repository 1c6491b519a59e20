/**
 * The contacts linked to an account, nested under the account.
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
import { AddAccountContactRequest } from "../models/AccountContact.js"
import { ContactResource } from "../models/Contact.js"

const accountId = HttpApiSchema.param("accountId", Fields.ResourceId)
const contactId = HttpApiSchema.param("contactId", Fields.ResourceId)

/**
 * `GET|POST /accounts/:unique_id/contacts`, `GET|DELETE /accounts/:unique_id/contacts/:contact_unique_id`.
 * The list is not paginated (the reference shows no `meta` for it). Removing unlinks and keeps the contact.
 *
 * @since 0.1.0
 */
export class AccountContactsGroup extends HttpApiGroup.make("accountContacts")
  .add(
    HttpApiEndpoint.get("list")`/accounts/${accountId}/contacts`
      .addSuccess(JsonApi.collection(ContactResource))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "The contacts linked to an account")
  )
  .add(
    HttpApiEndpoint.get("get")`/accounts/${accountId}/contacts/${contactId}`
      .addSuccess(JsonApi.document(ContactResource))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "One contact linked to the account (404 when it is not linked)")
  )
  .add(
    HttpApiEndpoint.post("add")`/accounts/${accountId}/contacts`
      .setPayload(JsonApi.wrapped("contact", AddAccountContactRequest))
      .addSuccess(JsonApi.document(ContactResource), { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Link a contact by unique_id, or create one (first_name, last_name, ...) and link it")
  )
  .add(
    HttpApiEndpoint.del("remove")`/accounts/${accountId}/contacts/${contactId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Unlink a contact from the account (the contact is kept)")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "The contacts linked to an account")
  .annotate(Contract.CliGroup, { noun: "account contact" })
{}
