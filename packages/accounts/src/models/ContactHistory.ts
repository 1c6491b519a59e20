/**
 * A contact's history: append-only entries that track the interactions with a contact
 * (`POST /contacts/:unique_id/history`). Neither the reference nor the official SDK shows an entry's
 * fields; these follow the official SDK's contact events (`title`, `description`, `event_type`,
 * `user_unique_id`).
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Schema from "effect/Schema"

/**
 * One history entry as the API returns it.
 *
 * @since 0.1.0
 */
export const ContactHistoryEntry = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The record's id" }),
  // Assumed, as the official SDK's contact events carry it.
  contactUniqueId: Fields.renamed(Schema.String, "contact_unique_id").annotations({
    description: "The contact the entry belongs to"
  }),
  title: Schema.propertySignature(Schema.String).annotations({ description: "What happened" }),
  description: Fields.optional(Schema.String).annotations({ description: "Details" }),
  // Free text (call, email, meeting, ...): the reference names no set.
  eventType: Fields.optionalRenamed(Schema.String, "event_type").annotations({ description: "Kind of interaction" }),
  userUniqueId: Fields.optionalRenamed(Schema.String, "user_unique_id").annotations({
    description: "The user who logged it"
  }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When it was logged" })
}).annotations({
  identifier: "ContactHistoryEntry",
  [Contract.TableColumns]: ["uniqueId", "title", "eventType", "createdAt"]
})
/**
 * A history entry as the client sees it.
 *
 * @since 0.1.0
 */
export interface ContactHistoryEntry extends Schema.Schema.Type<typeof ContactHistoryEntry> {}

/**
 * The JSON:API resource `{ id, type: "contact_history", attributes }` (the type is assumed).
 *
 * @since 0.1.0
 */
export const ContactHistoryEntryResource = JsonApi.resource("contact_history", ContactHistoryEntry, {
  id: (entry) => entry.uniqueId
})

/**
 * `POST /contacts/:unique_id/history` body (sent as `{ "history": {...} }`, the key assumed after the
 * reference's Rails-style wrappers). `title` is required.
 *
 * @since 0.1.0
 */
export const CreateContactHistoryRequest = Schema.Struct({
  title: Schema.propertySignature(Fields.NonBlankString).annotations({ description: "What happened" }),
  description: Fields.optionalInput(Schema.String).annotations({ description: "Details" }),
  eventType: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("event_type")).annotations({
    description: "Kind of interaction (call, email, meeting, ...)"
  }),
  userUniqueId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("user_unique_id")).annotations({
    description: "The user who logged it"
  })
}).annotations({ identifier: "CreateContactHistoryRequest" })
/**
 * A new history entry, as `ContactHistoryService.create` takes it (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface CreateContactHistoryRequest extends Schema.Schema.Type<typeof CreateContactHistoryRequest> {}
