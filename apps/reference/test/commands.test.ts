/**
 * The CLI's resource tables against the client they drive: a command group for every composed
 * service, soft-delete commands exactly where the service has them, and only flags the requests know.
 */
import {
  CreateLeadFollowRequest,
  CreateLeadRequest,
  CreateOpportunityRequest,
  CreateQuoteRequest,
  CreateReferralRequest,
  CreateTouchRequest,
  UpdateLeadFollowRequest,
  UpdateLeadRequest,
  UpdateOpportunityRequest,
  UpdateQuoteRequest,
  UpdateReferralRequest,
  UpdateTouchRequest
} from "@blocks-crm/pipeline"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { resources } from "../src/cli/Cli.js"
import * as Output from "../src/cli/Output.js"
import type { Field } from "../src/cli/ResourceCommands.js"
import { CrmClient } from "../src/CrmClient.js"
import * as CrmDomain from "../src/CrmDomain.js"
import { domains } from "../src/domains/index.js"

const keysOf = (schema: { readonly fields: object }) => Object.keys(schema.fields)

const requests: Record<string, { readonly create: ReadonlyArray<string>; readonly update: ReadonlyArray<string> }> = {
  leads: { create: keysOf(CreateLeadRequest), update: keysOf(UpdateLeadRequest.from) },
  "leads follows": { create: keysOf(CreateLeadFollowRequest), update: keysOf(UpdateLeadFollowRequest.from) },
  opportunities: { create: keysOf(CreateOpportunityRequest), update: keysOf(UpdateOpportunityRequest.from) },
  quotes: { create: keysOf(CreateQuoteRequest), update: keysOf(UpdateQuoteRequest.from) },
  referrals: { create: keysOf(CreateReferralRequest), update: keysOf(UpdateReferralRequest.from) },
  touches: { create: keysOf(CreateTouchRequest), update: keysOf(UpdateTouchRequest.from) }
}

const tables = resources.flatMap(([resource]) => [
  { path: resource.name, fields: resource.fields },
  ...(resource.nested ?? []).map((nested) => ({ path: `${resource.name} ${nested.name}`, fields: nested.fields }))
])

describe("the CLI's tables", () => {
  it("have a command group for every service of the composed client, and no other", () => {
    const services = domains.flatMap((domain) => CrmDomain.entries(domain).map((entry) => entry.path.join(" ")))
    expect(tables.map((t) => t.path).sort()).toEqual([...services].sort())
  })

  it("offer recover, search and deleted exactly where the service has them", () =>
    Effect.gen(function*() {
      const crm = yield* CrmClient
      for (const [resource] of resources) {
        const service = resource.service(crm)
        expect([resource.name, typeof service.recover === "function"]).toEqual([resource.name, resource.softDelete])
        expect(typeof service.listDeleted === "function").toBe(resource.softDelete)
      }
    }).pipe(
      // Building the client sends nothing, so any address does.
      Effect.provide(CrmClient.layer({ apiUrl: "http://127.0.0.1:1", authToken: "t", apiKey: "k" })),
      Effect.runPromise
    ))

  it.each(tables)("$path: every flag sets an attribute of the request, and create requires what the request requires", ({ path, fields }) => {
    const request = requests[path]!
    const on = (mode: "create" | "update") => fields.filter((f: Field) => f.only === undefined || f.only === mode).map((f) => f.key)
    expect(request.create).toEqual(expect.arrayContaining(on("create")))
    expect(request.update).toEqual(expect.arrayContaining(on("update")))
    // Every attribute of the request has a flag.
    expect(on("create").sort()).toEqual([...request.create].sort())
    expect(on("update").sort()).toEqual([...request.update].sort())
  })
})

describe("table output", () => {
  it("aligns columns, right-aligns numbers and prints dates as ISO 8601", () => {
    const rows = [
      { name: "Acme", value: 5, at: new Date("2026-01-10T10:30:00Z") },
      { name: "Globex Corporation", value: 12_500, at: undefined }
    ]
    const out = Output.table(rows, [
      { header: "NAME", value: (r) => r.name },
      { header: "VALUE", value: (r) => r.value, align: "right" },
      { header: "AT", value: (r) => r.at }
    ])
    expect(out.split("\n")).toEqual([
      "NAME                VALUE  AT",
      "Acme                    5  2026-01-10T10:30:00.000Z",
      "Globex Corporation  12500"
    ])
  })
})
