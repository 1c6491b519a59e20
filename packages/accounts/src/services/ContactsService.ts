/**
 * Contacts: list, stream, get, create, update, delete (to the trash), archive, recover, search,
 * listDeleted, listArchived.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import type { PageParams, PageResult } from "@blocks-crm/core-http/Pagination"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { ContactsGroup } from "../contract/ContactsGroup.js"
import type {
  Contact,
  CreateContactRequest,
  ListContactsParams,
  UpdateContactRequest,
  UpdatedContact
} from "../models/Contact.js"

/**
 * The contact methods: the trash (`delete`, `listDeleted`, `recover`) plus the archive (`archive`,
 * `listArchived`; `recover` brings an archived contact back too).
 *
 * @since 0.1.0
 */
export interface Contacts extends
  ResourceClient.SoftDeleteClient<
    Contact,
    CreateContactRequest,
    UpdateContactRequest,
    UpdatedContact,
    ListContactsParams
  >
{
  /** Takes the contact out of the main listing (`DELETE /contacts/:unique_id/archive`). */
  readonly archive: (uniqueId: string) => Effect.Effect<void, CrmError>
  /** The archived contacts, a page at a time. */
  readonly listArchived: (params?: PageParams) => Effect.Effect<PageResult<Contact>, CrmError>
}

/**
 * The CRM's contacts as an Effect service. Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { ContactsService } from "@blocks-crm/accounts"
 * import { Effect } from "effect"
 *
 * const onboard = Effect.gen(function*() {
 *   const contacts = yield* ContactsService
 *   const jane = yield* contacts.create({ firstName: "Jane", lastName: "Smith", email: "jane@acme.com", title: "VP Sales" })
 *   yield* contacts.archive(jane.uniqueId)
 *   return yield* contacts.recover(jane.uniqueId)
 * })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class ContactsService extends Effect.Service<ContactsService>()("@blocks-crm/accounts/ContactsService", {
  effect: Effect.map(ApiClient.group(ContactsGroup), (endpoints): Contacts => ({
    ...ResourceClient.softDelete("contacts", endpoints),
    archive: (uniqueId) => endpoints.archive({ path: { uniqueId } }),
    // Page parameters only: the archived status is this method's, not the caller's.
    listArchived: ResourceClient.pages(
      "contacts",
      "listArchived",
      (page) => endpoints.list({ urlParams: { ...page, status: "archived" } }, "listArchived")
    )
  }))
}) {}
