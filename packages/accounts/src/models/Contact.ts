/**
 * Contacts: the people the sales team talks to, owned by a user and linked to accounts
 * (crm-block.md, "Contacts"; attributes the reference leaves unsaid from official-fields.md).
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"

/**
 * An e-mail address, generated as a real one where a property test asks for arbitrary input (a random
 * string almost never has the shape).
 *
 * @since 0.1.0
 */
export const ContactEmail = Fields.EmailAddress.annotations({ arbitrary: () => (fc) => fc.emailAddress() })

/**
 * The official SDK's status set. `archived` is what `DELETE /contacts/:unique_id/archive` sets: an
 * archived contact leaves the main listing until it is recovered.
 *
 * @since 0.1.0
 */
export const ContactStatus = Schema.Literal("active", "inactive", "pending", "archived", "deleted")
/**
 * A contact's status: one of the values this SDK knows, as requests take them (a response may carry others,
 * kept as sent: `Fields.Open<ContactStatus>`).
 *
 * @since 0.1.0
 */
export type ContactStatus = typeof ContactStatus.Type

/** The attributes of a contact as the API may send them: all optional but the id, as after an update. */
const contactAttributes = {
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The record's id" }),
  firstName: Fields.optionalRenamed(Schema.String, "first_name").annotations({ description: "First name" }),
  lastName: Fields.optionalRenamed(Schema.String, "last_name").annotations({ description: "Last name" }),
  middleName: Fields.optionalRenamed(Schema.String, "middle_name").annotations({ description: "Middle name" }),
  // crm-block.md's "Create an Account with Contact" sends `email`; the official SDK calls it `primary_email`
  // (kept below as its own attribute: neither is copied into the other).
  email: Fields.optional(Schema.String).annotations({ description: "E-mail address (the reference's name)" }),
  // crm-block.md sends `title`; the official SDK's `position` is kept below as its own attribute.
  title: Fields.optional(Schema.String).annotations({ description: "Job title (the reference's name)" }),
  // official-fields.md: the SDK's name for the e-mail address.
  primaryEmail: Fields.optionalRenamed(Schema.String, "primary_email").annotations({
    description: "E-mail address (the official SDK's name)"
  }),
  // official-fields.md.
  primaryPhone: Fields.optionalRenamed(Schema.String, "primary_phone").annotations({ description: "Phone number" }),
  // official-fields.md: the SDK's name for the job title.
  position: Fields.optional(Schema.String).annotations({ description: "Job title (the official SDK's name)" }),
  notes: Fields.optional(Schema.String).annotations({ description: "Free-text notes" }),
  // official-fields.md: where the contact came from.
  source: Fields.optional(Schema.String).annotations({ description: "Where the contact came from" }),
  // official-fields.md; `DELETE …/archive` sets `archived`, recover sets `active`.
  status: Fields.optional(Fields.openEnum(ContactStatus)).annotations({ description: "Contact status" }),
  // official-fields.md: free text, unlike `status`.
  contactStatus: Fields.optionalRenamed(Schema.String, "contact_status").annotations({
    description: "The team's own stage for the contact (free text)"
  }),
  // official-fields.md: the user who owns the contact (`GET /users/:unique_id/contacts` lists them).
  userUniqueId: Fields.optionalRenamed(Schema.String, "user_unique_id").annotations({
    description: "The user who owns the contact"
  }),
  // official-fields.md types it required but defaults a missing one to false: optional here, never defaulted.
  enabled: Fields.optional(Schema.Boolean).annotations({ description: "Whether the contact is enabled" }),
  tags: Fields.optional(Schema.Array(Schema.String)).annotations({ description: "Tags" }),
  createdAt: Fields.optionalRenamed(Fields.Timestamp, "created_at").annotations({
    description: "When the record was created"
  }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When the record last changed"
  })
}

/**
 * A contact as the API returns it. Optional attributes are absent when the API leaves them out or sends
 * `null`; required ones missing fail decoding with their path.
 *
 * @since 0.1.0
 */
export const Contact = Schema.Struct({
  ...contactAttributes,
  // Required on the full record (official-fields.md types these required).
  firstName: Fields.renamed(Schema.String, "first_name").annotations({ description: "First name" }),
  lastName: Fields.renamed(Schema.String, "last_name").annotations({ description: "Last name" }),
  status: Schema.propertySignature(Fields.openEnum(ContactStatus)).annotations({ description: "Contact status" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When the record was created" })
}).annotations({
  identifier: "Contact",
  // What a table of them shows, in order (the `crm` CLI's listings).
  [Contract.TableColumns]: ["uniqueId", "firstName", "lastName", "email", "title", "status", "createdAt"]
})
/**
 * A contact as the client sees it: camelCase attributes decoded from the wire.
 *
 * @since 0.1.0
 */
export interface Contact extends Schema.Schema.Type<typeof Contact> {}

/**
 * What the API echoes after an update: the contact's id and the attributes it chose to send back.
 * Nothing absent is filled in.
 *
 * @since 0.1.0
 */
export const UpdatedContact = Schema.Struct(contactAttributes).annotations({ identifier: "UpdatedContact" })
/**
 * What `ContactsService.update` returns: the contact's id plus the attributes the API echoed.
 *
 * @since 0.1.0
 */
export interface UpdatedContact extends Schema.Schema.Type<typeof UpdatedContact> {}

/**
 * The JSON:API resource `{ id, type: "contact", attributes }`, decoding to a `Contact`.
 *
 * @since 0.1.0
 */
export const ContactResource = JsonApi.resource("contact", Contact, { id: (contact) => contact.uniqueId })
/**
 * The resource in an update's answer (type `contact`), decoding to an `UpdatedContact`.
 *
 * @since 0.1.0
 */
export const UpdatedContactResource = JsonApi.resource("contact", UpdatedContact, {
  id: (contact) => contact.uniqueId
})

/** What a new contact may carry; `firstName` and `lastName` are required on create. */
const contactInput = {
  firstName: Schema.propertySignature(Fields.NonBlankString).pipe(Schema.fromKey("first_name")).annotations({
    description: "First name"
  }),
  lastName: Schema.propertySignature(Fields.NonBlankString).pipe(Schema.fromKey("last_name")).annotations({
    description: "Last name"
  }),
  middleName: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("middle_name")).annotations({
    description: "Middle name"
  }),
  // The reference's name (crm-block.md's curl example); `primaryEmail` is the official SDK's.
  email: Fields.optionalInput(ContactEmail).annotations({ description: "E-mail address" }),
  // The reference's name (crm-block.md's curl example); `position` is the official SDK's.
  title: Fields.optionalInput(Schema.String).annotations({ description: "Job title" }),
  primaryEmail: Fields.optionalInput(ContactEmail).pipe(Schema.fromKey("primary_email")).annotations({
    description: "E-mail address (the official SDK's name)"
  }),
  primaryPhone: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("primary_phone")).annotations({
    description: "Phone number"
  }),
  position: Fields.optionalInput(Schema.String).annotations({ description: "Job title (the official SDK's name)" }),
  notes: Fields.optionalInput(Schema.String).annotations({ description: "Free-text notes" }),
  source: Fields.optionalInput(Schema.String).annotations({ description: "Where the contact came from" }),
  userUniqueId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("user_unique_id")).annotations({
    description: "The user who owns the contact"
  }),
  tags: Fields.optionalInput(Schema.Array(Fields.NonBlankString)).annotations({ description: "Tags" })
}

/**
 * `POST /contacts/` body (sent as `{ "contact": {...} }`): the reference's `first_name`, `last_name`,
 * `email`, `title`, plus the official SDK's create fields.
 *
 * @since 0.1.0
 */
export const CreateContactRequest = Schema.Struct(contactInput).annotations({ identifier: "CreateContactRequest" })
/**
 * The attributes of a new contact, as `ContactsService.create` takes them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface CreateContactRequest extends Schema.Schema.Type<typeof CreateContactRequest> {}

/**
 * `PUT /contacts/:unique_id/` body: any of the contact's attributes, at least one. `status` takes the
 * live values only: archiving and the trash have their own endpoints.
 *
 * @since 0.1.0
 */
export const UpdateContactRequest = Schema.Struct({
  ...contactInput,
  firstName: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("first_name")).annotations({
    description: "First name"
  }),
  lastName: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("last_name")).annotations({
    description: "Last name"
  }),
  status: Fields.optionalInput(Schema.Literal("active", "inactive", "pending")).annotations({
    description: "Contact status"
  }),
  contactStatus: Fields.optionalInput(Schema.String).pipe(Schema.fromKey("contact_status")).annotations({
    description: "The team's own stage for the contact (free text)"
  }),
  enabled: Fields.optionalInput(Schema.Boolean).annotations({ description: "Whether the contact is enabled" })
}).pipe(Fields.atLeastOneAttribute).annotations({ identifier: "UpdateContactRequest" })
/**
 * The attributes to change on a contact, as `ContactsService.update` takes them (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface UpdateContactRequest extends Schema.Schema.Type<typeof UpdateContactRequest> {}

/**
 * `GET /contacts/`'s URL parameters: a page, `search`, `status` (`archived` lists the contacts
 * `DELETE /contacts/:unique_id/archive` took out of the main listing), `sort` and the official SDK's
 * `contact_status` filter.
 *
 * @since 0.3.0
 */
export const ContactListUrlParams = Pagination.listUrlParams(Contact, {
  search: true,
  status: ContactStatus,
  sort: ["firstName", "lastName", "createdAt", "updatedAt"],
  filters: { contactStatus: Schema.String.annotations({ description: "Only contacts at this stage (free text)" }) }
})

/**
 * What `ContactsService.list` takes: `page` (from 1), `records` (page size), `status`, `sort` and
 * `contactStatus`.
 *
 * @since 0.1.0
 */
export type ListContactsParams = Pagination.ListParamsOf<typeof ContactListUrlParams>
