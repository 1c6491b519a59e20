/**
 * Leads: list, stream, get, create, update, delete, recover, search, listDeleted, and an account's leads
 * (listForAccount, createForAccount).
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import type { PageParams, PageResult } from "@blocks-crm/core-http/Pagination"
import * as Effect from "effect/Effect"
import { LeadsGroup } from "../contract/LeadsGroup.js"
import { accountScoped } from "../internal/accountScoped.js"
import type {
  CreateAccountLeadRequest,
  CreateLeadRequest,
  Lead,
  ListLeadsParams,
  UpdatedLead,
  UpdateLeadRequest
} from "../models/Lead.js"

/**
 * What `LeadsService` offers: the standard methods with the trash (`SoftDeleteClient`), plus the
 * leads of one account.
 *
 * @since 0.2.0
 */
export interface Leads
  extends ResourceClient.SoftDeleteClient<Lead, CreateLeadRequest, UpdateLeadRequest, UpdatedLead, ListLeadsParams>
{
  /** One page of an account's leads (`GET /accounts/:unique_id/leads`); `NotFound` when there is no such account. */
  readonly listForAccount: (accountId: string, params?: PageParams) => Effect.Effect<PageResult<Lead>, CrmError>
  /** Adds a lead to an account (`POST /accounts/:unique_id/leads`): the lead carries the account's id. */
  readonly createForAccount: (accountId: string, data: CreateAccountLeadRequest) => Effect.Effect<Lead, CrmError>
}

/**
 * The CRM's leads as an Effect service (`Leads`): pages, a lazy `stream`, search, CRUD, the trash and
 * an account's leads. Inputs are validated before anything is sent.
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
    (endpoints): Leads => ({
      ...ResourceClient.softDelete("leads", endpoints),
      ...accountScoped(endpoints)
    })
  )
}) {}
