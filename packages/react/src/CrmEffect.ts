/**
 * The Effect face, for apps that write their data loading as Effect programs: a query whose function
 * runs a program over the services' Effect face on the client of its `QueryClient`, with TanStack
 * Query's cache, Suspense, prefetching and invalidation, and its `signal` interrupting the program.
 *
 * ```ts
 * const board = useSuspenseQuery(crmEffect(["crm", "leads", "board"], (crm) =>
 *   Effect.all({ leads: crm.leads.list({ records: 50 }), meetings: crm.meetings.list() }, { concurrency: 2 })
 * ))
 * ```
 *
 * Why not a cache of its own (effect-atom's atoms): the app already runs TanStack Query for
 * `crmQueries`, and one cache means one place for invalidation (`crmMutations` reaches a program
 * keyed under `["crm", service, ...]`), Suspense, server prefetching and devtools.
 *
 * @since 0.1.0
 */
import { queryOptions } from "@tanstack/react-query"
import type { QueryKey } from "@tanstack/react-query"
import type * as Effect from "effect/Effect"
import { clientOf } from "./internal/registry.js"
import { crmRetry } from "./CrmQueries.js"
import type { CrmQueryError, CrmQueryOptions } from "./CrmQueries.js"
import type { RegisteredServices } from "./Register.js"

/**
 * Query options that run `program` over the registered services' Effect face (`crm.leads.list()` is an
 * `Effect`) on the client registered on the query's `QueryClient` (`CrmProvider`, `registerCrmClient`):
 * on its transport, cache and settings. TanStack Query's `signal` interrupts the program (a cancelled
 * query stops its requests in flight); a failure rejects with the program's own error, retried only
 * when transient (`crmRetry`). Key it under `["crm", service, ...]` so that the service's mutations
 * invalidate it.
 *
 * @example
 * ```ts
 * import { crmEffect } from "@blocks-crm/react"
 * import { useSuspenseQuery } from "@tanstack/react-query"
 * import * as Effect from "effect/Effect"
 *
 * const useLeadWithFollows = (id: string) =>
 *   useSuspenseQuery(crmEffect(["crm", "leads", "withFollows", id], (crm) =>
 *     Effect.all({ lead: crm.leads.get(id), follows: crm.leads.follows.list(id) }, { concurrency: 2 })))
 * ```
 *
 * @since 0.1.0
 * @category queries
 */
export const crmEffect = <const Key extends QueryKey, A, E>(
  queryKey: Key,
  program: (crm: RegisteredServices) => Effect.Effect<A, E>
): CrmQueryOptions<A, CrmQueryError<E>, Key> =>
  queryOptions({
    queryKey,
    queryFn: ({ client, signal }) =>
      clientOf(client).run((crm) => program(crm as unknown as RegisteredServices), { signal }),
    retry: crmRetry
  }) as CrmQueryOptions<A, CrmQueryError<E>, Key>
