/**
 * A contact's profile: one per contact, added with `POST /contacts/:unique_id/profile` and changed with
 * `PUT`. official-fields.md: the profile carries the contact's attributes plus `contact_unique_id`; the
 * reference shows none, so every attribute but the ids is optional.
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Schema from "effect/Schema"
import { ContactEmail } from "./Contact.js"

/**
 * A contact's profile as the API returns it.
 *
 * @since 0.1.0
 */
export const ContactProfile = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The record's id" }),
  contactUniqueId: Fields.renamed(Schema.String, "contact_unique_id").annotations({
    description: "The contact the profile belongs to"
  }),
  firstName: Fields.optionalRenamed(Schema.String, "first_name").annotations({ description: "First name" }),
  lastName: Fields.optionalRenamed(Schema.String, "last_name").annotations({ description: "Last name" }),
  middleName: Fields.optionalRenamed(Schema.String, "middle_name").annotations({ description: "Middle name" }),
  primaryEmail: Fields.optionalRenamed(Schema.String, "primary_email").annotations({ description: "E-mail address" }),
  primaryPhone: Fields.optionalRenamed(Schema.String, "primary_phone").annotations({ description: "Phone number" }),
  position: Fields.optional(Schema.String).annotations({ description: "Job title" }),
  notes: Fields.optional(Schema.String).annotations({ description: "Free-text notes" }),
  tags: Fields.optional(Schema.Array(Schema.String)).annotations({ description: "Tags" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When the record was created" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When the record last changed"
  })
}).annotations({
  identifier: "ContactProfile",
  [Contract.TableColumns]: ["uniqueId", "contactUniqueId", "firstName", "lastName", "position", "updatedAt"]
})
/**
 * A contact's profile as the client sees it.
 *
 * @since 0.1.0
 */
export interface ContactProfile extends Schema.Schema.Type<typeof ContactProfile> {}

/**
 * The JSON:API resource `{ id, type: "contact_profile", attributes }` (the type is assumed).
 *
 * @since 0.1.0
 */
export const ContactProfileResource = JsonApi.resource("contact_profile", ContactProfile, {
  id: (profile) => profile.uniqueId
})

/**
 * `POST` and `PUT /contacts/:unique_id/profile` body (sent as `{ "profile": {...} }`, the key assumed):
 * at least one attribute.
 *
 * @since 0.1.0
 */
export const ContactProfileRequest = Schema.Struct({
  firstName: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("first_name")).annotations({
    description: "First name"
  }),
  lastName: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("last_name")).annotations({
    description: "Last name"
  }),
  middleName: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("middle_name")).annotations({
    description: "Middle name"
  }),
  primaryEmail: Fields.optionalInput(ContactEmail).pipe(Schema.fromKey("primary_email")).annotations({
    description: "E-mail address"
  }),
  primaryPhone: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("primary_phone")).annotations({
    description: "Phone number"
  }),
  position: Fields.optionalInput(Schema.String).annotations({ description: "Job title" }),
  notes: Fields.optionalInput(Schema.String).annotations({ description: "Free-text notes" }),
  tags: Fields.optionalInput(Schema.Array(Fields.NonBlankString)).annotations({ description: "Tags" })
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "ContactProfileRequest" })
/**
 * A profile's attributes, as `ContactProfileService.create` and `update` take them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface ContactProfileRequest extends Schema.Schema.Type<typeof ContactProfileRequest> {}
