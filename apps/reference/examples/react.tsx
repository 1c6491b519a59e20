/**
 * React: `CrmProvider` gives a tree its client, `useCrmBlock()` returns it as the API reference writes
 * it, and `crmQueries` / `crmMutations` are TanStack Query options for every service method.
 *
 *   npm i @blocks-crm/react @blocks-crm/client @blocks-crm/pipeline @blocks-crm/scheduling \
 *     @tanstack/react-query react react-dom effect@3 @effect/platform@0.97
 */
import { createCrmClient } from "@blocks-crm/client"
import { pipeline } from "@blocks-crm/pipeline/domain"
import { crmEffect, CrmProvider, crmMutations, crmQueries, registerCrmClient, useCrmBlock } from "@blocks-crm/react"
import { scheduling } from "@blocks-crm/scheduling/domain"
import {
  QueryClient,
  QueryClientProvider,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useSuspenseQuery
} from "@tanstack/react-query"
import { Effect } from "effect"
import { Suspense, useState } from "react"

// The domains the app's client has, registered once: every hook and option is typed by them.
export const domains = [pipeline, scheduling] as const

declare module "@blocks-crm/react" {
  interface Register {
    domains: typeof domains
  }
}

const settings = {
  apiUrl: "https://crm.example.com",
  authToken: "token from your sign-in",
  apiKey: "your app's API key"
}

export function App() {
  const [queryClient] = useState(() => new QueryClient())
  return (
    <QueryClientProvider client={queryClient}>
      <CrmProvider settings={settings} domains={domains}>
        <LeadsBoard />
        <Suspense fallback={<p>Loading…</p>}>
          <Opportunity id="opportunity-unique-id" />
        </Suspense>
      </CrmProvider>
    </QueryClientProvider>
  )
}

function LeadsBoard() {
  const leads = useQuery(crmQueries.leads.list({ page: 1, records: 50, sort: "-createdAt" }))
  const create = useMutation(crmMutations.leads.create()) // refreshes every leads query on success
  if (leads.error) return <p>{leads.error._tag === "Unauthorized" ? "Sign in again" : leads.error.message}</p>
  return (
    <section>
      <ul>{leads.data?.data.map((lead) => <li key={lead.uniqueId}>{lead.name} ({lead.stage})</li>)}</ul>
      <button onClick={() => create.mutate({ name: "Acme renewal", stage: "new", value: 40_000 })}>Add lead</button>
    </section>
  )
}

function Opportunity({ id }: { readonly id: string }) {
  const { data: opportunity } = useSuspenseQuery(crmQueries.opportunities.get(id))
  const update = useMutation(crmMutations.opportunities.update())
  return <h1 onClick={() => update.mutate([id, { probability: 80 }])}>{opportunity.name}</h1>
}

export function AllLeads() {
  const pages = useInfiniteQuery(crmQueries.leads.pages({ records: 100 }))
  const names = pages.data?.pages.flatMap((page) => page.data.map((lead) => lead.name)) ?? []
  return <p onClick={() => pages.fetchNextPage()}>{names.join(", ")}{pages.hasNextPage ? "…" : ""}</p>
}

// The Effect face: a program over the services, run on the provider's client as a query.
export function Agenda() {
  // dprint-ignore: packages/react/README.md quotes these two lines as they are.
  const board = useSuspenseQuery(crmEffect(["crm", "leads", "board"], (crm) =>
    Effect.all({ leads: crm.leads.list({ records: 50 }), meetings: crm.meetings.list() }, { concurrency: 2 })))
  return <p>{board.data.leads.meta.totalRecords} leads, {board.data.meetings.meta.totalRecords} meetings</p>
}

// The client itself, as the API reference's hook gives it.
export function OpportunitiesCount() {
  const { client } = useCrmBlock()
  const [count, setCount] = useState<number>()
  const load = async () => {
    const result = await client.crm.opportunities.list()
    setCount(result.meta.totalRecords)
  }
  return <button onClick={load}>{count ?? "Count"} opportunities</button>
}

// Outside React (a router loader, a server render): the same options on a QueryClient given the client.
export const prefetchLeads = async (queryClient: QueryClient) => {
  const client = createCrmClient({ ...settings, domains })
  registerCrmClient(queryClient, client)
  await queryClient.prefetchQuery(crmQueries.leads.list({ page: 1, records: 50, sort: "-createdAt" }))
  return client // close it when the request is done
}
