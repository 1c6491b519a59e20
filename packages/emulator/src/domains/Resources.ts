/**
 * Handler logic every REST resource shares: pages with `meta`, 404s in the reference's format,
 * soft delete and recover. Handlers of each domain are one-liners over it.
 */
import { Contract } from "@blocks-crm/core-http"
import type { PageResult } from "@blocks-crm/core-http/Pagination"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Collection, Page, PageQuery } from "../RecordStore.js"

export const toPageResult = <A>(page: Page<A>): PageResult<A> => ({
  data: page.items,
  meta: { totalPages: page.totalPages, totalRecords: page.totalRecords, page: page.page, records: page.records }
})

export const notFound = (label: string) =>
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

export const newId = () => crypto.randomUUID()
