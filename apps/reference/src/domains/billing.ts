/**
 * The billing domain: billings.
 *
 * @since 0.1.0
 */
import { BillingApi, BillingsService } from "@blocks-crm/billing"
import * as CrmDomain from "../CrmDomain.js"

/**
 * @since 0.1.0
 */
export const billing = CrmDomain.make({
  name: "billing",
  api: BillingApi,
  services: {
    billings: BillingsService
  }
})
