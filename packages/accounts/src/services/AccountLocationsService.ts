/**
 * An account's locations: list, create.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import { AccountLocationsGroup } from "../contract/AccountLocationsGroup.js"
import type { AccountLocation, CreateAccountLocationRequest } from "../models/AccountLocation.js"

/**
 * The location methods, each under the account (`accountId`) they belong to.
 *
 * @since 0.1.0
 */
export interface AccountLocations {
  /** Every location of the account (not paginated). */
  readonly list: (accountId: string) => Effect.Effect<ReadonlyArray<AccountLocation>, CrmError>
  readonly create: (accountId: string, data: CreateAccountLocationRequest) => Effect.Effect<AccountLocation, CrmError>
}

/**
 * Accounts' locations as an Effect service (`AccountLocations`). Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { AccountLocationsService } from "@blocks-crm/accounts"
 * import { Effect } from "effect"
 *
 * const addHeadOffice = (accountId: string) =>
 *   Effect.gen(function*() {
 *     const locations = yield* AccountLocationsService
 *     yield* locations.create(accountId, { name: "Head office", city: "Berlin", country: "DE" })
 *     return yield* locations.list(accountId)
 *   })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class AccountLocationsService
  extends Effect.Service<AccountLocationsService>()("@blocks-crm/accounts/AccountLocationsService", {
    effect: Effect.map(ApiClient.group(AccountLocationsGroup), (api): AccountLocations => ({
      list: (accountId) => api.list({ path: { accountId } }),
      create: (accountId, data) => api.create({ path: { accountId }, payload: data })
    }))
  })
{}
