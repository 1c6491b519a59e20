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

/** Sets the client of a `QueryClient`; returns what undoes it (only while it is still the one set). */
export const register = (queryClient: QueryClient, client: AnyClient): () => void => {
  clients.set(queryClient, client)
  return () => {
    if (clients.get(queryClient) === client) clients.delete(queryClient)
  }
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
