/**
 * The scheduling domain: meetings.
 *
 * @since 0.1.0
 */
import { SchedulingApi, MeetingsService } from "@blocks-crm/scheduling"
import * as CrmDomain from "../CrmDomain.js"

/**
 * @since 0.1.0
 */
export const scheduling = CrmDomain.make({
  name: "scheduling",
  api: SchedulingApi,
  services: {
    meetings: MeetingsService
  }
})
