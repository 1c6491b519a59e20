/**
 * The accounts domain as the emulator serves it.
 */
import { AccountsApi } from "@blocks-crm/accounts"
import * as Layer from "effect/Layer"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import { AccountDetailsHandlers, AccountLocationsHandlers, AccountsHandlers } from "./AccountsHandlers.js"
import { CategoriesHandlers } from "./CategoriesHandlers.js"
import { AccountContactsHandlers } from "./AccountContactsHandlers.js"
import { ContactHistoryHandlers, ContactProfileHandlers, ContactsHandlers } from "./ContactsHandlers.js"
import { IdentitiesHandlers } from "./IdentitiesHandlers.js"
import { AccountDocumentsHandlers } from "./AccountDocumentsHandlers.js"
import { ContactDocumentsHandlers } from "./ContactDocumentsHandlers.js"

/** The accounts domain as the emulator serves it: its contract and its handlers. */
export const AccountsDomain = EmulatorDomain.make(
  "accounts",
  AccountsApi,
  Layer.mergeAll(
    AccountsHandlers,
    AccountDetailsHandlers,
    AccountLocationsHandlers,
    CategoriesHandlers,
    ContactsHandlers,
    ContactHistoryHandlers,
    ContactProfileHandlers,
    IdentitiesHandlers,
    AccountContactsHandlers,
    AccountDocumentsHandlers,
    ContactDocumentsHandlers
  )
)
