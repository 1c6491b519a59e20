/**
 * The identities endpoints: the CRM's users and the contacts they own.
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
import { ContactResource } from "../models/Contact.js"
import { RegisterUserRequest, UserListUrlParams, UserResource } from "../models/User.js"

const uniqueId = HttpApiSchema.param("uniqueId", Fields.ResourceId)

/**
 * The success body of `GET /users` (with `?search=`, the official SDK's list filter).
 *
 * @since 0.1.0
 */
export const UserList = JsonApi.listDocument(UserResource)
/**
 * The success body of `GET /users/:unique_id` and of a registration: one user.
 *
 * @since 0.1.0
 */
export const UserDocument = JsonApi.document(UserResource)

/**
 * `GET /users`, `GET /users/:unique_id`, `POST /users/:unique_id/register`, `DELETE /users/:unique_id`,
 * `GET /users/:unique_id/contacts`. (`GET /users/:unique_id/meetings` returns meetings: scheduling's.)
 *
 * @since 0.1.0
 */
export class IdentitiesGroup extends HttpApiGroup.make("identities")
  .add(
    HttpApiEndpoint.get("list", "/users")
      .setUrlParams(UserListUrlParams)
      .addSuccess(UserList)
      .annotate(OpenApi.Summary, "List users a page at a time; `search` filters by e-mail or name")
  )
  .add(
    HttpApiEndpoint.get("get")`/users/${uniqueId}`
      .addSuccess(UserDocument)
      .addError(Contract.NotFoundResponse.wire)
  )
  .add(
    // 200, not 201: registering is create-or-activate, and the same registration twice is the same user.
    HttpApiEndpoint.post("register")`/users/${uniqueId}/register`
      .setPayload(JsonApi.wrapped("user", RegisterUserRequest))
      .addSuccess(UserDocument)
      .addError(Contract.ValidationFailedResponse.wire)
      .annotate(OpenApi.Summary, "Register a user by unique id, or activate it again (idempotent)")
  )
  .add(
    HttpApiEndpoint.del("delete")`/users/${uniqueId}`
      .addSuccess(HttpApiSchema.NoContent)
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "Remove a user (registering again activates it)")
  )
  .add(
    HttpApiEndpoint.get("contacts")`/users/${uniqueId}/contacts`
      .addSuccess(JsonApi.collection(ContactResource))
      .addError(Contract.NotFoundResponse.wire)
      .annotate(OpenApi.Summary, "The contacts the user owns (unpaginated, as the official SDK reads it)")
  )
  .addError(Contract.UnauthorizedResponse.wire)
  .middleware(Contract.ApiKeyAuth)
  .middleware(Contract.BearerAuth)
  .annotate(OpenApi.Description, "Identities: the CRM's users and the contacts they own")
  .annotate(Contract.CliGroup, { noun: "user" })
{}
