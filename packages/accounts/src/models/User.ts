/**
 * Users (identities): the people who use the CRM, registered by the unique id the auth system gave
 * them (crm-block.md, "Identities"; attributes from official-fields.md, "Users / identities").
 *
 * @since 0.1.0
 */
import * as Contract from "@blocks-crm/core-http/Contract"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import * as Schema from "effect/Schema"
import { ContactEmail } from "./Contact.js"

/**
 * The official SDK's status set; a registered user is `active`.
 *
 * @since 0.1.0
 */
export const UserStatus = Schema.Literal("active", "inactive", "pending", "archived", "deleted")
/**
 * A user's status: one of the values this SDK knows, as requests take them (a response may carry others,
 * kept as sent: `Fields.Open<UserStatus>`).
 *
 * @since 0.1.0
 */
export type UserStatus = typeof UserStatus.Type

/** Free-form data the app keeps on a user (official-fields.md: `payload`, passed through as is). */
const Payload = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/**
 * A user as the API returns it (resource type `user`).
 *
 * @since 0.1.0
 */
export const User = Schema.Struct({
  uniqueId: Fields.renamed(Schema.String, "unique_id").annotations({ description: "The user's id" }),
  // official-fields.md: required (register requires it).
  email: Schema.propertySignature(Schema.String).annotations({ description: "E-mail address" }),
  name: Fields.optional(Schema.String).annotations({ description: "Display name" }),
  phone: Fields.optional(Schema.String).annotations({ description: "Phone number" }),
  status: Schema.propertySignature(Fields.openEnum(UserStatus)).annotations({ description: "User status" }),
  // official-fields.md reads a missing one as true; optional here, never defaulted.
  enabled: Fields.optional(Schema.Boolean).annotations({ description: "Whether the user is enabled" }),
  payload: Fields.optional(Payload).annotations({ description: "The app's own data on the user" }),
  createdAt: Fields.renamed(Fields.Timestamp, "created_at").annotations({ description: "When the user registered" }),
  updatedAt: Fields.optionalRenamed(Fields.Timestamp, "updated_at").annotations({
    description: "When the record last changed"
  })
}).annotations({
  identifier: "User",
  [Contract.TableColumns]: ["uniqueId", "email", "name", "status", "createdAt"]
})
/**
 * A user as the client sees it.
 *
 * @since 0.1.0
 */
export interface User extends Schema.Schema.Type<typeof User> {}

/**
 * The JSON:API resource `{ id, type: "user", attributes }`, decoding to a `User`.
 *
 * @since 0.1.0
 */
export const UserResource = JsonApi.resource("user", User, { id: (user) => user.uniqueId })

/**
 * `POST /users/:unique_id/register` body (sent as `{ "user": {...} }`, official-fields.md). `email` is
 * required.
 *
 * @since 0.1.0
 */
export const RegisterUserRequest = Schema.Struct({
  email: Schema.propertySignature(ContactEmail).annotations({ description: "E-mail address" }),
  name: Fields.optionalInput(Fields.NonBlankString).annotations({ description: "Display name" }),
  phone: Fields.optionalInput(Schema.String).annotations({ description: "Phone number" }),
  payload: Fields.optionalInput(Payload).annotations({ description: "The app's own data on the user" })
}).annotations({ identifier: "RegisterUserRequest" })
/**
 * What `IdentitiesService.register` takes (sent in snake_case).
 *
 * @since 0.1.0
 */
export interface RegisterUserRequest extends Schema.Schema.Type<typeof RegisterUserRequest> {}

/**
 * `GET /users`'s URL parameters: a page, `search` and `status` (the official SDK sends no `sort` for
 * users).
 *
 * @since 0.3.0
 */
export const UserListUrlParams = Pagination.listUrlParams(User, { search: true, status: UserStatus })

/**
 * What `IdentitiesService.list` takes: `page` (from 1), `records` (page size) and `status`.
 *
 * @since 0.1.0
 */
export type ListUsersParams = Pagination.ListParamsOf<typeof UserListUrlParams>
