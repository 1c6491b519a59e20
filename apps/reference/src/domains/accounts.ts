/**
 * The accounts domain: accounts (with their details and locations) and categories.
 *
 * @since 0.1.0
 */
import {
  AccountDetailsService,
  AccountLocationsService,
  AccountsApi,
  AccountsService,
  CategoriesService
} from "@blocks-crm/accounts"
import * as CrmDomain from "../CrmDomain.js"

/**
 * @since 0.1.0
 */
export const accounts = CrmDomain.make({
  name: "accounts",
  api: AccountsApi,
  services: {
    accounts: AccountsService,
    categories: CategoriesService
  },
  nested: {
    accounts: { details: AccountDetailsService, locations: AccountLocationsService }
  }
})
