/**
 * The emulator's account contacts: links between an account and contacts, stored under the account.
 * The account and the contacts are read through the domain's one `accountRecords` / `contactRecords`.
 */
import { AccountsApi } from "@blocks-crm/accounts"
import { Fields } from "@blocks-crm/core-http"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { RecordStore } from "../../RecordStore.js"
import { group, resource } from "../Resources.js"
import { newContact } from "./ContactsHandlers.js"
import { accountRecords, contactRecords } from "./Records.js"

/** A link as the emulator keeps it (not a wire resource: the API answers with the contact). */
const AccountContactLink = Schema.Struct({
  uniqueId: Schema.String,
  accountId: Schema.String,
  contactId: Schema.String,
  createdAt: Fields.Timestamp
})

/** One link per account and contact, so linking twice is the same link. */
const linkId = (accountId: string, contactId: string) => `${accountId}:${contactId}`

/** The emulator's handlers for the account contacts endpoints. */
export const AccountContactsHandlers = group(
  AccountsApi,
  "accountContacts",
  (handlers) =>
    Effect.gen(function*() {
      const store = yield* RecordStore
      const accounts = yield* accountRecords
      const contacts = yield* contactRecords
      const links = resource(
        store.collection("account_contacts", AccountContactLink, { idOf: (link) => link.uniqueId }),
        "Contact"
      )
      const link = (accountId: string, contactId: string) =>
        Effect.orElse(
          Effect.asVoid(links.find(linkId(accountId, contactId), { parentId: accountId })),
          () =>
            links.insert(
              { uniqueId: linkId(accountId, contactId), accountId, contactId, createdAt: new Date() },
              { parentId: accountId }
            )
        )
      return handlers
        .handle("list", ({ path }) =>
          Effect.gen(function*() {
            yield* accounts.find(path.accountId)
            const linked = yield* links.all(path.accountId)
            // Trashed and archived contacts leave the account's listing, as they leave the main one.
            const found = yield* Effect.forEach(linked, (l) => Effect.option(contacts.find(l.contactId)))
            return found.flatMap((contact) =>
              contact._tag === "Some" && contact.value.status !== "archived" ? [contact.value] : []
            )
          }))
        .handle("get", ({ path }) =>
          accounts.find(path.accountId).pipe(
            Effect.zipRight(links.find(linkId(path.accountId, path.contactId), { parentId: path.accountId })),
            Effect.zipRight(contacts.find(path.contactId))
          ))
        .handle("add", ({ path, payload: { uniqueId, ...attributes } }) =>
          Effect.gen(function*() {
            yield* accounts.find(path.accountId)
            const contact = uniqueId !== undefined
              ? yield* contacts.find(uniqueId)
              : yield* contacts.insert(
                // The body's filter guarantees both names when no unique_id is given.
                newContact({ ...attributes, firstName: attributes.firstName!, lastName: attributes.lastName! })
              )
            yield* link(path.accountId, contact.uniqueId)
            return contact
          }))
        .handle("remove", ({ path }) =>
          Effect.zipRight(
            accounts.find(path.accountId),
            links.remove(linkId(path.accountId, path.contactId), { parentId: path.accountId })
          ))
    })
)
