/**
 * The contacts linked to an account: list, get, create (a new contact, linked), link, unlink.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { AccountContactsGroup } from "../contract/AccountContactsGroup.js"
import { CreateContactRequest } from "../models/Contact.js"
import type { Contact } from "../models/Contact.js"

/**
 * The account contact methods, each under the account (`accountId`). `unlink` keeps the contact.
 *
 * @since 0.1.0
 */
export interface AccountContacts {
  readonly list: (accountId: string) => Effect.Effect<ReadonlyArray<Contact>, CrmError>
  /** One linked contact; `NotFound` when the contact is not linked to the account. */
  readonly get: (accountId: string, contactId: string) => Effect.Effect<Contact, CrmError>
  /** Creates a contact and links it (crm-block.md's "Create an Account with Contact"). */
  readonly create: (accountId: string, data: CreateContactRequest) => Effect.Effect<Contact, CrmError>
  /** Links an existing contact; linking it twice is the same link. */
  readonly link: (accountId: string, contactId: string) => Effect.Effect<Contact, CrmError>
  readonly unlink: (accountId: string, contactId: string) => Effect.Effect<void, CrmError>
}

const AccountIds = Schema.Struct({ accountId: Fields.ResourceId })
const Ids = Schema.Struct({ accountId: Fields.ResourceId, contactId: Fields.ResourceId })

/**
 * An account's contacts as an Effect service (`AccountContacts`). Inputs are validated before anything
 * is sent.
 *
 * @example
 * ```ts
 * import { AccountContactsService } from "@blocks-crm/accounts"
 * import { Effect } from "effect"
 *
 * const addJane = (accountId: string) =>
 *   Effect.flatMap(AccountContactsService, (contacts) =>
 *     contacts.create(accountId, { firstName: "Jane", lastName: "Smith", email: "jane@acme.com", title: "VP Sales" }))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class AccountContactsService
  extends Effect.Service<AccountContactsService>()("@blocks-crm/accounts/AccountContactsService", {
    effect: Effect.gen(function*() {
      const api = yield* ApiClient.group(AccountContactsGroup)
      const accountPath = (operation: string) => ApiClient.validate(AccountIds, `accountContacts.${operation}`)
      const contactPath = (operation: string) => ApiClient.validate(Ids, `accountContacts.${operation}`)
      const checkCreate = ApiClient.validate(CreateContactRequest, "accountContacts.create")
      const contacts: AccountContacts = {
        list: (accountId: string) => Effect.flatMap(accountPath("list")({ accountId }), (path) => api.list({ path })),
        get: (accountId: string, contactId: string) =>
          Effect.flatMap(contactPath("get")({ accountId, contactId }), (path) => api.get({ path })),
        create: (accountId: string, data: CreateContactRequest) =>
          Effect.flatMap(
            Effect.all([accountPath("create")({ accountId }), checkCreate(data)]),
            ([path, payload]) => api.add({ path, payload })
          ),
        link: (accountId: string, contactId: string) =>
          Effect.flatMap(
            contactPath("link")({ accountId, contactId }),
            (path) => api.add({ path: { accountId: path.accountId }, payload: { uniqueId: path.contactId } })
          ),
        unlink: (accountId: string, contactId: string) =>
          Effect.flatMap(contactPath("unlink")({ accountId, contactId }), (path) => api.remove({ path }))
      }
      return contacts
    })
  })
{}
