/**
 * The comms domain: subscribers.
 *
 * @since 0.1.0
 */
import { CommsApi, SubscribersService } from "@blocks-crm/comms"
import * as CrmDomain from "../CrmDomain.js"

/**
 * @since 0.1.0
 */
export const comms = CrmDomain.make({
  name: "comms",
  api: CommsApi,
  services: {
    subscribers: SubscribersService
  }
})
