/**
 * Mail templates: list, stream, get, create, update.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import type { PageResult } from "@blocks-crm/core-http/Pagination"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import type * as Stream from "effect/Stream"
import { MailTemplatesGroup } from "../contract/MailTemplatesGroup.js"
import { MailTemplateListUrlParams } from "../models/MailTemplate.js"
import type {
  ListMailTemplatesParams,
  CreateMailTemplateRequest,
  MailTemplate,
  UpdatedMailTemplate,
  UpdateMailTemplateRequest
} from "../models/MailTemplate.js"

/**
 * The mail template methods. The reference documents no delete for templates.
 *
 * @since 0.1.0
 */
export interface MailTemplates {
  /** One page of the listing; with `status`, only those. */
  readonly list: (params?: ListMailTemplatesParams) => Effect.Effect<PageResult<MailTemplate>, CrmError>
  /** Every template, fetching each page only when it is needed (keeping `status` on every page). */
  readonly stream: (
    params?: ResourceClient.StreamParamsOf<ListMailTemplatesParams>
  ) => Stream.Stream<MailTemplate, CrmError>
  /** One template (`GET /mailtemplates/:unique_id`, the official SDK's extra). */
  readonly get: (uniqueId: string) => Effect.Effect<MailTemplate, CrmError>
  readonly create: (data: CreateMailTemplateRequest) => Effect.Effect<MailTemplate, CrmError>
  /** Returns what the API echoes: the id and the attributes it sent back. */
  readonly update: (uniqueId: string, data: UpdateMailTemplateRequest) => Effect.Effect<UpdatedMailTemplate, CrmError>
}

/**
 * The CRM's mail templates as an Effect service (`MailTemplates`). The API extracts the merge
 * variables a template uses (`{{first_name}}`) and returns them as `mergeVariables`.
 *
 * @example
 * ```ts
 * import { MailTemplatesService } from "@blocks-crm/comms"
 * import { Effect } from "effect"
 *
 * const welcome = Effect.gen(function*() {
 *   const templates = yield* MailTemplatesService
 *   const template = yield* templates.create({
 *     name: "Welcome",
 *     subject: "Welcome, {{first_name}}",
 *     htmlContent: "<p>Hello {{first_name}}, your plan is {{plan}}.</p>"
 *   })
 *   return template.mergeVariables // ["first_name", "plan"]
 * })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class MailTemplatesService
  extends Effect.Service<MailTemplatesService>()("@blocks-crm/comms/MailTemplatesService", {
    effect: Effect.map(ApiClient.group(MailTemplatesGroup), (endpoints): MailTemplates => {
      const list = (params?: ListMailTemplatesParams) => endpoints.list({ urlParams: params ?? {} })
      return {
        list,
        stream: ResourceClient.streamOf("mailTemplates", list, MailTemplateListUrlParams),
        get: (uniqueId) => endpoints.get({ path: { uniqueId } }),
        create: (data) => endpoints.create({ payload: data }),
        update: (uniqueId, data) => endpoints.update({ path: { uniqueId }, payload: data })
      }
    })
  })
{}
