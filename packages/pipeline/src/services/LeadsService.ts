/**
 * Leads: list, stream, get, create, update, delete, recover, search, listDeleted.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { LeadsGroup } from "../contract/LeadsGroup.js"
import { CreateLeadRequest, UpdateLeadRequest } from "../models/Lead.js"
import type { Lead, UpdatedLead } from "../models/Lead.js"

/**
 * The CRM's leads as an Effect service (`SoftDeleteClient`): pages, a lazy `stream`, search, CRUD and
 * the trash. Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { LeadsService } from "@blocks-crm/pipeline"
 * import { Effect } from "effect"
 *
 * const qualify = Effect.gen(function*() {
 *   const leads = yield* LeadsService
 *   const lead = yield* leads.create({ name: "Enterprise Deal", source: "website", value: 50_000 })
 *   return yield* leads.update(lead.uniqueId, { stage: "qualified", probability: 40 })
 * })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class LeadsService extends Effect.Service<LeadsService>()("@blocks-crm/pipeline/LeadsService", {
  effect: Effect.map(
    ApiClient.group(LeadsGroup),
    (endpoints): ResourceClient.SoftDeleteClient<Lead, CreateLeadRequest, UpdateLeadRequest, UpdatedLead> =>
      ResourceClient.softDelete("leads", endpoints, { create: CreateLeadRequest, update: UpdateLeadRequest })
  )
}) {}
