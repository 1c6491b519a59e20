/**
 * TanStack Query options for every method of the registered domains' services:
 *
 * ```ts
 * useQuery(crmQueries.leads.list({ page: 1 }))
 * useSuspenseQuery(crmQueries.opportunities.get(id))
 * useQuery(crmQueries.leads.follows.list(leadId))
 * useInfiniteQuery(crmQueries.leads.pages({ records: 50 }))
 * ```
 *
 * Keys run from general to specific: `["crm", service, method, ...arguments]`, where `service` is the
 * service's path on the client joined by dots (`"leads"`, `"leads.follows"`) and the arguments are the
 * method's own, trailing `undefined`s dropped (`["crm", "leads", "list", { page: 1 }]`,
 * `["crm", "leads.follows", "list", leadId]`, `["crm", "leads", "update", id, data]`); `pages` keys are
 * `["crm", service, "pages", params]`. So `invalidateQueries({ queryKey: ["crm", "leads"] })` reaches every
 * query of leads (not of `leads.follows`, a service of its own). Arguments are plain data (strings,
 * numbers, objects of them), which TanStack Query hashes stably.
 *
 * @since 0.1.0
 */
import type { ConfigurationError } from "@blocks-crm/core-http/CrmError"
import type { PageResult } from "@blocks-crm/core-http/Pagination"
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query"
import type {
  DataTag,
  InfiniteData,
  QueryKey,
  UnusedSkipTokenInfiniteOptions,
  UnusedSkipTokenOptions
} from "@tanstack/react-query"
import type * as Effect from "effect/Effect"
import { clientOf } from "./internal/registry.js"
import { callMethod, keyArguments, servicesProxy } from "./internal/services.js"
import type { RegisteredServices } from "./Register.js"

/**
 * What a query of the CRM rejects with: the method's own errors (the SDK's tagged errors, `NotFound`,
 * `ValidationFailed`, `Aborted`, ...), or a `ConfigurationError` when its `QueryClient` has no CRM client.
 *
 * @since 0.1.0
 */
export type CrmQueryError<E> = E | ConfigurationError

/**
 * The key of a CRM query: `["crm", service, method, ...arguments]`.
 *
 * @since 0.1.0
 */
export type CrmQueryKey<Service extends string, Method extends string, Args extends ReadonlyArray<unknown>> = readonly [
  "crm",
  Service,
  Method,
  ...Args
]

/**
 * What `queryOptions` returns for a query of `A` failing with `E` under `Key`: usable with `useQuery`,
 * `useSuspenseQuery`, `queryClient.fetchQuery`, `prefetchQuery` and `getQueryData` (typed by the key).
 *
 * @since 0.1.0
 */
export type CrmQueryOptions<A, E, Key extends QueryKey> = UnusedSkipTokenOptions<A, E, A, Key> & {
  queryKey: DataTag<Key, A, E>
}

/**
 * What `infiniteQueryOptions` returns for the pages of a listing of `A` (page numbers from 1).
 *
 * @since 0.1.0
 */
export type CrmInfiniteQueryOptions<A, E, Key extends QueryKey> =
  & UnusedSkipTokenInfiniteOptions<PageResult<A>, E, InfiniteData<PageResult<A>, number>, Key, number>
  & { queryKey: DataTag<Key, InfiniteData<PageResult<A>, number>, E> }

/**
 * The parameters of `pages`: the listing's parameters but `page`, which each page sets.
 *
 * @since 0.1.0
 */
export type PagesParams<P> = Omit<Exclude<P, undefined>, "page">

/**
 * `pages`, for a service whose `list` takes one optional parameter object and answers a page; nothing
 * for any other service.
 *
 * @since 0.1.0
 */
export type CrmServicePages<S, Service extends string> = S extends {
  readonly list: (...args: infer Args) => Effect.Effect<PageResult<infer A>, infer E, infer _R>
} ? Args extends readonly [] ? {}
  : Args extends readonly [params?: infer P] ? {
      /** Every page of `list` for `useInfiniteQuery`: from page 1 until the listing's `totalPages`. */
      readonly pages: (
        params?: PagesParams<P>
      ) => CrmInfiniteQueryOptions<A, CrmQueryError<E>, readonly ["crm", Service, "pages", PagesParams<P>?]>
    }
  : {}
  : {}

/**
 * The query options of one service: a function per method that returns an `Effect` (not `stream`),
 * its nested services, and `pages` when it has a paged `list`.
 *
 * @since 0.1.0
 */
export type CrmServiceQueries<S, Service extends string> =
  & {
    readonly [K in keyof S & string as S[K] extends (...args: any) => Effect.Effect<any, any, any> ? K : never]:
      S[K] extends (...args: infer Args) => Effect.Effect<infer A, infer E, infer _R> ?
        (...args: Args) => CrmQueryOptions<A, CrmQueryError<E>, CrmQueryKey<Service, K, Args>>
        : never
  }
  & {
    readonly [K in keyof S & string as S[K] extends Function ? never : S[K] extends object ? K : never]:
      CrmServiceQueries<S[K], `${Service}.${K}`>
  }
  & CrmServicePages<S, Service>

/**
 * The type of `crmQueries`: the query options of every registered service.
 *
 * @since 0.1.0
 */
export type CrmQueries = {
  readonly [K in keyof RegisteredServices & string]: CrmServiceQueries<RegisteredServices[K], K>
}

// The transport already retries these itself (with backoff and Retry-After); a query tries again
// twice more in case the outage outlasts it. Every other error says the same thing on every attempt.
const transientTags: ReadonlySet<string> = new Set(["TransportError", "Timeout", "ServerError", "RateLimited"])

/**
 * The `retry` of every CRM query: at most two retries, and only of transient failures
 * (`TransportError`, `Timeout`, `ServerError`, `RateLimited`); a `NotFound`, `ValidationFailed`,
 * `InvalidInput`, `Unauthorized`, `Forbidden`, `Aborted` or any other error fails at once. Also usable as
 * a `QueryClient`'s default (`defaultOptions: { queries: { retry: crmRetry } }`).
 *
 * @since 0.1.0
 */
export const crmRetry = (failureCount: number, error: unknown): boolean =>
  failureCount < 2 && typeof error === "object" && error !== null && "_tag" in error &&
  transientTags.has(String(error._tag))

const methodOptions = (service: ReadonlyArray<string>, method: string, args: ReadonlyArray<unknown>) =>
  queryOptions({
    queryKey: ["crm", service.join("."), method, ...keyArguments(args)],
    queryFn: ({ client, signal }) => callMethod(clientOf(client), service, method, args, { signal }),
    retry: crmRetry
  })

const pagesOptions = (service: ReadonlyArray<string>, params: unknown) => {
  const base = typeof params === "object" && params !== null ? params : {}
  return infiniteQueryOptions({
    queryKey: ["crm", service.join("."), "pages", ...keyArguments([params])],
    queryFn: ({ client, pageParam, signal }) =>
      callMethod(clientOf(client), service, "list", [{ ...base, page: pageParam }], { signal }) as Promise<
        PageResult<unknown>
      >,
    initialPageParam: 1,
    // As the SDK's own streams do: the last page is `totalPages`, or the first empty one.
    getNextPageParam: (last, _pages, page) =>
      last.data.length === 0 || page >= last.meta.totalPages ? undefined : page + 1,
    retry: crmRetry
  })
}

/**
 * Query options for every method of the registered services (see the module's comment for keys):
 * `crmQueries.<service>.<method>(...arguments)`, and `crmQueries.<service>.pages(params)` for
 * `useInfiniteQuery`. The query function finds the client registered on its `QueryClient`
 * (`CrmProvider`, `registerCrmClient`) and passes TanStack Query's `signal`, so a cancelled query
 * (a navigation, `cancelQueries`) aborts its request; errors are the SDK's tagged errors, and only
 * transient ones are retried (`crmRetry`). Spread to change an option:
 * `useQuery({ ...crmQueries.leads.list(), staleTime: 60_000 })`.
 *
 * @example
 * ```ts
 * import { crmQueries } from "@blocks-crm/react"
 * import { useQuery } from "@tanstack/react-query"
 *
 * const useLeadsPage = (page: number) => useQuery(crmQueries.leads.list({ page }))
 * ```
 *
 * @since 0.1.0
 * @category queries
 */
export const crmQueries: CrmQueries = servicesProxy((service, method, args) =>
  method === "pages" ? pagesOptions(service, args[0]) : methodOptions(service, method, args)
) as CrmQueries
