/**
 * Mail templates on Mandrill: create (push as a draft), update the draft, publish it, read the stats.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import { MandrillTemplatesGroup } from "../contract/MandrillTemplatesGroup.js"
import type {
  CreateMandrillTemplateRequest,
  MandrillStats,
  MandrillTemplate,
  UpdateMandrillTemplateRequest
} from "../models/MandrillTemplate.js"

/**
 * The Mandrill methods of mail templates, each naming the template by its id.
 *
 * @since 0.1.0
 */
export interface MandrillTemplates {
  /** Pushes the template to Mandrill as a draft; fields given replace the template's own. */
  readonly create: (data: CreateMandrillTemplateRequest) => Effect.Effect<MandrillTemplate, CrmError>
  /** Changes the draft; the live version stays as it is until `publish`. */
  readonly update: (data: UpdateMandrillTemplateRequest) => Effect.Effect<MandrillTemplate, CrmError>
  /** Makes the draft live. A template never pushed to Mandrill has no draft: `ValidationFailed`. */
  readonly publish: (templateId: string) => Effect.Effect<MandrillTemplate, CrmError>
  /** The sending counters Mandrill keeps for the template. */
  readonly stats: (templateId: string) => Effect.Effect<MandrillStats, CrmError>
}

/**
 * Mail templates on Mandrill as an Effect service (`MandrillTemplates`). Inputs are validated before
 * anything is sent.
 *
 * @example
 * ```ts
 * import { MandrillTemplatesService } from "@blocks-crm/comms"
 * import { Effect } from "effect"
 *
 * const goLive = (templateId: string) =>
 *   Effect.gen(function*() {
 *     const mandrill = yield* MandrillTemplatesService
 *     yield* mandrill.create({ templateId, fromName: "The Acme team" })
 *     yield* mandrill.publish(templateId)
 *     return yield* mandrill.stats(templateId) // sentCount, openCount, clickCount, ...
 *   })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class MandrillTemplatesService
  extends Effect.Service<MandrillTemplatesService>()("@blocks-crm/comms/MandrillTemplatesService", {
    effect: Effect.map(ApiClient.group(MandrillTemplatesGroup), (endpoints): MandrillTemplates => ({
      create: (data) => endpoints.create({ payload: data }),
      update: (data) => endpoints.update({ payload: data }),
      publish: (templateId) => endpoints.publish({ payload: { templateId } }),
      stats: (templateId) => endpoints.stats({ urlParams: { templateId } })
    }))
  })
{}
