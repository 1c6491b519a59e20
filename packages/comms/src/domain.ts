/**
 * The comms domain: subscribers (and unsubscribes), mail templates, and their copies on Mandrill
 * (`mailTemplates.mandrill`).
 *
 * The descriptor `comms` is what `@blocks-crm/client` composes, as in
 * `createCrmClient({ ..., domains: [comms] })`: it names each service as it appears on the client.
 * Importing it brings this domain's services and contract, nothing of another domain.
 *
 * @since 0.1.0
 */
import * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import { CommsApi } from "./contract/CommsApi.js"
import { MailTemplatesService } from "./services/MailTemplatesService.js"
import { MandrillTemplatesService } from "./services/MandrillTemplatesService.js"
import { SubscribersService } from "./services/SubscribersService.js"

/**
 * The comms domain's descriptor: its contract and its services by the name they take on the client.
 *
 * @example
 * import { createCrmClient } from "@blocks-crm/client"
 * import { comms } from "@blocks-crm/comms/domain"
 *
 * const client = createCrmClient({ apiUrl, authToken, apiKey, domains: [comms] })
 *
 * @since 0.1.0
 * @category descriptors
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
