/**
 * The pipeline domain's contract: every group it declares, as one `HttpApi`.
 *
 * @since 0.1.0
 */
import * as HttpApi from "@effect/platform/HttpApi"
import { LeadFollowsGroup } from "./LeadFollowsGroup.js"
import { LeadsGroup } from "./LeadsGroup.js"

/** @since 0.1.0 */
export class PipelineApi extends HttpApi.make("pipeline")
  .add(LeadsGroup)
  .add(LeadFollowsGroup)
{}
