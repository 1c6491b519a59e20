/**
 * The emulator's contacts, their history and their profile. A contact's lifecycle: `DELETE …/archive`
 * sets status `archived` (out of the main listing, listed with `?status=archived`), `DELETE …/` moves it
 * to the trash, and recover brings either back.
 */
import { AccountsApi, ContactHistoryEntry, ContactProfile } from "@blocks-crm/accounts"
import type { Contact, CreateContactRequest } from "@blocks-crm/accounts"
import { Contract } from "@blocks-crm/core-http"
import * as Effect from "effect/Effect"
import { RecordStore } from "../../RecordStore.js"
import { created, group, newId, notFound, resource, updated } from "../Resources.js"
import { contactRecords } from "./Records.js"

/** A new contact as the server stores it: the id, status and timestamps are the server's. */
export const newContact = (payload: CreateContactRequest): Contact => {
  const now = new Date()
  return { ...payload, ...created(now), status: "active" }
}

/** The emulator's handlers for the contacts endpoints. */
export const ContactsHandlers = group(AccountsApi, "contacts", (handlers) =>
  Effect.gen(function*() {
    const contacts = yield* contactRecords
    const reactivate = (contact: Contact) =>
      contact.status === "archived"
        ? contacts.update(contact.uniqueId, (current) => ({ ...current, status: "active", ...updated() }))
        : Effect.succeed(contact)
    return handlers
      // `status=archived` lists the archive, which the main listing leaves out.
      .handle("list", ({ urlParams }) => contacts.page({ ...urlParams, archived: urlParams.status === "archived" }))
      .handle("listDeleted", ({ urlParams }) => contacts.page({ ...urlParams, deleted: true }))
      .handle("get", ({ path }) => contacts.find(path.uniqueId))
      .handle("create", ({ payload }) => contacts.insert(newContact(payload)))
      .handle("update", ({ path, payload }) =>
        contacts.update(path.uniqueId, (contact) => ({ ...contact, ...payload, ...updated() })))
      .handle("delete", ({ path }) =>
        contacts.softDelete(path.uniqueId))
      .handle("archive", ({ path }) =>
        Effect.asVoid(
          contacts.update(path.uniqueId, (contact) => ({ ...contact, status: "archived", ...updated() }))
        ))
      // From the trash first; a live contact is brought out of the archive (and a live active one is answered as is).
      .handle("recover", ({ path }) =>
        contacts.recover(path.uniqueId).pipe(
          Effect.orElse(() => contacts.find(path.uniqueId)),
          Effect.flatMap(reactivate)
        ))
  }))

/** The emulator's handlers for the contact history endpoints. */
export const ContactHistoryHandlers = group(
  AccountsApi,
  "contactHistory",
  (handlers) =>
    Effect.gen(function*() {
      const store = yield* RecordStore
      const contacts = yield* contactRecords
      // Append-only: the collection is written by `insert` alone.
      const history = resource(
        store.collection("contact_history", ContactHistoryEntry, { idOf: (entry) => entry.uniqueId }),
        "History Entry"
      )
      return handlers
        .handle("list", ({ path }) => Effect.zipRight(contacts.find(path.contactId), history.all(path.contactId)))
        .handle("create", ({ path, payload }) =>
          Effect.zipRight(
            contacts.find(path.contactId),
            history.insert(
              { ...payload, uniqueId: newId(), contactUniqueId: path.contactId, createdAt: new Date() },
              { parentId: path.contactId }
            )
          ))
    })
)

const profileTaken = new Contract.ValidationFailedResponse({
  errors: [
    Contract.errorObject(
      422,
      "taken",
      "Profile Already Exists",
      "The contact has a profile already: change it with PUT /contacts/:unique_id/profile.",
      "/profile"
    )
  ]
})

/** The emulator's handlers for the contact profile endpoints. */
export const ContactProfileHandlers = group(
  AccountsApi,
  "contactProfile",
  (handlers) =>
    Effect.gen(function*() {
      const store = yield* RecordStore
      const contacts = yield* contactRecords
      const profiles = resource(
        store.collection("contact_profiles", ContactProfile, { idOf: (profile) => profile.uniqueId }),
        "Profile"
      )
      /** The contact's one profile, if it has one (a 404 when the contact does not exist). */
      const profileOf = (contactId: string) =>
        Effect.zipRight(contacts.find(contactId), Effect.map(profiles.all(contactId), (all) => all[0]))
      return handlers
        .handle("create", ({ path, payload }) =>
          Effect.flatMap(profileOf(path.contactId), (existing) => {
            if (existing !== undefined) return Effect.fail(profileTaken)
            const now = new Date()
            return profiles.insert(
              { ...payload, ...created(now), contactUniqueId: path.contactId },
              { parentId: path.contactId }
            )
          }))
        .handle("update", ({ path, payload }) =>
          Effect.flatMap(profileOf(path.contactId), (existing) =>
            existing === undefined
              ? Effect.fail(notFound("Profile"))
              : profiles.update(existing.uniqueId, (profile) => ({ ...profile, ...payload, ...updated() }), {
                parentId: path.contactId
              })))
    })
)
