/**
 * Contact: a person the sales team talks to, owned by a user and linked to accounts.
 *
 * @since 0.1.0
 */
import { Fields, JsonApi } from "@blocks-crm/core-http"
import * as Schema from "effect/Schema"

/**
 * A contact as the API returns it.
 *
 * @since 0.1.0
 */
export const Contact = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id"),
  firstName: Fields.renamed(Schema.String, "first_name"),
  lastName: Fields.renamed(Schema.String, "last_name"),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at"),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at")
}).annotations({ identifier: "Contact" })
/** @since 0.1.0 */
export interface Contact extends Schema.Schema.Type<typeof Contact> {}

/** The JSON:API resource `{ id, type: "contact", attributes }`. @since 0.1.0 */
export const ContactResource = JsonApi.resource("contact", Contact, { id: (contact) => contact.uniqueId })
