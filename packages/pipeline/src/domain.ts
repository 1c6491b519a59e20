/**
 * The pipeline domain: leads (with their follow-ups), opportunities, quotes, referrals and touches.
 *
 * The descriptor `pipeline` is what `@blocks-crm/client` composes, as in
 * `createCrmClient({ ..., domains: [pipeline] })`: it names each service as it appears on the client.
 * Importing it brings this domain's services and contract, nothing of another domain.
 *
 * @since 0.1.0
 */
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import { LeadFollowsService } from "./services/LeadFollowsService.js"
import { LeadsService } from "./services/LeadsService.js"
import { OpportunitiesService } from "./services/OpportunitiesService.js"
import { PipelineApi } from "./contract/PipelineApi.js"
import { QuotesService } from "./services/QuotesService.js"
import { ReferralsService } from "./services/ReferralsService.js"
import { TouchesService } from "./services/TouchesService.js"

/**
 * The pipeline domain's descriptor: its contract and its services by the name they take on the client.
 *
 * @example
 * import { createCrmClient } from "@blocks-crm/client"
 * import { pipeline } from "@blocks-crm/pipeline/domain"
 *
 * const client = createCrmClient({ apiUrl, authToken, apiKey, domains: [pipeline] })
 *
 * @since 0.1.0
 * @category descriptors
 */
export const pipeline = CrmDomain.make({
  name: "pipeline",
  api: PipelineApi,
  services: {
    leads: LeadsService,
    opportunities: OpportunitiesService,
    quotes: QuotesService,
    referrals: ReferralsService,
    touches: TouchesService
  },
  nested: {
    leads: { follows: LeadFollowsService }
  }
})
