/**
 * Identities (the CRM's users): list, stream, search, get, register, delete, listContacts.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import type { PageResult } from "@blocks-crm/core-http/Pagination"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import type * as Stream from "effect/Stream"
import { IdentitiesGroup } from "../contract/IdentitiesGroup.js"
import type { Contact } from "../models/Contact.js"
import { UserListUrlParams } from "../models/User.js"
import type { ListUsersParams, RegisterUserRequest, User } from "../models/User.js"

/**
 * The identity methods. `register` is idempotent: registering the same unique id again answers the
 * same user (activated again if it was deleted).
 *
 * @since 0.1.0
 */
export interface Identities {
  /** One page of users; with `status`, only those. */
  readonly list: (params?: ListUsersParams) => Effect.Effect<PageResult<User>, CrmError>
  /** Every user, fetching each page only when it is needed (keeping `status` on every page). */
  readonly stream: (params?: ResourceClient.StreamParamsOf<ListUsersParams>) => Stream.Stream<User, CrmError>
  /** Users whose e-mail or name matches (`?search=`). */
  readonly search: (query: string, params?: ListUsersParams) => Effect.Effect<PageResult<User>, CrmError>
  readonly get: (uniqueId: string) => Effect.Effect<User, CrmError>
  readonly register: (uniqueId: string, data: RegisterUserRequest) => Effect.Effect<User, CrmError>
  readonly delete: (uniqueId: string) => Effect.Effect<void, CrmError>
  /** The contacts the user owns (their `userUniqueId`). */
  readonly listContacts: (uniqueId: string) => Effect.Effect<ReadonlyArray<Contact>, CrmError>
}

/**
 * The CRM's users as an Effect service (`Identities`). Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { IdentitiesService } from "@blocks-crm/accounts"
 * import { Effect } from "effect"
 *
 * const myContacts = (userId: string) =>
 *   Effect.gen(function*() {
 *     const identities = yield* IdentitiesService
 *     yield* identities.register(userId, { email: "rep@acme.com", name: "Sam Rep" })
 *     return yield* identities.listContacts(userId)
 *   })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class IdentitiesService extends Effect.Service<IdentitiesService>()("@blocks-crm/accounts/IdentitiesService", {
  effect: Effect.map(ApiClient.group(IdentitiesGroup), (api): Identities => {
    // `list` takes page parameters only; `search` adds the query.
    const list = ResourceClient.pages(
      "identities",
      "list",
      (urlParams: ListUsersParams) => api.list({ urlParams }),
      UserListUrlParams
    )
    return {
      list,
      stream: ResourceClient.streamOf("identities", list, UserListUrlParams),
      search: (query, params) => api.list({ urlParams: { ...params, search: query } }, "search"),
      get: (uniqueId) => api.get({ path: { uniqueId } }),
      register: (uniqueId, data) => api.register({ path: { uniqueId }, payload: data }),
      delete: (uniqueId) => api.delete({ path: { uniqueId } }),
      listContacts: (uniqueId) => api.contacts({ path: { uniqueId } }, "listContacts")
    }
  })
}) {}
