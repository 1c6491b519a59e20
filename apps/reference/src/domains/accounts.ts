/**
 * The accounts domain: accounts, contacts (with their history and profile), identities and the
 * contacts linked to an account.
 *
 * @since 0.1.0
 */
import {
  AccountContactsService,
  AccountsApi,
  AccountsService,
  ContactHistoryService,
  ContactProfileService,
  ContactsService,
  IdentitiesService
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
    contacts: ContactsService,
    identities: IdentitiesService,
    accountContacts: AccountContactsService
  },
  nested: {
    contacts: { history: ContactHistoryService, profile: ContactProfileService }
  }
})
