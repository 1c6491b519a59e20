/**
 * The accounts domain: accounts (with their details and locations), categories, contacts (with their
 * history and profile), identities and the contacts linked to an account.
 *
 * @since 0.1.0
 */
import {
  AccountDetailsService,
  AccountDocumentsService,
  AccountLocationsService,
  AccountsApi,
  AccountsService,
  CategoriesService,
  AccountContactsService,
  ContactDocumentsService,
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
    categories: CategoriesService,
    contacts: ContactsService,
    identities: IdentitiesService,
    accountContacts: AccountContactsService,
    accountDocuments: AccountDocumentsService,
    contactDocuments: ContactDocumentsService
  },
  nested: {
    accounts: { details: AccountDetailsService, locations: AccountLocationsService },
    contacts: { history: ContactHistoryService, profile: ContactProfileService }
  }
})
