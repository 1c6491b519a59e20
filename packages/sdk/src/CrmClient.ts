/**
 * The umbrella's Effect face: `CrmClient` over every domain of the CRM Block,
 * `const crm = yield* CrmClient; yield* crm.leads.list()`.
 *
 * @since 0.1.0
 */
import { accounts } from "@blocks-crm/accounts/domain"
import { billing } from "@blocks-crm/billing/domain"
import { calendar } from "@blocks-crm/calendar/domain"
import * as Client from "@blocks-crm/client/CrmClient"
import { comms } from "@blocks-crm/comms/domain"
import { companies } from "@blocks-crm/companies/domain"
import { pipeline } from "@blocks-crm/pipeline/domain"
import { scheduling } from "@blocks-crm/scheduling/domain"

/**
 * Every domain of the CRM Block, in the order the client composes them. A new built-in domain is
 * added here (the domain generator does it).
 *
 * @since 0.1.0
 * @category descriptors
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

/**
 * The client of every domain as an Effect service: `Default` needs a `CrmTransport`; `layer`
 * (settings in code), `layerFromEnv` (`BLOCKS_API_URL`, `BLOCKS_AUTH_TOKEN`, `BLOCKS_API_KEY`) and
 * `layerWithTransport` supply one. Errors are tagged and handled by name.
 *
 * @example
 * ```ts
 * import { CrmClient } from "@blocks-crm/sdk"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const crm = yield* CrmClient
 *   const page = yield* crm.opportunities.list({ records: 20 })
 *   return page.meta.totalRecords
 * })
 *
 * program.pipe(Effect.provide(CrmClient.layerFromEnv()), Effect.runPromise)
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class CrmClient extends Client.Service<CrmClient>()("@blocks-crm/sdk/CrmClient", { domains }) {
  /**
   * The client of any list of domains, as an `Effect` (see `@blocks-crm/client`'s `CrmClient.compose`):
   * `Effect.Service<SalesCrm>()("acme/SalesCrm", { scoped: CrmClient.compose([pipeline]) })`.
   *
   * @since 0.1.0
   */
  static readonly compose = Client.compose
}
