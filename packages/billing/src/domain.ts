/**
 * The billing domain: meeting billings (payments, voids, payment splits) and the billing reports.
 *
 * The descriptor `billing` is what `@blocks-crm/client` composes, as in
 * `createCrmClient({ ..., domains: [billing] })`: it names each service as it appears on the client.
 * Importing it brings this domain's services and contract, nothing of another domain.
 *
 * @since 0.1.0
 */
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import { BillingApi } from "./contract/BillingApi.js"
import { BillingReportsService } from "./services/BillingReportsService.js"
import { BillingsService } from "./services/BillingsService.js"

/**
 * The billing domain's descriptor: its contract and its services by the name they take on the client.
 *
 * @example
 * import { createCrmClient } from "@blocks-crm/client"
 * import { billing } from "@blocks-crm/billing/domain"
 *
 * const client = createCrmClient({ apiUrl, authToken, apiKey, domains: [billing] })
 *
 * @since 0.1.0
 * @category descriptors
 */
export const billing = CrmDomain.make({
  name: "billing",
  api: BillingApi,
  services: {
    billings: BillingsService,
    billingReports: BillingReportsService
  }
})
