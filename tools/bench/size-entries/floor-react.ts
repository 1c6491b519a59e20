// Floor: React, react-dom and TanStack Query alone, listing leads fetched by hand (no SDK, no decoding):
// what the SDK and @blocks-crm/react add is measured over this, under the same bundler.
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query"
import { createElement } from "react"
import { createRoot } from "react-dom/client"

interface LeadsDocument {
  readonly data: ReadonlyArray<{ readonly id: string; readonly attributes: { readonly name: string } }>
}

const Leads = ({ apiUrl }: { readonly apiUrl: string }) => {
  const leads = useQuery({
    queryKey: ["leads", { page: 1 }],
    queryFn: ({ signal }) =>
      fetch(`${apiUrl}/leads/?page=1`, { signal }).then((response) => response.json() as Promise<LeadsDocument>)
  })
  return createElement(
    "ul",
    null,
    (leads.data?.data ?? []).map((lead) => createElement("li", { key: lead.id }, lead.attributes.name))
  )
}

export const mount = (element: HTMLElement, apiUrl: string) =>
  createRoot(element).render(
    createElement(QueryClientProvider, { client: new QueryClient() }, createElement(Leads, { apiUrl }))
  )
