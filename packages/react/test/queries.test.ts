/**
 * `crmQueries` and `crmMutations` on a real `QueryClient`, outside React (as a router loader or a
 * server prefetches), against the emulator on loopback.
 */
import { createCrmClient } from "@blocks-crm/client"
import type { CrmPromiseClient } from "@blocks-crm/client"
import { crmEffect, crmMutations, crmQueries, crmRetry, registerCrmClient } from "@blocks-crm/react"
import { MutationObserver, QueryClient } from "@tanstack/react-query"
import * as Effect from "effect/Effect"
import { createServer } from "node:http"
import type { IncomingMessage } from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { domains } from "./support/domains.js"
import { emulatorClient } from "./support/emulator.js"

let client: CrmPromiseClient<typeof domains>

beforeAll(async () => {
  client = emulatorClient()
})
afterAll(async () => {
  await client?.close()
})

const newQueryClient = () => {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } })
  registerCrmClient(queryClient, client)
  return queryClient
}

const createLeads = (source: string, count: number) =>
  Promise.all(
    Array.from({ length: count }, (_, i) => client.crm.leads.create({ name: `${source} ${i}`, source, stage: "new" }))
  )

describe("crmQueries", () => {
  it("fetches a method's result under [crm, service, method, ...arguments]", async () => {
    const [lead] = await createLeads("keys", 1)
    const queryClient = newQueryClient()
    const options = crmQueries.leads.list({ source: "keys" })
    expect(options.queryKey).toEqual(["crm", "leads", "list", { source: "keys" }])
    const page = await queryClient.fetchQuery(options)
    expect(page.data.map((l) => l.uniqueId)).toEqual([lead!.uniqueId])
    // The key is typed by the data: getQueryData reads a page of leads.
    expect(queryClient.getQueryData(options.queryKey)?.meta.totalRecords).toBe(1)

    const got = await queryClient.fetchQuery(crmQueries.leads.get(lead!.uniqueId))
    expect(got.name).toBe("keys 0")
    expect(crmQueries.leads.get(lead!.uniqueId).queryKey).toEqual(["crm", "leads", "get", lead!.uniqueId])
    // No arguments, or trailing undefined ones, make one key.
    expect(crmQueries.leads.list().queryKey).toEqual(["crm", "leads", "list"])
    expect(crmQueries.leads.list(undefined).queryKey).toEqual(["crm", "leads", "list"])
  })

  it("reaches nested services, with their path in the key", async () => {
    const [lead] = await createLeads("nested", 1)
    const follow = await client.crm.leads.follows.create(lead!.uniqueId, { title: "Call back" })
    const queryClient = newQueryClient()
    const options = crmQueries.leads.follows.list(lead!.uniqueId)
    expect(options.queryKey).toEqual(["crm", "leads.follows", "list", lead!.uniqueId])
    const follows = await queryClient.fetchQuery(options)
    expect(follows.map((f) => f.uniqueId)).toEqual([follow.uniqueId])
  })

  it("fetches every page of a listing for useInfiniteQuery, and no page after the last", async () => {
    await createLeads("paged", 5)
    const queryClient = newQueryClient()
    const options = crmQueries.leads.pages({ source: "paged", records: 2 })
    expect(options.queryKey).toEqual(["crm", "leads", "pages", { source: "paged", records: 2 }])
    const data = await queryClient.fetchInfiniteQuery({ ...options, pages: 5 })
    expect(data.pageParams).toEqual([1, 2, 3])
    expect(data.pages.map((page) => page.data.length)).toEqual([2, 2, 1])
    expect(new Set(data.pages.flatMap((page) => page.data.map((l) => l.uniqueId))).size).toBe(5)
    expect(options.getNextPageParam(data.pages[2]!, data.pages, 3, data.pageParams)).toBeUndefined()
    expect(options.getNextPageParam(data.pages[0]!, data.pages, 1, data.pageParams)).toBe(2)
  })

  it("does not retry a NotFound, and retries a transient failure twice", async () => {
    const queryClient = newQueryClient()
    const missing = crmQueries.leads.get("no-such-lead")
    await expect(queryClient.fetchQuery(missing)).rejects.toMatchObject({ _tag: "NotFound" })
    expect(queryClient.getQueryState(missing.queryKey)?.fetchFailureCount).toBe(1)
    const invalid = crmQueries.leads.list({ records: 0 })
    await expect(queryClient.fetchQuery(invalid)).rejects.toMatchObject({ _tag: "InvalidInput" })
    expect(queryClient.getQueryState(invalid.queryKey)?.fetchFailureCount).toBe(1)

    // A port nothing listens on: TransportError, which the query tries three times in all.
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const unreachable = createCrmClient({
      apiUrl: `http://127.0.0.1:${port}`,
      authToken: "t",
      apiKey: "k",
      retry: { times: 0 },
      domains
    })
    const other = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } })
    registerCrmClient(other, unreachable)
    const list = crmQueries.leads.list()
    await expect(other.fetchQuery(list)).rejects.toMatchObject({ _tag: "TransportError" })
    expect(other.getQueryState(list.queryKey)?.fetchFailureCount).toBe(3)
    await unreachable.close()
    expect(crmRetry(0, { _tag: "Forbidden" })).toBe(false)
    expect(crmRetry(0, new Error("boom"))).toBe(false)
  })

  it("aborts the request in flight when the query is cancelled", async () => {
    // A server that never answers, so the request is in flight until the client gives up on it.
    const pending: Array<IncomingMessage> = []
    const closedEarly: Array<boolean> = []
    const server = createServer((request, response) => {
      pending.push(request)
      response.on("close", () => closedEarly.push(!response.writableEnded))
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const hanging = createCrmClient({
      apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      authToken: "t",
      apiKey: "k",
      domains
    })
    const queryClient = new QueryClient()
    registerCrmClient(queryClient, hanging)
    const options = crmQueries.leads.list({ page: 1 })
    const fetched = queryClient.fetchQuery(options)
    while (pending.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    await queryClient.cancelQueries({ queryKey: ["crm", "leads"] })
    await expect(fetched).rejects.toThrow()
    while (closedEarly.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(closedEarly).toEqual([true])

    // The query function itself rejects with the SDK's Aborted.
    const controller = new AbortController()
    const called = options.queryFn!({
      client: queryClient,
      queryKey: options.queryKey,
      signal: controller.signal,
      meta: undefined
    })
    while (pending.length < 2) await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort()
    await expect(called).rejects.toMatchObject({ _tag: "Aborted" })
    await hanging.close()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it("fails with a ConfigurationError naming CrmProvider when the QueryClient has no CRM client", async () => {
    await expect(new QueryClient().fetchQuery(crmQueries.leads.list())).rejects.toMatchObject({
      _tag: "ConfigurationError",
      message: expect.stringContaining("CrmProvider")
    })
  })
})

describe("crmMutations", () => {
  it("runs the method and invalidates its service's queries, and the services named, then the caller's onSuccess", async () => {
    await createLeads("mutations", 1)
    const queryClient = newQueryClient()
    const leads = crmQueries.leads.list({ source: "mutations" })
    const opportunities = crmQueries.opportunities.list()
    const meetings = crmQueries.meetings.list()
    await Promise.all([
      queryClient.fetchQuery(leads),
      queryClient.fetchQuery(opportunities),
      queryClient.fetchQuery(meetings)
    ])
    const succeeded: Array<string> = []
    const options = crmMutations.leads.create({
      invalidates: ["opportunities"],
      onSuccess: (lead) => {
        // Invalidation is done when the caller's onSuccess runs.
        expect(queryClient.getQueryState(leads.queryKey)?.isInvalidated).toBe(true)
        succeeded.push(lead.name)
      }
    })
    expect(options.mutationKey).toEqual(["crm", "leads", "create"])
    const created = await new MutationObserver(queryClient, options).mutate({
      name: "mutations 1",
      source: "mutations",
      stage: "new"
    })
    expect(succeeded).toEqual(["mutations 1"])
    expect(queryClient.getQueryState(opportunities.queryKey)?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(meetings.queryKey)?.isInvalidated).toBe(false)
    const refetched = await queryClient.fetchQuery(leads)
    expect(refetched.data.map((lead) => lead.uniqueId)).toContain(created.uniqueId)

    // Several arguments are the tuple of them.
    const updated = await new MutationObserver(queryClient, crmMutations.leads.update()).mutate([
      created.uniqueId,
      { stage: "qualified" }
    ])
    expect(updated.stage).toBe("qualified")
    await expect(new MutationObserver(queryClient, crmMutations.leads.delete()).mutate("no-such-lead")).rejects
      .toMatchObject({ _tag: "NotFound" })
  })
})

describe("crmEffect", () => {
  it("runs an Effect program over the services on the registered client, interrupted when the query is cancelled", async () => {
    const [lead] = await createLeads("effect", 1)
    await client.crm.leads.follows.create(lead!.uniqueId, { title: "Send the quote" })
    const queryClient = newQueryClient()
    const options = crmEffect(
      ["crm", "leads", "withFollows", lead!.uniqueId],
      (crm) =>
        Effect.all({ lead: crm.leads.get(lead!.uniqueId), follows: crm.leads.follows.list(lead!.uniqueId) }, {
          concurrency: 2
        })
    )
    const { follows, lead: got } = await queryClient.fetchQuery(options)
    expect([got.name, follows.map((f) => f.title)]).toEqual(["effect 0", ["Send the quote"]])
    await expect(queryClient.fetchQuery(crmEffect(["crm", "leads", "missing"], (crm) => crm.leads.get("nope"))))
      .rejects.toMatchObject({ _tag: "NotFound" })

    let interrupted = false
    const hanging = queryClient.fetchQuery(
      crmEffect(
        ["crm", "hanging"],
        () => Effect.onInterrupt(Effect.never, () => Effect.sync(() => (interrupted = true)))
      )
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    await queryClient.cancelQueries({ queryKey: ["crm", "hanging"] })
    await expect(hanging).rejects.toThrow()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(interrupted).toBe(true)
  })
})
