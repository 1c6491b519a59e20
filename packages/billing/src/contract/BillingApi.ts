/**
 * The billing domain's contract: every group it declares, as one `HttpApi`.
 *
 * @since 0.1.0
 */
import * as HttpApi from "@effect/platform/HttpApi"
import { BillingReportsGroup } from "./BillingReportsGroup.js"
import { BillingsGroup } from "./BillingsGroup.js"

/**
 * The billing domain's contract: meeting billings and the billing reports.
 *
 * @since 0.1.0
 */
export class BillingApi extends HttpApi.make("billing").add(BillingsGroup).add(BillingReportsGroup) {}
