/**
 * What the umbrella exports: every domain's names at the root (the three shared ones once, from the
 * domain the root names), every domain's names as its own under `@blocks-crm/sdk/<domain>`, and the
 * descriptors. The typecheck guards the type-only names (a name two domains export fails it until it is
 * re-exported explicitly); this checks the values at run time.
 */
import * as accounts from "@blocks-crm/accounts"
import * as billing from "@blocks-crm/billing"
import * as calendar from "@blocks-crm/calendar"
import * as comms from "@blocks-crm/comms"
import * as companies from "@blocks-crm/companies"
import * as pipeline from "@blocks-crm/pipeline"
import * as scheduling from "@blocks-crm/scheduling"
import * as sdk from "@blocks-crm/sdk"
import * as sdkAccounts from "@blocks-crm/sdk/accounts"
import * as sdkBilling from "@blocks-crm/sdk/billing"
import * as sdkCalendar from "@blocks-crm/sdk/calendar"
import * as sdkComms from "@blocks-crm/sdk/comms"
import * as sdkCompanies from "@blocks-crm/sdk/companies"
import * as sdkPipeline from "@blocks-crm/sdk/pipeline"
import * as sdkScheduling from "@blocks-crm/sdk/scheduling"
import { describe, expect, it } from "@effect/vitest"
import * as Schema from "effect/Schema"

const packages: ReadonlyArray<readonly [string, Record<string, unknown>, Record<string, unknown>]> = [
  ["pipeline", pipeline, sdkPipeline],
  ["accounts", accounts, sdkAccounts],
  ["comms", comms, sdkComms],
  ["companies", companies, sdkCompanies],
  ["scheduling", scheduling, sdkScheduling],
  ["calendar", calendar, sdkCalendar],
  ["billing", billing, sdkBilling]
]

/** The names the root takes from one domain because several export them, and that domain. */
const shared: Record<string, string> = { RecordStatus: "accounts", Payload: "accounts", InputTimestamp: "scheduling" }

describe("the umbrella's exports", () => {
  it("has each domain's names, as its own, under @blocks-crm/sdk/<domain>", () => {
    for (const [, domain, entry] of packages) {
      expect(Object.keys(entry).sort()).toEqual(Object.keys(domain).sort())
      for (const name of Object.keys(domain)) expect(entry[name]).toBe(domain[name])
    }
  })

  it("has every domain's names at its root, and shares only the names it resolves explicitly", () => {
    const owners = new Map<string, Array<string>>()
    for (const [name, domain] of packages) {
      for (const key of Object.keys(domain)) owners.set(key, [...(owners.get(key) ?? []), name])
    }
    const root = sdk as Record<string, unknown>
    for (const [key, names] of owners) {
      const from = names.length === 1 ? names[0]! : shared[key]
      expect(from, `${key} is exported by ${names.join(", ")}: the root must name the one it re-exports`)
        .toBeDefined()
      const domain = packages.find(([name]) => name === from)![1]
      expect(root[key], key).toBe(domain[key])
    }
    expect([...owners].filter(([, names]) => names.length > 1).map(([key]) => key).sort()).toEqual(
      Object.keys(shared).sort()
    )
  })

  it("the shared names mean the same in every domain that exports them", () => {
    const describe = (schema: unknown) => String((schema as Schema.Schema.Any).ast)
    for (const [key] of Object.entries(shared)) {
      const definitions = packages.flatMap(([, domain]) => (key in domain ? [describe(domain[key])] : []))
      expect(definitions.length).toBeGreaterThan(1)
      expect(new Set(definitions).size, `${key}: ${definitions.join(" / ")}`).toBe(1)
    }
    expect(sdk.RecordStatus.literals).toEqual(billing.RecordStatus.literals)
    expect(sdk.RecordStatus.literals).toEqual(scheduling.RecordStatus.literals)
  })

  it("lists every domain's descriptor, each exported by its own package", () => {
    expect(sdk.domains.map((domain) => domain.name)).toEqual([
      "pipeline",
      "accounts",
      "comms",
      "companies",
      "scheduling",
      "calendar",
      "billing"
    ])
    for (const [name, domain] of packages) {
      expect(sdk.domains).toContain(domain[name])
      expect(sdk[name as keyof typeof sdk]).toBe(domain[name])
    }
  })
})
