/** The domains these tests' client has, registered as an app registers its own. */
import { pipeline } from "@blocks-crm/pipeline/domain"
import { scheduling } from "@blocks-crm/scheduling/domain"

export const domains = [pipeline, scheduling] as const

declare module "@blocks-crm/react" {
  interface Register {
    domains: typeof domains
  }
}
