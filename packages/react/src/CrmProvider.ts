/**
 * The CRM client of a React tree: `<CrmProvider>` gives it, `useCrmBlock()` reads it, as the API
 * reference writes it:
 *
 * ```ts
 * const { client } = useCrmBlock()
 * const { data } = await client.crm.opportunities.list()
 * ```
 *
 * The provider also registers its client on the `QueryClient` above it, so the query functions of
 * `crmQueries` and `crmMutations` find it; outside React, `registerCrmClient` does that.
 *
 * @since 0.1.0
 */
import { createCrmClient } from "@blocks-crm/client"
import type { CreateCrmClientOptions, CrmPromiseClient } from "@blocks-crm/client"
import type * as CrmConfig from "@blocks-crm/core-http/CrmConfig"
import type * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import type { QueryClient } from "@tanstack/react-query"
import { QueryClientContext } from "@tanstack/react-query"
import { createContext, createElement, useContext, useEffect, useMemo, useState } from "react"
import type { ReactNode } from "react"
import { register, releaseLater } from "./internal/registry.js"
import type { RegisteredClient, RegisteredDomains } from "./Register.js"

/**
 * What `useCrmBlock()` returns: the client, under the name the reference uses.
 *
 * @since 0.1.0
 */
export interface CrmBlock {
  /** The Promise client of the registered domains (`client.crm.leads.list()`). */
  readonly client: RegisteredClient
}

const CrmContext = createContext<CrmBlock | undefined>(undefined)

/**
 * The props of `CrmProvider`: a `client` you made (and close yourself), or the `settings` and
 * `domains` of one the provider makes and closes.
 *
 * @since 0.1.0
 */
export type CrmProviderProps =
  & { readonly children?: ReactNode }
  & (
    | {
      /** A client you created and close yourself (the provider never closes it). */
      readonly client: RegisteredClient
      readonly settings?: never
      readonly domains?: never
      readonly cache?: never
      readonly transport?: never
    }
    | {
      readonly client?: never
      /**
       * The client's settings (`apiUrl`, `authToken`, `apiKey`, ...), read once when the provider
       * mounts: to change them (a new token), give the provider a new `key`.
       */
      readonly settings: CrmConfig.CrmOptions
      /** The descriptors of the domains the client has, as registered (`[pipeline, scheduling]`). */
      readonly domains: RegisteredDomains
      /** `createCrmClient`'s record cache. */
      readonly cache?: CreateCrmClientOptions<RegisteredDomains>["cache"]
      /** `createCrmClient`'s transport (`"fetch"`), when not the runtime's own pick. */
      readonly transport?: CreateCrmClientOptions<RegisteredDomains>["transport"]
    }
  )

type AnyClient = CrmPromiseClient<ReadonlyArray<CrmDomain.Any>>

// A provider-made client is closed a moment after its provider unmounts, unless a remount takes it
// back first: React's StrictMode unmounts and remounts every component once in development, and a
// client closed then would fail every later call.
const pendingClose = new WeakMap<AnyClient, ReturnType<typeof setTimeout>>()

const holdClient = (client: AnyClient): () => void => {
  const pending = pendingClose.get(client)
  if (pending !== undefined) clearTimeout(pending)
  pendingClose.delete(client)
  return () => {
    pendingClose.set(
      client,
      setTimeout(() => {
        pendingClose.delete(client)
        void client.close()
      }, 0)
    )
  }
}

/**
 * Gives a React tree its CRM client: `client` (yours, never closed by the provider), or `settings`
 * and `domains` (the provider creates the client with `createCrmClient` when it mounts and closes it
 * when it unmounts). Rendered inside `<QueryClientProvider>`, it registers the client on that
 * `QueryClient`, which is how the options of `crmQueries` and `crmMutations` reach it; one CRM client
 * per `QueryClient`, since their cache keys do not name the client.
 *
 * On the server, pass `client` (one per request, closed by your handler): effects do not run there,
 * so a provider-made client would never be closed.
 *
 * @example
 * ```ts
 * import { CrmProvider } from "@blocks-crm/react"
 * import { pipeline } from "@blocks-crm/pipeline/domain"
 * import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
 * import { createElement } from "react"
 *
 * const queryClient = new QueryClient()
 * const app = createElement(
 *   QueryClientProvider,
 *   { client: queryClient },
 *   createElement(CrmProvider, { settings: { apiUrl, authToken, apiKey }, domains: [pipeline] }, page)
 * )
 * ```
 *
 * @since 0.1.0
 * @category components
 */
export const CrmProvider = (props: CrmProviderProps): ReactNode => {
  const [owned] = useState<AnyClient | undefined>(() =>
    props.client === undefined ?
      createCrmClient({
        ...props.settings,
        domains: props.domains,
        ...(props.cache === undefined ? {} : { cache: props.cache }),
        ...(props.transport === undefined ? {} : { transport: props.transport })
      }) as AnyClient :
      undefined
  )
  const client = (props.client ?? owned) as RegisteredClient
  const queryClient: QueryClient | undefined = useContext(QueryClientContext)
  // Registered while rendering: on the server, and for a Suspense query, the query functions run
  // before any effect would.
  if (queryClient !== undefined) register(queryClient, client as AnyClient)
  useEffect(() => {
    if (queryClient === undefined) return undefined
    const undo = register(queryClient, client as AnyClient)
    return () => releaseLater(queryClient, undo)
  }, [queryClient, client])
  useEffect(() => (owned === undefined ? undefined : holdClient(owned)), [owned])
  const block = useMemo<CrmBlock>(() => ({ client }), [client])
  return createElement(CrmContext.Provider, { value: block }, props.children)
}

/**
 * The client of the nearest `CrmProvider`, as `{ client }` (`const { client } = useCrmBlock()`).
 * Outside a provider it throws an `Error` that says so.
 *
 * @example
 * ```ts
 * import { useCrmBlock } from "@blocks-crm/react"
 *
 * const useOpenOpportunities = () => {
 *   const { client } = useCrmBlock()
 *   return () => client.crm.opportunities.list({ status: "open" })
 * }
 * ```
 *
 * @since 0.1.0
 * @category hooks
 */
export const useCrmBlock = (): CrmBlock => {
  const block = useContext(CrmContext)
  if (block === undefined) {
    throw new Error("useCrmBlock() was called outside <CrmProvider>: render it inside a <CrmProvider client={...}>")
  }
  return block
}

/**
 * Makes `client` the CRM client of `queryClient`'s query functions outside React: in a router loader,
 * on the server before rendering, in a test (`queryClient.fetchQuery(crmQueries.leads.list())`).
 * Returns a function that undoes it. `CrmProvider` does the same for its tree.
 *
 * @example
 * ```ts
 * import { createCrmClient } from "@blocks-crm/client"
 * import { pipeline } from "@blocks-crm/pipeline/domain"
 * import { crmQueries, registerCrmClient } from "@blocks-crm/react"
 * import { QueryClient } from "@tanstack/react-query"
 *
 * const client = createCrmClient({ apiUrl, authToken, apiKey, domains: [pipeline] })
 * const queryClient = new QueryClient()
 * registerCrmClient(queryClient, client)
 * await queryClient.prefetchQuery(crmQueries.leads.list({ page: 1 }))
 * ```
 *
 * @since 0.1.0
 */
export const registerCrmClient = (queryClient: QueryClient, client: RegisteredClient): () => void =>
  register(queryClient, client as AnyClient)
