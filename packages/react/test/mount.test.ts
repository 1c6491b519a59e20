/**
 * The provider mounted and unmounted by a React renderer that runs effects without a DOM
 * (`react-test-renderer`), so a provider-made client's lifetime shows, under StrictMode's remount too.
 */
import type { CrmPromiseClient } from "@blocks-crm/client"
import { CrmProvider, crmQueries, useCrmBlock } from "@blocks-crm/react"
import type { CrmBlock } from "@blocks-crm/react"
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query"
import { createElement, StrictMode } from "react"
import type { ReactNode } from "react"
import { act, create } from "react-test-renderer"
import type { ReactTestRenderer } from "react-test-renderer"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { domains } from "./support/domains.js"
import { emulatorClient, settings } from "./support/emulator.js"

let client: CrmPromiseClient<typeof domains>

beforeAll(async () => {
  client = emulatorClient()
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  // The renderer says on every create that it is deprecated (it is still React's own, effects included).
  const error = console.error
  vi.spyOn(console, "error").mockImplementation((...args: Array<unknown>) => {
    if (!String(args[0]).includes("react-test-renderer is deprecated")) error(...args)
  })
})
afterAll(async () => {
  vi.restoreAllMocks()
  await client?.close()
})

const withProviders = (queryClient: QueryClient, children: ReactNode, crm: CrmPromiseClient<typeof domains>) =>
  createElement(QueryClientProvider, { client: queryClient }, createElement(CrmProvider, { client: crm }, children))

describe("mounted", () => {
  it("closes the client it made when it unmounts, but not under StrictMode's remount, and never a given one", async () => {
    const seen: Array<CrmBlock["client"]> = []
    const statuses: Array<string> = []
    const Probe = (): ReactNode => {
      seen.push(useCrmBlock().client)
      // A query of the tree: StrictMode's remount restarts it before the provider's effects run again.
      const leads = useQuery({ ...crmQueries.leads.list({ records: 3 }), retry: false })
      statuses.push(leads.error?._tag ?? leads.status)
      return null
    }
    const queryClient = new QueryClient()
    let renderer: ReactTestRenderer | undefined
    await act(async () => {
      renderer = create(
        createElement(
          StrictMode,
          null,
          createElement(
            QueryClientProvider,
            { client: queryClient },
            createElement(CrmProvider, { settings: settings(), domains }, createElement(Probe))
          )
        )
      )
    })
    // StrictMode mounted, unmounted and remounted the provider: its client still works.
    await act(async () => {
      await vi.waitFor(() => expect(statuses[statuses.length - 1]).not.toBe("pending"))
    })
    expect(statuses[statuses.length - 1]).toBe("success")
    const made = seen[seen.length - 1]!
    expect(made).not.toBe(client)
    expect(new Set(seen).size).toBe(1)
    await expect(made.crm.leads.list({ records: 1 })).resolves.toHaveProperty("meta")
    // And the query functions of its QueryClient use it.
    await expect(queryClient.fetchQuery(crmQueries.leads.list({ records: 1 }))).resolves.toHaveProperty("meta")

    await act(async () => renderer!.unmount())
    await new Promise((resolve) => setTimeout(resolve, 20))
    await expect(made.crm.leads.list({ records: 1 })).rejects.toBeDefined()
    await expect(queryClient.fetchQuery(crmQueries.leads.list({ records: 2 }))).rejects.toMatchObject({
      _tag: "ConfigurationError"
    })

    // A given client is the caller's: still open after its provider unmounts.
    await act(async () => {
      renderer = create(withProviders(new QueryClient(), createElement(Probe), client))
    })
    await act(async () => renderer!.unmount())
    await new Promise((resolve) => setTimeout(resolve, 20))
    await expect(client.crm.leads.list({ records: 1 })).resolves.toHaveProperty("meta")
  })
})
