/**
 * The pipeline domain as the emulator serves it.
 */
import { PipelineApi } from "@blocks-crm/pipeline"
import * as Layer from "effect/Layer"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import { OpportunitiesHandlers, QuotesHandlers, ReferralsHandlers, TouchesHandlers } from "./DealsHandlers.js"
import { LeadFollowsHandlers, LeadsHandlers } from "./LeadsHandlers.js"

export const PipelineDomain = EmulatorDomain.make(
  "pipeline",
  PipelineApi,
  Layer.mergeAll(
    LeadsHandlers,
    LeadFollowsHandlers,
    OpportunitiesHandlers,
    QuotesHandlers,
    ReferralsHandlers,
    TouchesHandlers
  )
)
