/**
 * The comms domain: subscribers (and unsubscribes), mail templates, and their copies on Mandrill
 * (`mailTemplates.mandrill`).
 *
 * @since 0.1.0
 */
import { CommsApi, MailTemplatesService, MandrillTemplatesService, SubscribersService } from "@blocks-crm/comms"
import * as CrmDomain from "../CrmDomain.js"

/**
 * @since 0.1.0
 */
export const comms = CrmDomain.make({
  name: "comms",
  api: CommsApi,
  services: {
    subscribers: SubscribersService,
    mailTemplates: MailTemplatesService
  },
  nested: {
    mailTemplates: { mandrill: MandrillTemplatesService }
  }
})
