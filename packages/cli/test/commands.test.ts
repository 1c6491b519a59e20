/**
 * The commands reflected from the composed domains' contracts: one for every endpoint (CRUD or not),
 * flags that are exactly the request's fields, values parsed by the SDK's own schemas, and a table for
 * every pipeline resource. Commands run in this process against the emulator on loopback.
 */
import { Contract, Fields, JsonApi } from "@blocks-crm/core-http"
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
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import { describe, expect, it } from "@effect/vitest"
import * as Cli from "./support/Cli.js"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as ApiCommands from "../src/cli/ApiCommands.js"
import * as DirectRun from "../src/cli/DirectRun.js"
import * as EffectCommands from "../src/cli/EffectCommands.js"
import * as Output from "../src/cli/Output.js"
import { CrmDomain } from "@blocks-crm/sdk"
import * as Domains from "../src/domains.js"

const domains = await Domains.all()

const keysOf = (schema: { readonly fields: object }) => Object.keys(schema.fields)

const requests: Record<string, { readonly create: ReadonlyArray<string>; readonly update: ReadonlyArray<string> }> = {
  leads: { create: keysOf(CreateLeadRequest), update: keysOf(UpdateLeadRequest.from) },
  "leads follows": { create: keysOf(CreateLeadFollowRequest), update: keysOf(UpdateLeadFollowRequest.from) },
  opportunities: { create: keysOf(CreateOpportunityRequest), update: keysOf(UpdateOpportunityRequest.from) },
  quotes: { create: keysOf(CreateQuoteRequest), update: keysOf(UpdateQuoteRequest.from) },
  referrals: { create: keysOf(CreateReferralRequest), update: keysOf(UpdateReferralRequest.from) },
  touches: { create: keysOf(CreateTouchRequest), update: keysOf(UpdateTouchRequest.from) }
}

const actions = domains.flatMap((domain) => ApiCommands.actionsOf(domain.api))
const find = (resource: string, name: string) =>
  actions.find((a) => a.resource.join(" ") === resource && a.name === name)!
const payloadNames = (action: ApiCommands.Action) =>
  action.inputs.filter((i) => i.in === "payload").map((i) => i.field.name)

describe("commands reflected from the contracts", () => {
  it("cover every endpoint of every composed domain, one command each, under every service's name", () => {
    const endpoints = domains.flatMap((domain) =>
      Object.values((domain.api as unknown as HttpApi.HttpApi.AnyWithProps).groups).flatMap((group) =>
        Object.keys(group.endpoints)
      )
    )
    expect(actions).toHaveLength(endpoints.length)
    const paths = actions.map((a) => [...a.resource, a.name].join(" "))
    expect(new Set(paths).size).toBe(paths.length)
    // Every service of the composed client has its resource command, and no resource lacks a service.
    // (Names compared in kebab-case: a `siteVisits` service is the `site-visits` command.)
    const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()
    const services = domains.flatMap((domain) =>
      CrmDomain.entries(domain).map((entry) => entry.path.map(kebab).join(" "))
    )
    expect([...new Set(actions.map((a) => a.resource.join(" ")))].sort()).toEqual([...services].sort())
    // Where a name reads badly, the contract's annotation renames it.
    expect(paths).toContain("quotes deleted")
    expect(paths).not.toContain("quotes list-deleted")
    expect(find("leads follows", "create").description).toBe("Create a follow-up")
    expect(find("opportunities", "delete").description).toBe("Delete an opportunity")
  })

  it.each(Object.keys(requests))(
    "%s: create and update have a flag for each field of the request, required as the request requires",
    (resource) => {
      const create = find(resource, "create")
      const update = find(resource, "update")
      expect([...payloadNames(create)].sort()).toEqual([...requests[resource]!.create].sort())
      expect([...payloadNames(update)].sort()).toEqual([...requests[resource]!.update].sort())
      const required = create.inputs.filter((i) => i.in === "payload" && !i.field.optional).map((i) => i.field.name)
      expect(required.length).toBeGreaterThan(0)
      expect(update.inputs.filter((i) => i.in === "payload" && !i.field.optional)).toEqual([])
      // Ids in the path are arguments, in the path's order.
      expect(update.inputs.filter((i) => i.in === "path").map((i) => i.flag)).toEqual(
        resource === "leads follows" ? ["leadId", "followId"] : ["uniqueId"]
      )
    }
  )

  it("types flags from the schemas: choices from literals, integers with their range, dates by their format", () => {
    const create = find("leads", "create")
    const input = (name: string) => create.inputs.find((i) => i.field.name === name)!
    expect(input("stage").kind).toEqual({
      _tag: "choice",
      choices: ["new", "contacted", "qualified", "proposal", "negotiation"]
    })
    expect(input("probability").kind).toEqual({ _tag: "integer" })
    expect(input("value").kind).toEqual({ _tag: "number" })
    expect(input("name").field.description).toBe("The lead's name")
    expect(find("leads follows", "create").inputs.find((i) => i.field.name === "dueDate")!.kind).toEqual({
      _tag: "timestamp"
    })
    expect(find("leads", "list").paginated).toBe(true)
    expect(find("leads follows", "list").paginated).toBe(false)
  })

  it("gives a domain's non-CRUD endpoints their commands with no CLI code", () => {
    // A domain as the generator scaffolds it: a contract, no CLI code, a check-in that is not CRUD.
    const CheckIn = Schema.Struct({
      note: Schema.optionalWith(Schema.String, { exact: true }).annotations({ description: "What happened" }),
      token: Schema.optionalWith(Schema.String, { exact: true }),
      at: Schema.propertySignature(Fields.Timestamp).annotations({ description: "When" })
    })
    class VisitsGroup extends HttpApiGroup.make("siteVisits")
      .add(
        HttpApiEndpoint.post("checkIn")`/visits/${HttpApiSchema.param("visitId", Fields.ResourceId)}/check_in`
          .setPayload(JsonApi.wrapped("check_in", CheckIn))
      )
      .add(
        HttpApiEndpoint.post("syncCalendar", "/visits/sync")
          .annotate(Contract.CliCommand, { name: "sync" })
      )
    {}
    const api = HttpApi.make("visits").add(VisitsGroup)
    const visits = ApiCommands.actionsOf(api)
    expect(visits.map((a) => [...a.resource, a.name].join(" "))).toEqual(["site-visits check-in", "site-visits sync"])
    const checkIn = visits[0]!
    expect(checkIn.inputs.map((i) => [i.in, i.flag, i.field.optional, i.kind._tag])).toEqual([
      ["path", "visitId", false, "text"],
      ["payload", "note", true, "text"],
      // Not the CLI's own --token.
      ["payload", "site-visit-token", true, "text"],
      ["payload", "at", false, "timestamp"]
    ])
    expect(checkIn.description).toBe("POST /visits/:visitId/check_in")
    expect(EffectCommands.resourceCommands([CrmDomain.make({ name: "visits", api, services: {} })])).toHaveLength(1)
  })
})

describe("crm in this process, against the emulator", () => {
  const emulator = Cli.onEmulator()

  const crm = (...args: ReadonlyArray<string>) => emulator.run(args)

  /** A valid value for a required flag, from its kind alone. */
  const sample = (input: ApiCommands.Input) =>
    input.kind._tag === "choice"
      ? input.kind.choices[0]!
      : input.kind._tag === "integer" || input.kind._tag === "number"
      ? "1"
      : input.kind._tag === "timestamp"
      ? "2026-03-05T14:00:00Z"
      : `Sample ${input.field.name}`

  it("prints a table of every pipeline resource, with the columns its model picks", async () => {
    const lead = JSON.parse((await crm("leads", "create", "--name", "Parent lead", "--json")).stdout) as {
      uniqueId: string
    }
    for (const resource of Object.keys(requests)) {
      const create = find(resource, "create")
      const flags = create.inputs.filter((i) => i.in === "payload" && !i.field.optional).flatMap((
        i
      ) => [`--${i.flag}`, sample(i)])
      const parent = resource === "leads follows" ? [lead.uniqueId] : []
      const created = await crm(...resource.split(" "), "create", ...parent, ...flags, "--json")
      expect([resource, created.code, created.stderr]).toEqual([resource, 0, ""])
      const id = (JSON.parse(created.stdout) as { uniqueId: string }).uniqueId

      const listed = await crm(...resource.split(" "), "list", ...parent)
      expect([resource, listed.code]).toEqual([resource, 0])
      const list = find(resource, "list")
      const model = list.success._tag === "page" || list.success._tag === "collection" ? list.success.model : undefined
      const headers = model!.columns.map((c) => c.name.replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase())
      const [header, ...rows] = listed.stdout.split("\n")
      expect(header!.split(/\s{2,}/)).toEqual(headers)
      expect(headers[0]).toBe("UNIQUE ID")
      expect(rows.some((row) => row.startsWith(id))).toBe(true)
    }
  }, 60_000)

  it("runs non-CRUD endpoints: a deleted lead is brought back by `recover`", async () => {
    const lead = JSON.parse((await crm("leads", "create", "--name", "Comeback", "--json")).stdout) as {
      uniqueId: string
    }
    const deleted = await crm("leads", "delete", lead.uniqueId)
    expect(deleted.stdout).toBe(`Deleted lead ${lead.uniqueId}`)
    const trash = await crm("leads", "deleted", "--json")
    expect((JSON.parse(trash.stdout) as { data: Array<{ uniqueId: string }> }).data.map((l) => l.uniqueId)).toContain(
      lead.uniqueId
    )
    const recovered = await crm("leads", "recover", lead.uniqueId)
    expect(recovered.code).toBe(0)
    expect(recovered.stdout).toMatch(/^name\s+Comeback$/m)
    expect((await crm("leads", "get", lead.uniqueId)).code).toBe(0)
  }, 60_000)

  it("refuses an impossible date before sending anything (exit 2), and accepts a real one", async () => {
    const refused = await crm("opportunities", "create", "--name", "Leap deal", "--close-date", "2026-02-30")
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain("Invalid value for --close-date: 2026-02-30 is not a calendar date")
    const listed = await crm("opportunities", "list", "--search", "Leap deal", "--json")
    expect((JSON.parse(listed.stdout) as { data: ReadonlyArray<unknown> }).data).toEqual([])

    const accepted = await crm("opportunities", "create", "--name", "Leap deal", "--close-date", "2028-02-29", "--json")
    expect(accepted.code).toBe(0)
    expect(JSON.parse(accepted.stdout)).toMatchObject({ name: "Leap deal", closeDate: "2028-02-29" })
  }, 60_000)

  it("helps as a new user needs: schema descriptions, optional flags, errors for the command that was meant", async () => {
    const [follows, unknown, emulator] = await Promise.all([
      crm("leads", "follows", "create", "--help"),
      crm("leads", "frobnicate"),
      crm("emulator", "--help")
    ])
    // Flags, descriptions and the required ones come from the request schema (one line per flag).
    expect(follows.code).toBe(0)
    const section = (flag: string) =>
      follows.stdout.split("\n").find((line) => line.trim().startsWith(`${flag} `)) ?? ""
    expect(section("--title")).toContain("What to do")
    expect(section("--title")).toContain("(required)")
    expect(section("--title")).not.toContain("(optional)")
    expect(section("--due-date")).toContain("When it is due (ISO 8601 date-time")
    expect(section("--due-date")).toContain("(optional)")
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("Invalid subcommand for leads - use one of 'list', 'deleted', 'get'")
    expect(emulator.stdout).toContain("[--api-key text...] [--token text...]")
  })

  it("prints for a pipe: NDJSON with --all --json, --output json|csv, progress on stderr", async () => {
    for (const name of ["Pipe one", "Pipe, two", "Pipe \"three\""]) {
      expect((await crm("touches", "create", "--subject", name, "--touch-type", "call", "--json")).code).toBe(0)
    }
    const [ndjson, asJson, output, csv] = await Promise.all([
      crm("touches", "list", "--all", "--records", "1", "--json"),
      crm("touches", "list", "--json"),
      crm("touches", "list", "--output", "json"),
      crm("touches", "list", "--all", "--records", "2", "--output", "csv")
    ])
    expect(ndjson.code).toBe(0)
    const records = ndjson.stdout.split("\n").map((line) => JSON.parse(line) as { subject: string })
    expect(records.map((touch) => touch.subject)).toEqual(
      expect.arrayContaining(["Pipe one", "Pipe, two", "Pipe \"three\""])
    )
    expect(ndjson.stderr).toMatch(/^fetched 1 of \d+$/m)
    expect(output.stdout).toBe(asJson.stdout)
    const [header, ...rows] = csv.stdout.split("\n")
    expect(header!.split(",")).toEqual(expect.arrayContaining(["uniqueId", "subject"]))
    expect(rows).toContain(rows.find((row) => row.includes("\"Pipe, two\"")))
    expect(rows.some((row) => row.includes("\"Pipe \"\"three\"\"\""))).toBe(true)
  })

  it("answers the same whether a command line is read directly or by @effect/cli", async () => {
    // `--records=2` is left to @effect/cli (DirectRun reads no `=`); `--records 2` is read directly.
    expect(DirectRun.parse(["touches", "list", "--records=2", "--json"], actions)).toBeUndefined()
    expect(DirectRun.parse(["touches", "list", "--records", "2", "--json"], actions)).toBeDefined()
    const [direct, effectCli] = await Promise.all([
      crm("touches", "list", "--records", "2", "--json"),
      crm("touches", "list", "--records=2", "--json")
    ])
    expect(direct.code).toBe(0)
    expect(JSON.parse(direct.stdout).data).toHaveLength(2)
    expect(direct).toEqual(effectCli)
    // A record's own ANSI codes are taken out on both paths when stdout is no colour terminal.
    expect((await crm("touches", "create", "--subject", "\u001b[31mRed touch\u001b[0m", "--touch-type", "call")).code)
      .toBe(0)
    const [directTable, effectCliTable] = await Promise.all([
      crm("touches", "list", "--records", "100"),
      crm("touches", "list", "--records=100")
    ])
    expect(directTable.stdout).toContain("Red touch")
    expect(directTable.stdout).not.toContain("\u001b")
    expect(directTable).toEqual(effectCliTable)
    const [directCsv, effectCliCsv] = await Promise.all([
      crm("touches", "list", "--output", "csv", "--records", "2"),
      crm("touches", "list", "--output=csv", "--records", "2")
    ])
    expect(directCsv.stdout.split("\n")).toHaveLength(3)
    expect(directCsv).toEqual(effectCliCsv)
  })

  it("checks a whole request as the SDK does: an update with no attribute is refused with exit 2", async () => {
    const refused = await crm("touches", "update", "some-touch")
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe(
      "Error: Invalid input for touches.update: (input): give at least one attribute to update"
    )
  })
})

describe("command lines read without @effect/cli (DirectRun)", () => {
  const parse = (...args: ReadonlyArray<string>) => DirectRun.parse(args, actions)

  it("reads a clean line: the action, typed values by the field's schema, the built-in flags", () => {
    const list = parse("leads", "list-for-account", "acc-1", "--page", "2", "--json", "--api-url", "http://127.0.0.1:1")
    expect(list?.action.operation).toBe("leads.list-for-account")
    const values = Object.fromEntries(
      list!.action.inputs.map((input, i) => [input.flag, list!.invocation.values[i]] as const)
    )
    expect(values).toMatchObject({ accountId: "acc-1", page: 2 })
    expect(parse("leads", "follows", "list", "lead-1")?.action.operation).toBe("leads.follows.list")
    expect(list!.invocation.format).toBe("json")
    expect(list!.invocation.connection.apiUrl).toEqual(Option.some("http://127.0.0.1:1"))
    const create = parse("leads", "create", "--name", "Ada", "--output", "csv", "--token", "tok")
    expect(create?.invocation.format).toBe("csv")
    expect(create!.invocation.connection.token.pipe(Option.map(Redacted.value))).toEqual(Option.some("tok"))
  })

  it("leaves to @effect/cli every line it might read otherwise, so mistakes keep @effect/cli's messages", () => {
    const refused: ReadonlyArray<ReadonlyArray<string>> = [
      ["leads", "list", "--nope", "1"],
      ["leads", "list", "--page", "1", "--page", "2"],
      ["leads", "list", "--page=1"],
      ["leads", "list", "--page", "one"],
      ["leads", "list", "--page", "-1"],
      ["leads", "list", "--json", "true"],
      ["leads", "list", "--output", "yaml"],
      ["leads", "list", "extra"],
      ["leads", "get"],
      ["leads", "create", "--json"],
      ["leads", "list", "--log-level", "debug"],
      ["leads", "nothing"]
    ]
    for (const line of refused) expect(parse(...line), line.join(" ")).toBeUndefined()
  })
})

describe("table output", () => {
  it("aligns columns, right-aligns numbers, prints dates as ISO 8601 and leaves out what does not fit", () => {
    const rows = [
      { name: "Acme", value: 5, at: new Date("2026-01-10T10:30:00Z") },
      { name: "Globex Corporation", value: 12_500, at: undefined }
    ]
    const columns: ReadonlyArray<Output.Column<(typeof rows)[number]>> = [
      { header: "NAME", value: (r) => r.name },
      { header: "VALUE", value: (r) => r.value, align: "right" },
      { header: "AT", value: (r) => r.at }
    ]
    expect(Output.table(rows, columns).split("\n")).toEqual([
      "NAME                VALUE  AT",
      "Acme                    5  2026-01-10T10:30:00.000Z",
      "Globex Corporation  12500"
    ])
    expect(Output.table(rows, columns, 30).split("\n")).toEqual([
      "NAME                VALUE",
      "Acme                    5",
      "Globex Corporation  12500"
    ])
  })
})
