/**
 * The comms domain as the emulator serves it: its contract, and the Mandrill stats admin route.
 */
import { CommsApi } from "@blocks-crm/comms"
import * as Layer from "effect/Layer"
import * as EmulatorDomain from "../../EmulatorDomain.js"
import * as DomainRouter from "../../internal/DomainRouter.js"
import { MailTemplatesHandlers, MandrillStatsAdmin, MandrillTemplatesHandlers } from "./MailTemplatesHandlers.js"
import { SubscribersHandlers } from "./SubscribersHandlers.js"

const served = EmulatorDomain.make(
  "comms",
  CommsApi,
  Layer.mergeAll(SubscribersHandlers, MailTemplatesHandlers, MandrillTemplatesHandlers)
)

/** The comms domain as the emulator serves it: its contract and its handlers. */
export const CommsDomain: EmulatorDomain.EmulatorDomain = {
  ...served,
  // The contract's routes are built on the domain's first request; the admin route (one route, cheap)
  // at start.
  routes: DomainRouter.describe(Layer.merge(served.routes, MandrillStatsAdmin), {
    ...DomainRouter.lazyRoutesOf(served.routes)!,
    atStart: MandrillStatsAdmin
  })
}
