/**
 * The two methods a resource gains under an account (`GET`/`POST /accounts/:unique_id/<resource>`),
 * shared by leads and quotes so that both validate and page alike.
 */
import { validate } from "@blocks-crm/core-http/ApiClient"
import type { ApiError, CrmError } from "@blocks-crm/core-http/CrmError"
import { ResourceId } from "@blocks-crm/core-http/Fields"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import type { PageParams, PageResult } from "@blocks-crm/core-http/Pagination"
import * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"

/** `listForAccount` and `createForAccount` of one resource (documented on each service's interface). */
export interface AccountScoped<A, Create> {
  readonly listForAccount: (accountId: string, params?: PageParams) => Effect.Effect<PageResult<A>, CrmError>
  readonly createForAccount: (accountId: string, data: Create) => Effect.Effect<A, CrmError>
}

interface AccountPath {
  readonly path: { readonly accountId: string }
}

/** The endpoints a group declares for its account-scoped listing and creation. */
export interface AccountScopedEndpoints<A, Create> {
  readonly listForAccount: (
    request: AccountPath & { readonly urlParams: { readonly page?: number; readonly records?: number } }
  ) => Effect.Effect<PageResult<A>, ApiError>
  readonly createForAccount: (request: AccountPath & { readonly payload: Create }) => Effect.Effect<A, ApiError>
}

export const accountScoped = <A, Create, CreateI>(
  resource: string,
  endpoints: AccountScopedEndpoints<A, Create>,
  create: Schema.Schema<Create, CreateI>
): AccountScoped<A, Create> => {
  const checkListId = validate(ResourceId, `${resource}.listForAccount`)
  const checkPage = validate(Pagination.PageUrlParams, `${resource}.listForAccount`)
  const checkCreateId = validate(ResourceId, `${resource}.createForAccount`)
  const checkCreate = validate(create, `${resource}.createForAccount`)
  return {
    listForAccount: (accountId, params) =>
      Effect.flatMap(
        Effect.all([checkListId(accountId), checkPage(params ?? {})]),
        ([id, urlParams]) => endpoints.listForAccount({ path: { accountId: id }, urlParams })
      ),
    createForAccount: (accountId, data) =>
      Effect.flatMap(
        Effect.all([checkCreateId(accountId), checkCreate(data)]),
        ([id, payload]) => endpoints.createForAccount({ path: { accountId: id }, payload })
      )
  }
}
