/**
 * A contact's history: append and read back.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import { ContactHistoryGroup } from "../contract/ContactHistoryGroup.js"
import type { ContactHistoryEntry, CreateContactHistoryRequest } from "../models/ContactHistory.js"

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
    effect: Effect.map(ApiClient.group(ContactHistoryGroup), (api): ContactHistory => ({
      list: (contactId) => api.list({ path: { contactId } }),
      create: (contactId, data) => api.create({ path: { contactId }, payload: data })
    }))
  })
{}
