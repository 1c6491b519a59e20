/**
 * The accounts domain's collections, declared once: every handler (accounts, contacts, documents,
 * other domains reading an account) opens them here, so they agree on ids, search and archiving.
 */
import {
  Account,
  AccountListUrlParams,
  Contact,
  ContactListUrlParams,
  User,
  UserListUrlParams
} from "@blocks-crm/accounts"
import * as Effect from "effect/Effect"
import { RecordStore } from "../../RecordStore.js"
import { resource } from "../Resources.js"

/** The CRM's accounts (archived ones leave the main listing). */
export const accountRecords = Effect.map(RecordStore, (store) =>
  resource(
    store.collection("accounts", Account, {
      idOf: (account) => account.uniqueId,
      searchText: (account) =>
        [account.name, account.code, account.label, account.industry, account.email, account.website]
          .filter((word) => word !== undefined).join(" "),
      // `DELETE /accounts/:id/archive` sets the status; archived accounts leave the main listing.
      isArchived: (account) => account.status === "archived"
    }),
    "Account",
    { listParams: AccountListUrlParams }
  ))

/** The CRM's contacts (archived ones leave the main listing). */
export const contactRecords = Effect.map(RecordStore, (store) =>
  resource(
    store.collection("contacts", Contact, {
      idOf: (contact) => contact.uniqueId,
      searchText: (contact) =>
        [contact.firstName, contact.lastName, contact.email ?? "", contact.primaryEmail ?? "", contact.title ?? ""]
          .join(" "),
      isArchived: (contact) => contact.status === "archived"
    }),
    "Contact",
    { listParams: ContactListUrlParams }
  ))

/** The CRM's users (identities); scheduling reads them to check a meeting's organiser or participant, companies to impersonate one. */
export const userRecords = Effect.map(RecordStore, (store) =>
  resource(
    store.collection("users", User, {
      idOf: (user) => user.uniqueId,
      searchText: (user) => [user.email, user.name ?? ""].join(" ")
    }),
    "User",
    { listParams: UserListUrlParams }
  ))
