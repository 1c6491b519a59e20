/**
 * The contacts linked to an account: list, get, create (a new contact, linked), link, unlink.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import { AccountContactsGroup } from "../contract/AccountContactsGroup.js"
import type { Contact, CreateContactRequest } from "../models/Contact.js"

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
    effect: Effect.map(ApiClient.group(AccountContactsGroup), (api): AccountContacts => ({
      list: (accountId) => api.list({ path: { accountId } }),
      get: (accountId, contactId) => api.get({ path: { accountId, contactId } }),
      create: (accountId, data) => api.add({ path: { accountId }, payload: data }, "create"),
      link: (accountId, contactId) => api.add({ path: { accountId }, payload: { uniqueId: contactId } }, "link"),
      unlink: (accountId, contactId) => api.remove({ path: { accountId, contactId } }, "unlink")
    }))
  })
{}
