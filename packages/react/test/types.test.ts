/**
 * The types of the options, checked by the compiler (`pnpm typecheck` compiles this file): services
 * and methods come from the registered domains, arguments are the methods' own, errors are the
 * SDK's, and the data is typed through to the hooks. The run only checks the keys.
 */
import type { ConfigurationError, CrmError } from "@blocks-crm/core-http/CrmError"
import type { PageResult } from "@blocks-crm/core-http/Pagination"
import type { Lead, LeadFollow, Opportunity } from "@blocks-crm/pipeline"
import { crmEffect, crmMutations, crmQueries, useCrmBlock } from "@blocks-crm/react"
import type { CrmServiceName } from "@blocks-crm/react"
import { useInfiniteQuery, useMutation, useQuery, useSuspenseQuery } from "@tanstack/react-query"
import type { InfiniteData } from "@tanstack/react-query"
import * as Effect from "effect/Effect"
import { describe, expect, expectTypeOf, it } from "vitest"
import type {} from "./support/domains.js"

// Hooks are only type-checked here (never called: there is no component).
const typed = () => {
  const leads = useQuery(crmQueries.leads.list({ page: 1, sort: "-createdAt" }))
  expectTypeOf(leads.data).toEqualTypeOf<PageResult<Lead> | undefined>()
  expectTypeOf(leads.error).toEqualTypeOf<CrmError | ConfigurationError | null>()

  const opportunity = useSuspenseQuery(crmQueries.opportunities.get("o-1"))
  expectTypeOf(opportunity.data).toEqualTypeOf<Opportunity>()

  const follows = useQuery(crmQueries.leads.follows.list("l-1"))
  expectTypeOf(follows.data).toEqualTypeOf<ReadonlyArray<LeadFollow> | undefined>()

  const board = useInfiniteQuery(crmQueries.leads.pages({ records: 50, source: "web" }))
  expectTypeOf(board.data).toEqualTypeOf<InfiniteData<PageResult<Lead>, number> | undefined>()

  const create = useMutation(crmMutations.leads.create({ invalidates: ["opportunities", "leads.follows"] }))
  create.mutate({ name: "Acme", stage: "new" })
  expectTypeOf(create.data).toEqualTypeOf<Lead | undefined>()
  const update = useMutation(crmMutations.leads.update())
  update.mutate(["l-1", { stage: "qualified" }])
  const follow = useMutation(crmMutations.leads.follows.create())
  follow.mutate(["l-1", { title: "Call back" }])

  const program = useSuspenseQuery(
    crmEffect(
      ["crm", "leads", "count"],
      (crm) => Effect.map(crm.leads.list({ records: 1 }), (page) => page.meta.totalRecords)
    )
  )
  expectTypeOf(program.data).toEqualTypeOf<number>()
  const failing = useQuery(crmEffect(["crm", "own"], () => Effect.fail("own" as const)))
  expectTypeOf(failing.error).toEqualTypeOf<"own" | ConfigurationError | null>()

  const { client } = useCrmBlock()
  expectTypeOf(client.crm.opportunities.list).returns.resolves.toEqualTypeOf<PageResult<Opportunity>>()

  // @ts-expect-error: no such service among the registered domains
  crmQueries.invoices.list()
  // @ts-expect-error: no such method
  crmQueries.leads.lisst()
  // @ts-expect-error: a parameter list does not take
  crmQueries.leads.list({ pgae: 1 })
  // @ts-expect-error: a lead's id is a string
  crmQueries.leads.get(42)
  // @ts-expect-error: a stream is not a query
  crmQueries.leads.stream()
  // @ts-expect-error: `pages` sets the page itself
  crmQueries.leads.pages({ page: 2 })
  // @ts-expect-error: follow-ups are listed per lead, not in pages
  crmQueries.leads.follows.pages()
  // @ts-expect-error: not a service name
  crmMutations.leads.create({ invalidates: ["invoices"] })
  // @ts-expect-error: a program gets the registered services only
  crmEffect(["crm"], (crm) => crm.invoices.list())
  // @ts-expect-error: update takes the id and the changes, as a tuple
  update.mutate({ stage: "qualified" })
}

const names: ReadonlyArray<CrmServiceName> = ["leads", "leads.follows", "meetings.participants"]

describe("types", () => {
  it("are checked by the compiler; the keys are what the types say", () => {
    expect(typeof typed).toBe("function")
    expect(names).toHaveLength(3)
    const key: readonly ["crm", "leads", "get", string] = crmQueries.leads.get("l-1").queryKey
    expect(key).toEqual(["crm", "leads", "get", "l-1"])
  })
})
