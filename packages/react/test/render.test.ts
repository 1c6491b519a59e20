/**
 * The provider and hooks rendered on the server with `react-dom/server` (prefetched data, and a
 * Suspense query fetched while streaming), against the emulator on loopback.
 */
import type { CrmPromiseClient } from "@blocks-crm/client"
import { CrmProvider, crmQueries, registerCrmClient, useCrmBlock } from "@blocks-crm/react"
import { QueryClient, QueryClientProvider, useSuspenseQuery } from "@tanstack/react-query"
import { PassThrough } from "node:stream"
import { createElement, Suspense } from "react"
import type { ReactNode } from "react"
import { renderToPipeableStream, renderToString } from "react-dom/server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { domains } from "./support/domains.js"
import { emulatorClient } from "./support/emulator.js"

let client: CrmPromiseClient<typeof domains>

beforeAll(async () => {
  client = emulatorClient()
})
afterAll(async () => {
  await client?.close()
})

const LeadName = ({ id }: { readonly id: string }): ReactNode => {
  const { data } = useSuspenseQuery(crmQueries.leads.get(id))
  return createElement("h1", null, data.name)
}

const withProviders = (queryClient: QueryClient, children: ReactNode, crm: CrmPromiseClient<typeof domains>) =>
  createElement(QueryClientProvider, { client: queryClient }, createElement(CrmProvider, { client: crm }, children))

const streamToString = (element: ReactNode) =>
  new Promise<string>((resolve, reject) => {
    const stream = renderToPipeableStream(element, {
      onAllReady: () => {
        const out = new PassThrough()
        let html = ""
        out.on("data", (chunk: Buffer) => (html += chunk.toString()))
        out.on("end", () => resolve(html))
        stream.pipe(out)
      },
      onShellError: reject
    })
  })

describe("on the server", () => {
  it("renders prefetched data with renderToString", async () => {
    const lead = await client.crm.leads.create({ name: "Prefetched Lead", stage: "new" })
    const queryClient = new QueryClient()
    registerCrmClient(queryClient, client)
    await queryClient.prefetchQuery(crmQueries.leads.get(lead.uniqueId))
    const html = renderToString(withProviders(queryClient, createElement(LeadName, { id: lead.uniqueId }), client))
    expect(html).toBe("<h1>Prefetched Lead</h1>")
  })

  it("streams a Suspense query the provider's client fetches while rendering", async () => {
    const lead = await client.crm.leads.create({ name: "Streamed Lead", stage: "new" })
    // No registerCrmClient: the provider registers its client as it renders.
    const queryClient = new QueryClient()
    const html = await streamToString(
      withProviders(
        queryClient,
        createElement(Suspense, { fallback: "loading" }, createElement(LeadName, { id: lead.uniqueId })),
        client
      )
    )
    expect(html).toContain("<h1>Streamed Lead</h1>")
    expect(queryClient.getQueryData(crmQueries.leads.get(lead.uniqueId).queryKey)?.name).toBe("Streamed Lead")
  })

  it("throws an error naming CrmProvider when useCrmBlock is called outside one", () => {
    const Orphan = (): ReactNode => {
      useCrmBlock()
      return null
    }
    expect(() => renderToString(createElement(Orphan))).toThrow(/CrmProvider/)
  })
})
