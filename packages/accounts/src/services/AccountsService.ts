/**
 * Accounts: list, stream, get, create, update, delete.
 *
 * @since 0.1.0
 */
import { ApiClient } from "@blocks-crm/core-http"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { AccountsGroup } from "../contract/AccountsGroup.js"
import { CreateAccountRequest, UpdateAccountRequest } from "../models/Account.js"
import type { Account, UpdatedAccount } from "../models/Account.js"

/**
 * The client is derived from the group alone, so this entry point bundles no other resource.
 *
 * @since 0.1.0
 * @category services
 */
export class AccountsService extends Effect.Service<AccountsService>()("@blocks-crm/accounts/AccountsService", {
  effect: Effect.map(
    ApiClient.group(AccountsGroup),
    (endpoints): ResourceClient.CrudClient<Account, CreateAccountRequest, UpdateAccountRequest, UpdatedAccount> =>
      ResourceClient.crud("accounts", endpoints, { create: CreateAccountRequest, update: UpdateAccountRequest })
  )
}) {}
