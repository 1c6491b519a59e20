/**
 * The comms domain as the emulator serves it: its contract, and the Mandrill stats admin route.
 */
import { CommsApi } from "@blocks-crm/comms"
import * as Layer from "effect/Layer"
import * as EmulatorDomain from "../../EmulatorDomain.js"
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
  routes: Layer.merge(served.routes, MandrillStatsAdmin)
}
