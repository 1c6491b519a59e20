/**
 * The kit every domain's handlers are written with, built-in or a team's own: pages with `meta`, the
 * reference's 404, 409 and 422 documents, soft delete and recover, and the id and timestamps the server
 * sets on create and update. Handlers of each domain are one-liners over it.
 */
import { Contract } from "@blocks-crm/core-http"
import type { PageResult } from "@blocks-crm/core-http/Pagination"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Collection, Page, PageQuery } from "../RecordStore.js"

/** A store page as the client's `PageResult`: the items and the reference's `meta`. */
export const toPageResult = <A>(page: Page<A>): PageResult<A> => ({
  data: page.items,
  meta: { totalPages: page.totalPages, totalRecords: page.totalRecords, page: page.page, records: page.records }
})

/** A 404 in the reference's format for a record called `label` ("Lead Not Found"). */
export const notFound = (label: string): Contract.NotFoundResponse =>
  new Contract.NotFoundResponse({
    errors: [
      Contract.errorObject(
        404,
        "not_found",
        `${label} Not Found`,
        `The requested ${label.toLowerCase()} could not be found.`
      )
    ]
  })

/** The caller's tenant, as the API-key middleware resolved it. */
export const tenant = Effect.map(Contract.CallerApp, (app) => app.tenantId)

/** A collection with the reference's behaviour for the caller's tenant: pages, finds that 404 with `label`, soft delete, recover. */
export const resource = <A>(collection: Collection<A>, label: string) => {
  const find = (uniqueId: string, options?: { readonly parentId?: string | undefined }) =>
    Effect.flatMap(
      tenant,
      (tenantId) =>
        Effect.flatMap(Effect.orDie(collection.find(tenantId, uniqueId, options)), (found) =>
          Option.match(found, { onNone: () => Effect.fail(notFound(label)), onSome: Effect.succeed }))
    )
  return {
    page: (query: PageQuery) =>
      Effect.flatMap(tenant, (tenantId) => Effect.map(Effect.orDie(collection.list(tenantId, query)), toPageResult)),
    all: (parentId?: string) =>
      Effect.flatMap(tenant, (tenantId) => Effect.orDie(collection.all(tenantId, { parentId }))),
    find,
    insert: (record: A, options?: { readonly parentId?: string | undefined }) =>
      Effect.flatMap(tenant, (tenantId) => Effect.orDie(collection.insert(tenantId, record, options))),
    /** Applies `change` to the live record and stores it. */
    update: (uniqueId: string, change: (current: A) => A, options?: { readonly parentId?: string | undefined }) =>
      Effect.flatMap(
        find(uniqueId, options),
        (current) => Effect.flatMap(tenant, (tenantId) => Effect.orDie(collection.replace(tenantId, change(current))))
      ),
    softDelete: (uniqueId: string) =>
      Effect.flatMap(
        tenant,
        (tenantId) =>
          Effect.flatMap(Effect.orDie(collection.softDelete(tenantId, uniqueId)), (deleted) =>
            deleted ? Effect.void : Effect.fail(notFound(label)))
      ),
    recover: (uniqueId: string) =>
      Effect.flatMap(
        tenant,
        (tenantId) =>
          Effect.flatMap(Effect.orDie(collection.recover(tenantId, uniqueId)), (found) =>
            Option.match(found, { onNone: () => Effect.fail(notFound(label)), onSome: Effect.succeed }))
      ),
    remove: (uniqueId: string, options?: { readonly parentId?: string | undefined }) =>
      Effect.flatMap(
        tenant,
        (tenantId) =>
          Effect.flatMap(Effect.orDie(collection.remove(tenantId, uniqueId, options)), (removed) =>
            removed ? Effect.void : Effect.fail(notFound(label)))
      )
  }
}

/** A new record's id: a random UUID, as the API's `unique_id`s are. */
export const newId = (): string => crypto.randomUUID()

/**
 * What the server sets on a record it creates: a new `uniqueId`, and `createdAt` and `updatedAt` at one
 * instant (`now`, the current time unless a handler needs the same instant elsewhere).
 *
 *   leads.insert({ ...payload, ...Resources.created(), status: "active" })
 */
export const created = (now: Date = new Date()): {
  readonly uniqueId: string
  readonly createdAt: Date
  readonly updatedAt: Date
} => ({ uniqueId: newId(), createdAt: now, updatedAt: now })

/**
 * What the server sets on a record it changes: `updatedAt`.
 *
 *   leads.update(id, (lead) => ({ ...lead, ...payload, ...Resources.updated() }))
 */
export const updated = (now: Date = new Date()): { readonly updatedAt: Date } => ({ updatedAt: now })

/**
 * A 422 for one attribute of the request body, in the reference's format: `pointer` names it in the
 * wrapped body (`/meeting/end_time`), `code` the rule it breaks, `detail` says it to a person.
 */
export const invalid = (pointer: string, code: string, detail: string): Contract.ValidationFailedResponse =>
  new Contract.ValidationFailedResponse({
    errors: [Contract.errorObject(422, code, "Invalid Attribute", detail, pointer)]
  })

/** A 409 in the reference's format: the request collides with the state of a record (`code`, `title`). */
export const conflict = (code: string, title: string, detail: string): Contract.ConflictResponse =>
  new Contract.ConflictResponse({ errors: [Contract.errorObject(409, code, title, detail)] })

/** A collection with the reference's behaviour (pages, 404s, soft delete): what `resource` answers. */
export type Resource<A> = ReturnType<typeof resource<A>>
