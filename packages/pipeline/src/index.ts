/**
 * The pipeline domain of the 23blocks CRM Block: leads and their follow-ups, opportunities, quotes,
 * referrals and touches.
 *
 * @since 0.1.0
 */
export * from "./models/Lead.js"
export * from "./models/LeadFollow.js"
export * from "./models/Opportunity.js"
export * from "./models/Quote.js"
export * from "./models/Referral.js"
export * from "./models/Touch.js"
export * from "./contract/LeadsGroup.js"
export * from "./contract/LeadFollowsGroup.js"
export * from "./contract/OpportunitiesGroup.js"
export * from "./contract/QuotesGroup.js"
export * from "./contract/ReferralsGroup.js"
export * from "./contract/TouchesGroup.js"
export * from "./contract/PipelineApi.js"
export * from "./services/LeadsService.js"
export * from "./services/LeadFollowsService.js"
export * from "./services/OpportunitiesService.js"
export * from "./services/QuotesService.js"
export * from "./services/ReferralsService.js"
export * from "./services/TouchesService.js"
export * from "./services/PipelineServices.js"
export * from "./domain.js"
