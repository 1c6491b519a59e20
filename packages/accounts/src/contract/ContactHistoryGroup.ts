/**
 * A contact's history entries, nested under the contact.
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
import { ContactHistoryEntryResource, CreateContactHistoryRequest } from "../models/ContactHistory.js"

const contactId = HttpApiSchema.param("contactId", Fields.ResourceId)

/**
 * `POST /contacts/:unique_id/history` appends an entry; `GET /contacts/:unique_id/history` (an extra:
 * the reference has no way to read the history back) lists them oldest first, unpaginated.
 *
 * @since 0.1.0
 */
export class ContactHistoryGroup extends HttpApiGroup.make("contactHistory")
  .add(
    HttpApiEndpoint.get("list")`/contacts/${contactId}/history`
      .addSuccess(JsonApi.collection(ContactHistoryEntryResource))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "A contact's history, oldest first (an extra: not in the reference)")
  )
  .add(
    HttpApiEndpoint.post("create")`/contacts/${contactId}/history`
      .setPayload(JsonApi.wrapped("history", CreateContactHistoryRequest))
      .addSuccess(JsonApi.document(ContactHistoryEntryResource), { status: 201 })
      .addError(Contract.NotFoundResponse.wire)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Append an entry to a contact's history")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "A contact's history: append-only interaction entries")
  .annotate(Contract.CliGroup, { path: ["contacts", "history"], noun: "history entry" })
{}
