/**
 * The accounts domain's contract: every group it declares, as one `HttpApi`.
 *
 * @since 0.1.0
 */
import * as HttpApi from "@effect/platform/HttpApi"
import { AccountContactsGroup } from "./AccountContactsGroup.js"
import { AccountsGroup } from "./AccountsGroup.js"
import { ContactHistoryGroup } from "./ContactHistoryGroup.js"
import { ContactProfileGroup } from "./ContactProfileGroup.js"
import { ContactsGroup } from "./ContactsGroup.js"
import { IdentitiesGroup } from "./IdentitiesGroup.js"

/**
 * Accounts, contacts (with their history and profile), identities and account contacts.
 *
 * @since 0.1.0
 */
export class AccountsApi extends HttpApi.make("accounts")
  .add(AccountsGroup)
  .add(ContactsGroup)
  .add(ContactHistoryGroup)
  .add(ContactProfileGroup)
  .add(IdentitiesGroup)
  .add(AccountContactsGroup)
{}
