/**
 * Contacts: list, stream, get, create, update, delete (to the trash), archive, recover, search,
 * listDeleted, listArchived.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Pagination from "@blocks-crm/core-http/Pagination"
import type { PageParams, PageResult } from "@blocks-crm/core-http/Pagination"
import * as ResourceClient from "@blocks-crm/core-http/ResourceClient"
import * as Effect from "effect/Effect"
import { ContactsGroup } from "../contract/ContactsGroup.js"
import { CreateContactRequest, UpdateContactRequest } from "../models/Contact.js"
import type { Contact, UpdatedContact } from "../models/Contact.js"

/**
 * The contact methods: the trash (`delete`, `listDeleted`, `recover`) plus the archive (`archive`,
 * `listArchived`; `recover` brings an archived contact back too).
 *
 * @since 0.1.0
 */
export interface Contacts
  extends ResourceClient.SoftDeleteClient<Contact, CreateContactRequest, UpdateContactRequest, UpdatedContact>
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
  effect: Effect.gen(function*() {
    const endpoints = yield* ApiClient.group(ContactsGroup)
    const checkId = ApiClient.validate(Fields.ResourceId, "contacts.archive")
    const checkPage = ApiClient.validate(Pagination.PageUrlParams, "contacts.listArchived")
    const contacts: Contacts = {
      ...ResourceClient.softDelete("contacts", endpoints, {
        create: CreateContactRequest,
        update: UpdateContactRequest
      }),
      archive: (uniqueId: string) =>
        Effect.flatMap(checkId(uniqueId), (id) => endpoints.archive({ path: { uniqueId: id } })),
      listArchived: (params?: PageParams) =>
        Effect.flatMap(
          checkPage(params ?? {}),
          (page) => endpoints.list({ urlParams: { ...page, status: "archived" } })
        )
    }
    return contacts
  })
}) {}
