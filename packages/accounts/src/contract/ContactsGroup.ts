/**
 * The contacts endpoints, declared once: the client is derived from this, the emulator implements it,
 * and the OpenAPI document is generated from it.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as OpenApi from "@effect/platform/OpenApi"
import {
  ContactListUrlParams,
  ContactResource,
  CreateContactRequest,
  UpdateContactRequest,
  UpdatedContactResource
} from "../models/Contact.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/**
 * The success body of `GET /contacts/` and `GET /contacts/trash/show`: one page of contacts and the
 * listing's totals.
 *
 * @since 0.1.0
 */
export const ContactList = JsonApi.listDocument(ContactResource)
/**
 * The success body of `GET /contacts/:unique_id`, `POST /contacts/` and `PUT /contacts/:unique_id/recover`:
 * one contact.
 *
 * @since 0.1.0
 */
export const ContactDocument = JsonApi.document(ContactResource)

/**
 * `GET /contacts/` (with `?search=` and `?status=archived`, official-SDK extras), `GET /contacts/trash/show`,
 * `GET /contacts/:unique_id`, `POST /contacts/`, `PUT /contacts/:unique_id/`, `DELETE /contacts/:unique_id/`
 * (to the trash), `DELETE /contacts/:unique_id/archive`, and `PUT /contacts/:unique_id/recover` (an
 * official-SDK extra: brings a trashed or archived contact back).
 *
 * @since 0.1.0
 */
export class ContactsGroup extends HttpApiGroup.make("contacts")
  .add(
    HttpApiEndpoint.get("list", "/contacts/")
      .setUrlParams(ContactListUrlParams)
      .addSuccess(ContactList)
      .annotate(
        OpenApi.Summary,
        "List contacts a page at a time; `search` filters by text, `status=archived` lists the archive"
      )
  )
  .add(
    HttpApiEndpoint.get("listDeleted", "/contacts/trash/show")
      .setUrlParams(Pagination.PageUrlParams)
      .addSuccess(ContactList)
      .annotate(OpenApi.Summary, "List the contacts in the trash")
      .annotate(Contract.CliCommand, { name: "deleted" })
  )
  .add(
    HttpApiEndpoint.get("get")`/contacts/${uniqueId}`
      .addSuccess(ContactDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    HttpApiEndpoint.post("create", "/contacts/")
      .setPayload(JsonApi.wrapped("contact", CreateContactRequest))
      .addSuccess(ContactDocument, { status: 201 })
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.put("update")`/contacts/${uniqueId}/`
      .setPayload(JsonApi.wrapped("contact", UpdateContactRequest))
      .addSuccess(JsonApi.document(UpdatedContactResource))
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
  )
  .add(
    HttpApiEndpoint.del("delete")`/contacts/${uniqueId}/`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Move a contact to the trash")
  )
  .add(
    HttpApiEndpoint.del("archive")`/contacts/${uniqueId}/archive`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Archive a contact: it leaves the main listing until recovered")
  )
  .add(
    HttpApiEndpoint.put("recover")`/contacts/${uniqueId}/recover`
      .addSuccess(ContactDocument)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Bring a trashed or archived contact back (official-SDK extra)")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Contacts: the people the sales team talks to")
{}
