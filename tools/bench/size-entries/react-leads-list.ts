// A React page that only lists leads with @blocks-crm/react: CrmProvider over the pipeline domain and
// `useQuery(crmQueries.leads.list(...))`, the same page as floor-react.ts but through the SDK (typed,
// decoded, checked, cancellable), so the two differ by what the SDK and its React bindings add.
import { pipeline } from "@blocks-crm/pipeline/domain"
import { CrmProvider, crmQueries } from "@blocks-crm/react"
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query"
import { createElement } from "react"
import { createRoot } from "react-dom/client"

const domains = [pipeline] as const

declare module "@blocks-crm/react" {
  interface Register {
    domains: typeof domains
  }
}

const Leads = () => {
  const leads = useQuery(crmQueries.leads.list({ page: 1 }))
  return createElement(
    "ul",
    null,
    (leads.data?.data ?? []).map((lead) => createElement("li", { key: lead.uniqueId }, lead.name))
  )
}

export const mount = (element: HTMLElement, settings: { apiUrl: string; authToken: string; apiKey: string }) =>
  createRoot(element).render(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(CrmProvider, { settings, domains }, createElement(Leads))
    )
  )
