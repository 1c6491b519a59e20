/**
 * The pipeline domain: leads (with their follow-ups), opportunities, quotes, referrals and touches.
 *
 * @since 0.1.0
 */
import {
  LeadFollowsService,
  LeadsService,
  OpportunitiesService,
  PipelineApi,
  QuotesService,
  ReferralsService,
  TouchesService
} from "@blocks-crm/pipeline"
import * as CrmDomain from "../CrmDomain.js"

/**
 * @since 0.1.0
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
