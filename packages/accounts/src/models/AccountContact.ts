/**
 * `POST /accounts/:unique_id/contacts` body: link an existing contact by its id, or create a new one
 * with crm-block.md's "Create an Account with Contact" body
 * (`{"contact": {"first_name", "last_name", "email", "title"}}`).
 *
 * @since 0.1.0
 */
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Schema from "effect/Schema"
import { CreateContactRequest } from "./Contact.js"

const { firstName: _firstName, lastName: _lastName, ...optionalContactInput } = CreateContactRequest.fields

/**
 * One struct for both uses, so that a 422 names the field at fault and the CLI offers one option per
 * attribute: `unique_id` links that contact (the key assumed: the reference shows only the create
 * body); without it, `first_name` and `last_name` create a new contact.
 *
 * @since 0.1.0
 */
export const AddAccountContactRequest = Schema.Struct({
  uniqueId: Fields.optionalInput(Fields.ResourceId).pipe(Schema.fromKey("unique_id")).annotations({
    description: "An existing contact to link (instead of creating one)"
  }),
  firstName: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("first_name")).annotations({
    description: "First name of a new contact"
  }),
  lastName: Fields.optionalInput(Fields.NonBlankString).pipe(Schema.fromKey("last_name")).annotations({
    description: "Last name of a new contact"
  }),
  ...optionalContactInput
}).pipe(
  // The path is the wire's: only the server sees this body whole (the services build it from valid input).
  Schema.filter((input) =>
    input.uniqueId !== undefined || (input.firstName !== undefined && input.lastName !== undefined) || {
      path: [input.firstName === undefined ? "first_name" : "last_name"],
      message: "is required to create a contact (or give unique_id to link an existing one)"
    }
  )
).annotations({ identifier: "AddAccountContactRequest" })
/**
 * What the account contacts endpoint takes; `AccountContactsService.create` and `link` build it.
 *
 * @since 0.1.0
 */
export interface AddAccountContactRequest extends Schema.Schema.Type<typeof AddAccountContactRequest> {}
