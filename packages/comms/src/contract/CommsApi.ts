/**
 * The comms domain's contract: every group it declares, as one `HttpApi`.
 *
 * @since 0.1.0
 */
import * as HttpApi from "@effect/platform/HttpApi"
import { MailTemplatesGroup } from "./MailTemplatesGroup.js"
import { MandrillTemplatesGroup } from "./MandrillTemplatesGroup.js"
import { SubscribersGroup } from "./SubscribersGroup.js"

/**
 * The whole comms contract as one `HttpApi`, for a server (the emulator) and the OpenAPI document.
 * Clients derive from one group each, so that a service bundles only its own resource.
 *
 * @since 0.1.0
 */
export class CommsApi extends HttpApi.make("comms")
  .add(SubscribersGroup)
  .add(MailTemplatesGroup)
  .add(MandrillTemplatesGroup)
{}
