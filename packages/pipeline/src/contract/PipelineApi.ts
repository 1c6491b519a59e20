/**
 * The pipeline domain's contract: every group it declares, as one `HttpApi`.
 *
 * @since 0.1.0
 */
import * as HttpApi from "@effect/platform/HttpApi"
import { LeadFollowsGroup } from "./LeadFollowsGroup.js"
import { LeadsGroup } from "./LeadsGroup.js"
import { OpportunitiesGroup } from "./OpportunitiesGroup.js"
import { QuotesGroup } from "./QuotesGroup.js"
import { ReferralsGroup } from "./ReferralsGroup.js"
import { TouchesGroup } from "./TouchesGroup.js"

/** @since 0.1.0 */
export class PipelineApi extends HttpApi.make("pipeline")
  .add(LeadsGroup)
  .add(LeadFollowsGroup)
  .add(OpportunitiesGroup)
  .add(QuotesGroup)
  .add(ReferralsGroup)
  .add(TouchesGroup)
{}
