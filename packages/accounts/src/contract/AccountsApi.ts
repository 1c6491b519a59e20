/**
 * The accounts domain's contract: every group it declares, as one `HttpApi`.
 *
 * @since 0.1.0
 */
import * as HttpApi from "@effect/platform/HttpApi"
import { AccountDetailsGroup } from "./AccountDetailsGroup.js"
import { AccountLocationsGroup } from "./AccountLocationsGroup.js"
import { AccountsGroup } from "./AccountsGroup.js"
import { CategoriesGroup } from "./CategoriesGroup.js"
import { AccountContactsGroup } from "./AccountContactsGroup.js"
import { ContactHistoryGroup } from "./ContactHistoryGroup.js"
import { ContactProfileGroup } from "./ContactProfileGroup.js"
import { ContactsGroup } from "./ContactsGroup.js"
import { IdentitiesGroup } from "./IdentitiesGroup.js"
import { AccountDocumentsGroup } from "./AccountDocumentsGroup.js"
import { ContactDocumentsGroup } from "./ContactDocumentsGroup.js"

/**
 * Every accounts group in one `HttpApi` (what the emulator serves and the CLI reflects): accounts with
 * their details and locations, categories, contacts with their history and profile, identities and
 * account contacts, account and contact documents.
 *
 * @since 0.1.0
 */
export class AccountsApi extends HttpApi.make("accounts")
  .add(AccountsGroup)
  .add(AccountDetailsGroup)
  .add(AccountLocationsGroup)
  .add(CategoriesGroup)
  .add(ContactsGroup)
  .add(ContactHistoryGroup)
  .add(ContactProfileGroup)
  .add(IdentitiesGroup)
  .add(AccountContactsGroup)
  .add(AccountDocumentsGroup)
  .add(ContactDocumentsGroup)
{}
