/**
 * A contact's history: append and read back.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { ContactHistoryGroup } from "../contract/ContactHistoryGroup.js"
import { CreateContactHistoryRequest } from "../models/ContactHistory.js"
import type { ContactHistoryEntry } from "../models/ContactHistory.js"

/**
 * The history methods, each under the contact (`contactId`). Entries are never changed or removed.
 *
 * @since 0.1.0
 */
export interface ContactHistory {
  /** Every entry, oldest first (an extra: the reference has no way to read the history back). */
  readonly list: (contactId: string) => Effect.Effect<ReadonlyArray<ContactHistoryEntry>, CrmError>
  readonly create: (
    contactId: string,
    data: CreateContactHistoryRequest
  ) => Effect.Effect<ContactHistoryEntry, CrmError>
}

const ContactIds = Schema.Struct({ contactId: Fields.ResourceId })

/**
 * A contact's history as an Effect service (`ContactHistory`). Inputs are validated before anything is
 * sent.
 *
 * @example
 * ```ts
 * import { ContactHistoryService } from "@blocks-crm/accounts"
 * import { Effect } from "effect"
 *
 * const logCall = (contactId: string) =>
 *   Effect.flatMap(ContactHistoryService, (history) =>
 *     history.create(contactId, { title: "Discovery call", eventType: "call" }))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class ContactHistoryService
  extends Effect.Service<ContactHistoryService>()("@blocks-crm/accounts/ContactHistoryService", {
    effect: Effect.gen(function*() {
      const api = yield* ApiClient.group(ContactHistoryGroup)
      const contactPath = (operation: string) => ApiClient.validate(ContactIds, `contactHistory.${operation}`)
      const checkCreate = ApiClient.validate(CreateContactHistoryRequest, "contactHistory.create")
      const history: ContactHistory = {
        list: (contactId: string) => Effect.flatMap(contactPath("list")({ contactId }), (path) => api.list({ path })),
        create: (contactId: string, data: CreateContactHistoryRequest) =>
          Effect.flatMap(
            Effect.all([contactPath("create")({ contactId }), checkCreate(data)]),
            ([path, payload]) => api.create({ path, payload })
          )
      }
      return history
    })
  })
{}
