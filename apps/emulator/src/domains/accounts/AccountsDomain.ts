/**
 * The accounts domain as the emulator serves it.
 */
import { AccountsApi } from "@blocks-crm/accounts"
import * as Layer from "effect/Layer"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import { AccountDocumentsHandlers } from "./AccountDocumentsHandlers.js"
import { AccountsHandlers } from "./AccountsHandlers.js"
import { ContactDocumentsHandlers } from "./ContactDocumentsHandlers.js"

export const AccountsDomain = EmulatorDomain.make(
  "accounts",
  AccountsApi,
  Layer.mergeAll(
    AccountsHandlers,
    AccountDocumentsHandlers,
    ContactDocumentsHandlers
  )
)
