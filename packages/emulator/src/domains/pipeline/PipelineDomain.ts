/**
 * The pipeline domain as the emulator serves it.
 */
import { PipelineApi } from "@blocks-crm/pipeline"
import * as Layer from "effect/Layer"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import { LeadFollowsHandlers } from "./LeadFollowsHandlers.js"
import { LeadsHandlers } from "./LeadsHandlers.js"
import { OpportunitiesHandlers } from "./OpportunitiesHandlers.js"
import { QuotesHandlers } from "./QuotesHandlers.js"
import { ReferralsHandlers } from "./ReferralsHandlers.js"
import { TouchesHandlers } from "./TouchesHandlers.js"

/** The pipeline domain as the emulator serves it: its contract and its handlers. */
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
