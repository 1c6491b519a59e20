/**
 * The accounts domain as the emulator serves it.
 */
import { AccountsApi } from "@blocks-crm/accounts"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import { AccountsHandlers } from "./AccountsHandlers.js"

export const AccountsDomain = EmulatorDomain.make("accounts", AccountsApi, AccountsHandlers)
