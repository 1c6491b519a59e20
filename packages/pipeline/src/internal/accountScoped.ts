/**
 * The two methods a resource gains under an account (`GET`/`POST /accounts/:unique_id/<resource>`),
 * shared by leads and quotes so that both page alike; the endpoints check the inputs.
 */
import type { ApiError, CrmError, InvalidInput } from "@blocks-crm/core-http/CrmError"
import type { PageParams, PageResult } from "@blocks-crm/core-http/Pagination"
import type * as Effect from "effect/Effect"

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
    request: AccountPath & { readonly urlParams: PageParams }
  ) => Effect.Effect<PageResult<A>, ApiError | InvalidInput>
  readonly createForAccount: (
    request: AccountPath & { readonly payload: Create }
  ) => Effect.Effect<A, ApiError | InvalidInput>
}

export const accountScoped = <A, Create>(endpoints: AccountScopedEndpoints<A, Create>): AccountScoped<A, Create> => ({
  listForAccount: (accountId, params) => endpoints.listForAccount({ path: { accountId }, urlParams: params ?? {} }),
  createForAccount: (accountId, data) => endpoints.createForAccount({ path: { accountId }, payload: data })
})
