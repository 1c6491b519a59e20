/**
 * The domains the reference client composes. Adding a domain, built-in or your own, is one line here.
 *
 * @since 0.1.0
 */
import { pipeline } from "./pipeline.js"
import { accounts } from "./accounts.js"
import { comms } from "./comms.js"
import { companies } from "./companies.js"
import { scheduling } from "./scheduling.js"
import { calendar } from "./calendar.js"
import { billing } from "./billing.js"

/**
 * @since 0.1.0
 */
export const domains = [
  pipeline,
  accounts,
  comms,
  companies,
  scheduling,
  calendar,
  billing
] as const

export { pipeline, accounts, comms, companies, scheduling, calendar, billing }
