/**
 * The billing domain as the emulator serves it.
 */
import { BillingApi } from "@blocks-crm/billing"
import * as Layer from "effect/Layer"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import { BillingReportsHandlers } from "./BillingReportsHandlers.js"
import { BillingsHandlers } from "./BillingsHandlers.js"

/** The billing domain as the emulator serves it: its contract and its handlers. */
export const BillingDomain = EmulatorDomain.make(
  "billing",
  BillingApi,
  Layer.mergeAll(BillingsHandlers, BillingReportsHandlers)
)
