/**
 * The billing domain: meeting billings (payments, voids, payment splits) and the billing reports.
 *
 * @since 0.1.0
 */
import { BillingApi, BillingReportsService, BillingsService } from "@blocks-crm/billing"
import * as CrmDomain from "../CrmDomain.js"

/**
 * @since 0.1.0
 */
export const billing = CrmDomain.make({
  name: "billing",
  api: BillingApi,
  services: {
    billings: BillingsService,
    billingReports: BillingReportsService
  }
})
