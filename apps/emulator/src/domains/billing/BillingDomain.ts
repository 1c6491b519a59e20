/**
 * The billing domain as the emulator serves it.
 */
import { BillingApi } from "@blocks-crm/billing"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import { BillingsHandlers } from "./BillingsHandlers.js"

export const BillingDomain = EmulatorDomain.make("billing", BillingApi, BillingsHandlers)
