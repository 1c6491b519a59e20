/**
 * The accounts domain: accounts (with their details and locations), categories, contacts (with their
 * history and profile), identities and the contacts linked to an account.
 *
 * The descriptor `accounts` is what `@blocks-crm/client` composes, as in
 * `createCrmClient({ ..., domains: [accounts] })`: it names each service as it appears on the client.
 * Importing it brings this domain's services and contract, nothing of another domain.
 *
 * @since 0.1.0
 */
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import { AccountContactsService } from "./services/AccountContactsService.js"
import { AccountDetailsService } from "./services/AccountDetailsService.js"
import { AccountDocumentsService } from "./services/AccountDocumentsService.js"
import { AccountLocationsService } from "./services/AccountLocationsService.js"
import { AccountsApi } from "./contract/AccountsApi.js"
import { AccountsService } from "./services/AccountsService.js"
import { CategoriesService } from "./services/CategoriesService.js"
import { ContactDocumentsService } from "./services/ContactDocumentsService.js"
import { ContactHistoryService } from "./services/ContactHistoryService.js"
import { ContactProfileService } from "./services/ContactProfileService.js"
import { ContactsService } from "./services/ContactsService.js"
import { IdentitiesService } from "./services/IdentitiesService.js"

/**
 * The accounts domain's descriptor: its contract and its services by the name they take on the client.
 *
 * @example
 * import { createCrmClient } from "@blocks-crm/client"
 * import { accounts } from "@blocks-crm/accounts/domain"
 *
 * const client = createCrmClient({ apiUrl, authToken, apiKey, domains: [accounts] })
 *
 * @since 0.1.0
 * @category descriptors
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
