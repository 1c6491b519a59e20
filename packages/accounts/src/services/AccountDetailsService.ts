/**
 * An account's details: create (once), update.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import { AccountDetailsGroup } from "../contract/AccountDetailsGroup.js"
import type { AccountDetail, AccountDetailRequest } from "../models/AccountDetail.js"

/**
 * The details methods, each under the account (`accountId`) they belong to.
 *
 * @since 0.1.0
 */
export interface AccountDetails {
  /** Adds the account's details; an account has one set, so a second `create` is a `ValidationFailed`. */
  readonly create: (accountId: string, data: AccountDetailRequest) => Effect.Effect<AccountDetail, CrmError>
  /** Changes the details (`NotFound` before they were added). */
  readonly update: (accountId: string, data: AccountDetailRequest) => Effect.Effect<AccountDetail, CrmError>
}

/**
 * Accounts' details as an Effect service (`AccountDetails`). Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { AccountDetailsService } from "@blocks-crm/accounts"
 * import { Effect } from "effect"
 *
 * const setLanguage = (accountId: string) =>
 *   Effect.gen(function*() {
 *     const details = yield* AccountDetailsService
 *     yield* details.create(accountId, { preferredDomain: "acme.com" })
 *     return yield* details.update(accountId, { preferredLanguage: "en" })
 *   })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class AccountDetailsService
  extends Effect.Service<AccountDetailsService>()("@blocks-crm/accounts/AccountDetailsService", {
    effect: Effect.map(ApiClient.group(AccountDetailsGroup), (api): AccountDetails => ({
      create: (accountId, data) => api.create({ path: { accountId }, payload: data }),
      update: (accountId, data) => api.update({ path: { accountId }, payload: data })
    }))
  })
{}
