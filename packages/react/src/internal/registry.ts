/**
 * Which CRM client the query functions of a `QueryClient` use. A query function cannot read React
 * context (it also runs in router loaders and on the server, outside any component), but TanStack
 * Query hands it its `QueryClient`; the client is found from that.
 */
import type { CrmPromiseClient } from "@blocks-crm/client"
import type * as CrmDomain from "@blocks-crm/core-http/CrmDomain"
import { ConfigurationError } from "@blocks-crm/core-http/CrmError"
import type { QueryClient } from "@tanstack/react-query"

type AnyClient = CrmPromiseClient<ReadonlyArray<CrmDomain.Any>>

const clients = new WeakMap<QueryClient, AnyClient>()
const pendingRelease = new WeakMap<QueryClient, ReturnType<typeof setTimeout>>()

/**
 * Sets the client of a `QueryClient` (and keeps it, if a release was pending); returns what undoes it
 * (only while it is still the one set).
 */
export const register = (queryClient: QueryClient, client: AnyClient): () => void => {
  const pending = pendingRelease.get(queryClient)
  if (pending !== undefined) clearTimeout(pending)
  pendingRelease.delete(queryClient)
  clients.set(queryClient, client)
  return () => {
    if (clients.get(queryClient) === client) clients.delete(queryClient)
  }
}

/**
 * Runs `undo` (a registration's) a moment later, unless the `QueryClient` is registered again first.
 * React's StrictMode unmounts and remounts a tree once in development, and a child's remounted query
 * restarts before its provider's effect registers the client again.
 */
export const releaseLater = (queryClient: QueryClient, undo: () => void): void => {
  pendingRelease.set(
    queryClient,
    setTimeout(() => {
      pendingRelease.delete(queryClient)
      undo()
    }, 0)
  )
}

/** The client of a `QueryClient`, or the `ConfigurationError` saying how to give it one. */
export const clientOf = (queryClient: QueryClient): AnyClient => {
  const client = clients.get(queryClient)
  if (client !== undefined) return client
  throw new ConfigurationError({
    problems: [{
      name: "client",
      problem: "this QueryClient has no CRM client: render <CrmProvider> inside <QueryClientProvider>, " +
        "or call registerCrmClient(queryClient, client) before fetching outside React"
    }]
  })
}
