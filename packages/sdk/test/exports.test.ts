/**
 * What the umbrella exports: every domain's names at the root (the three shared ones once, from the
 * domain the root names), every domain's names as its own under `@blocks-crm/sdk/<domain>`, and the
 * descriptors. The typecheck guards the type-only names (a name two domains export fails it until it is
 * re-exported explicitly); this checks the values at run time.
 */
import * as billing from "@blocks-crm/billing"
import * as scheduling from "@blocks-crm/scheduling"
import * as sdk from "@blocks-crm/sdk"
import { beforeAll, describe, expect, it } from "@effect/vitest"
import type * as Schema from "effect/Schema"

/** Each domain the umbrella lists: its package's exports, and the umbrella's `@blocks-crm/sdk/<domain>`. */
let packages: ReadonlyArray<readonly [string, Record<string, unknown>, Record<string, unknown>]> = []
beforeAll(async () => {
  // From the list itself, so that a domain the generator adds is checked too.
  packages = await Promise.all(sdk.domains.map(async ({ name }) =>
    [
      name,
      (await import(`@blocks-crm/${name}`)) as Record<string, unknown>,
      (await import(`@blocks-crm/sdk/${name}`)) as Record<string, unknown>
    ] as const
  ))
})

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
    expect(sdk.domains.map((domain) => domain.name)).toEqual(expect.arrayContaining([
      "pipeline",
      "accounts",
      "comms",
      "companies",
      "scheduling",
      "calendar",
      "billing"
    ]))
    for (const [name, domain] of packages) {
      // Named after the domain (`pipeline`, or `leadScoring` for "lead-scoring"), from the package's root.
      const descriptor = sdk.domains.find((listed) => listed.name === name)
      const exportName = name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
      expect(domain[exportName], name).toBe(descriptor)
      expect((sdk as Record<string, unknown>)[exportName], name).toBe(descriptor)
    }
  })
})
