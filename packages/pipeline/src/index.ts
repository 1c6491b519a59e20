/**
 * The pipeline domain of the 23blocks CRM Block: leads and their follow-ups, opportunities, quotes,
 * referrals and touches.
 *
 * @since 0.1.0
 */
export * from "./models/Lead.js"
export * from "./models/LeadFollow.js"
export * from "./contract/LeadsGroup.js"
export * from "./contract/LeadFollowsGroup.js"
export * from "./contract/PipelineApi.js"
export * from "./services/LeadsService.js"
export * from "./services/LeadFollowsService.js"
