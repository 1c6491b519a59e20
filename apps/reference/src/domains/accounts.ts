/**
 * The accounts domain: accounts.
 *
 * @since 0.1.0
 */
import { AccountDocumentsService, AccountsApi, AccountsService, ContactDocumentsService } from "@blocks-crm/accounts"
import * as CrmDomain from "../CrmDomain.js"

/**
 * @since 0.1.0
 */
export const accounts = CrmDomain.make({
  name: "accounts",
  api: AccountsApi,
  services: {
    accounts: AccountsService,
    accountDocuments: AccountDocumentsService,
    contactDocuments: ContactDocumentsService
  }
})
