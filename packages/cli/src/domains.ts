/**
 * The domains the `crm` CLI reflects its commands from: every domain of `@blocks-crm/sdk`, each loaded
 * only when a command of it runs (`loaders`), or all at once (`all`: the completions, the wizard,
 * building the command tree). The domain generator appends a loader here for each domain it writes
 * (a team's own scope through its package's `/domain` entry).
 *
 * @since 0.1.0
 */
import type { CrmDomain } from "@blocks-crm/sdk"

/** How to load each domain of `@blocks-crm/sdk`, by its name, in the order the help lists them. */
export const loaders: Record<string, () => Promise<CrmDomain.Any>> = {
  pipeline: () => import("@blocks-crm/sdk/pipeline").then((m) => m.pipeline),
  accounts: () => import("@blocks-crm/sdk/accounts").then((m) => m.accounts),
  comms: () => import("@blocks-crm/sdk/comms").then((m) => m.comms),
  companies: () => import("@blocks-crm/sdk/companies").then((m) => m.companies),
  scheduling: () => import("@blocks-crm/sdk/scheduling").then((m) => m.scheduling),
  calendar: () => import("@blocks-crm/sdk/calendar").then((m) => m.calendar),
  billing: () => import("@blocks-crm/sdk/billing").then((m) => m.billing)
}

/** Every domain of `@blocks-crm/sdk`. */
export const all = (): Promise<ReadonlyArray<CrmDomain.Any>> =>
  Promise.all(Object.values(loaders).map((load) => load()))
