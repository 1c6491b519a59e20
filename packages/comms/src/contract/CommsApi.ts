/**
 * The comms domain's contract: every group it declares, as one `HttpApi`.
 *
 * @since 0.1.0
 */
import * as HttpApi from "@effect/platform/HttpApi"
import { SubscribersGroup } from "./SubscribersGroup.js"

/** @since 0.1.0 */
export class CommsApi extends HttpApi.make("comms")
  .add(SubscribersGroup)
{}
