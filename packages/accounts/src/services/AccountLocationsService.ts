/**
 * An account's locations: list, create.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { AccountLocationsGroup } from "../contract/AccountLocationsGroup.js"
import { CreateAccountLocationRequest } from "../models/AccountLocation.js"
import type { AccountLocation } from "../models/AccountLocation.js"

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

const AccountPath = Schema.Struct({ accountId: Fields.ResourceId })

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
    effect: Effect.map(ApiClient.group(AccountLocationsGroup), (api): AccountLocations => {
      const listPath = ApiClient.validate(AccountPath, "accountLocations.list")
      const createPath = ApiClient.validate(AccountPath, "accountLocations.create")
      const checkCreate = ApiClient.validate(CreateAccountLocationRequest, "accountLocations.create")
      return {
        list: (accountId) => Effect.flatMap(listPath({ accountId }), (path) => api.list({ path })),
        create: (accountId, data) =>
          Effect.flatMap(
            Effect.all([createPath({ accountId }), checkCreate(data)]),
            ([path, payload]) => api.create({ path, payload })
          )
      }
    })
  })
{}
