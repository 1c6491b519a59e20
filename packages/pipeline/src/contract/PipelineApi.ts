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

/**
 * The whole pipeline contract as one `HttpApi`, for a server (the emulator) and the OpenAPI document.
 * Clients derive from one group each (`ApiClient.group(LeadsGroup)`), so that a service bundles only
 * its own resource.
 *
 * @since 0.1.0
 */
export class PipelineApi extends HttpApi.make("pipeline")
  .add(LeadsGroup)
  .add(LeadFollowsGroup)
  .add(OpportunitiesGroup)
  .add(QuotesGroup)
  .add(ReferralsGroup)
  .add(TouchesGroup)
{}
