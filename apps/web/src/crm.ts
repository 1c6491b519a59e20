/**
 * The app's CRM: the two domains its client has, registered with @blocks-crm/react so that every hook
 * and option factory (`crmQueries.leads.list`, `crmMutations.leads.create`) is typed by them.
 */
import { pipeline } from "@blocks-crm/pipeline/domain"
import { scheduling } from "@blocks-crm/scheduling/domain"

export const domains = [pipeline, scheduling] as const

declare module "@blocks-crm/react" {
  interface Register {
    domains: typeof domains
  }
}
