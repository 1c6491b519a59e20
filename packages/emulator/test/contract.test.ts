/**
 * The emulator against the written contract: its generated /openapi.json (bearer AND an API key on
 * every operation) and /docs page, and the reference's own examples (test/fixtures/reference, copied
 * verbatim from crm-leads.md and crm-opportunities.md) sent with raw fetch — every documented attribute
 * must come back, with the values that were inputs echoed exactly.
 */
import { describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as TestEmulator from "./support/TestEmulator.js"
import type { RawResponse, WireDocument } from "./support/TestEmulator.js"
import { raw, uuid } from "./support/TestEmulator.js"

interface Operation {
  readonly security?: ReadonlyArray<Record<string, ReadonlyArray<string>>>
  readonly responses: Record<string, unknown>
}
interface Spec {
  readonly openapi: string
  readonly info: { readonly title: string }
  readonly paths: Record<string, Record<string, Operation>>
  readonly components: {
    readonly securitySchemes: Record<
      string,
      { readonly type: string; readonly name?: string; readonly in?: string; readonly scheme?: string }
    >
  }
}

layer(TestEmulator.layer(), { excludeTestServices: true })("OpenAPI and docs on the emulator", (it) => {
  it.effect("GET /openapi.json lists the pipeline paths, their statuses, and bearer AND an API key on each", () =>
    Effect.gen(function*() {
      const response = yield* raw<Spec>("GET", "/openapi.json", { apiKey: null, token: null })
      expect(response.status).toBe(200)
      expect(response.headers.get("content-type")).toContain("application/json")
      const spec = response.json
      expect(spec.openapi).toMatch(/^3\./)
      expect(spec.info.title).toBe("23blocks CRM Block API (emulator)")
      expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining([
        "/leads/",
        "/leads/trash/show",
        "/leads/{uniqueId}",
        "/leads/{uniqueId}/",
        "/leads/{uniqueId}/recover",
        "/leads/{leadId}/follows",
        "/leads/{leadId}/follows/{followId}",
        "/opportunities/",
        "/opportunities/{uniqueId}/recover",
        "/opportunities/trash/show",
        "/quotes/{uniqueId}/recover",
        "/referrals/",
        "/touches/"
      ]))
      expect(Object.keys(spec.paths["/leads/"] ?? {}).sort()).toEqual(["get", "post"])
      expect(Object.keys(spec.paths["/opportunities/{uniqueId}/recover"] ?? {})).toEqual(["put"])
      expect(Object.keys(spec.paths["/leads/"]?.["post"]?.responses ?? {})).toEqual(
        expect.arrayContaining(["201", "401", "422"])
      )
      expect(Object.keys(spec.paths["/leads/{uniqueId}/"]?.["delete"]?.responses ?? {})).toEqual(
        expect.arrayContaining(["204", "401", "404"])
      )

      expect(spec.components.securitySchemes).toMatchObject({
        bearer: { type: "http", scheme: "bearer" },
        appId: { type: "apiKey", name: "AppId", in: "header" },
        xApiKey: { type: "apiKey", name: "X-Api-Key", in: "header" }
      })
      // Public by design: the key exchange, which the API key in its body authenticates; the ICS feed,
      // whose token is the permission; the Cal.com webhook, which Cal.com calls without credentials.
      const publicOperations = [
        "post /companies/{urlId}/exchange",
        "get /calendars/{companyUrlId}/ics/{token}",
        "post /calcom/{urlId}/webhook"
      ]
      const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, operation]) => ({ name: `${method} ${path}`, operation }))
      )
      expect(operations.length).toBeGreaterThanOrEqual(30)
      for (const { name, operation } of operations) {
        // Every alternative needs the bearer token and one API key.
        expect(operation.security, name).toEqual(
          publicOperations.includes(name) ? [] : [{ appId: [], bearer: [] }, { xApiKey: [], bearer: [] }]
        )
      }
    }))

  it.effect("GET /docs answers 200 with an HTML page", () =>
    Effect.gen(function*() {
      const response = yield* raw("GET", "/docs", { apiKey: null, token: null, headers: { accept: "text/html" } })
      expect(response.status).toBe(200)
      expect(response.headers.get("content-type")).toContain("text/html")
      expect(response.text.toLowerCase()).toContain("<html")
      expect(response.text).toContain("swagger")
    }))
})

const fixture = <A>(name: string): A =>
  JSON.parse(fs.readFileSync(new URL(`./fixtures/reference/${name}.json`, import.meta.url), "utf8")) as A

type RequestBody = Record<string, Record<string, unknown>>

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

/**
 * The emulator's document matches the documented one: same status and type, every documented
 * attribute key present, and each attribute that was an input echoed with the documented value.
 */
const expectLikeReference = (
  response: RawResponse<WireDocument>,
  expectedStatus: number,
  documented: WireDocument,
  request: RequestBody
) => {
  expect(response.status, response.text).toBe(expectedStatus)
  const actual = response.json.data
  expect(actual.type).toBe(documented.data.type)
  expect(actual.id).toBe(actual.attributes["unique_id"])
  expect(Object.keys(actual.attributes)).toEqual(expect.arrayContaining(Object.keys(documented.data.attributes)))
  const inputs = Object.values(request)[0]!
  for (const [key, value] of Object.entries(inputs)) {
    expect(actual.attributes[key], key).toEqual(value)
    // The documented response shows the same value for every input.
    expect(documented.data.attributes[key], `documented ${key}`).toEqual(value)
  }
  for (const key of ["created_at", "updated_at"]) {
    if (key in documented.data.attributes) expect(actual.attributes[key], key).toMatch(isoDateTime)
  }
  return actual
}

layer(TestEmulator.layer(), { excludeTestServices: true })("the reference's examples against the emulator", (it) => {
  describe("crm-leads.md", () => {
    it.effect("lead create, lead update, follow create and follow update answer like the documented responses", () =>
      Effect.gen(function*() {
        const leadCreate = fixture<RequestBody>("lead-create.request")
        const created = yield* raw<WireDocument>("POST", "/leads/", { body: leadCreate })
        const lead = expectLikeReference(created, 201, fixture("lead-create.response"), leadCreate)
        expect(lead.id).toMatch(uuid)
        expect(lead.attributes["status"]).toBe("active")
        expect(Object.keys(lead.attributes).sort()).toEqual([
          "account_id",
          "contact_id",
          "created_at",
          "name",
          "probability",
          "source",
          "stage",
          "status",
          "unique_id",
          "updated_at",
          "value"
        ])

        // GET shows the relationships the reference documents for a lead with an account and a contact.
        const fetched = yield* raw<WireDocument>("GET", `/leads/${lead.id}`)
        expect(fetched.status).toBe(200)
        expect(fetched.json.data.relationships).toEqual(fixture<WireDocument>("lead-get.response").data.relationships)
        expect(Object.keys(fetched.json.data.attributes).sort()).toEqual(
          Object.keys(fixture<WireDocument>("lead-get.response").data.attributes).sort()
        )

        const leadUpdate = fixture<RequestBody>("lead-update.request")
        const updated = yield* raw<WireDocument>("PUT", `/leads/${lead.id}/`, { body: leadUpdate })
        const after = expectLikeReference(updated, 200, fixture("lead-update.response"), leadUpdate)
        expect(after.id).toBe(lead.id)
        expect(Date.parse(String(after.attributes["updated_at"]))).toBeGreaterThanOrEqual(
          Date.parse(String(lead.attributes["created_at"]))
        )

        const followCreate = fixture<RequestBody>("lead-follow-create.request")
        const followCreated = yield* raw<WireDocument>("POST", `/leads/${lead.id}/follows`, { body: followCreate })
        const follow = expectLikeReference(followCreated, 201, fixture("lead-follow-create.response"), followCreate)
        // Documented as "pending"; the emulator reads a pending follow-up past its due date as "overdue".
        const due = Date.parse(String(followCreate["follow"]!["due_date"]))
        expect(follow.attributes["status"]).toBe(due < Date.now() ? "overdue" : "pending")

        const followUpdate = fixture<RequestBody>("lead-follow-update.request")
        const followUpdated = yield* raw<WireDocument>("PUT", `/leads/${lead.id}/follows/${follow.id}`, {
          body: followUpdate
        })
        const updatedFollow = expectLikeReference(
          followUpdated,
          200,
          fixture("lead-follow-update.response"),
          followUpdate
        )
        expect(updatedFollow.id).toBe(follow.id)
        expect(updatedFollow.attributes["title"]).toBe("Schedule demo call")
      }))
  })

  describe("crm-opportunities.md", () => {
    it.effect("opportunity create and update answer like the documented responses", () =>
      Effect.gen(function*() {
        const create = fixture<RequestBody>("opportunity-create.request")
        const created = yield* raw<WireDocument>("POST", "/opportunities/", { body: create })
        const opportunity = expectLikeReference(created, 201, fixture("opportunity-create.response"), create)
        expect(opportunity.attributes["status"]).toBe("active")
        expect(opportunity.attributes["close_date"]).toBe("2026-06-30")

        const fetched = yield* raw<WireDocument>("GET", `/opportunities/${opportunity.id}`)
        expect(fetched.status).toBe(200)
        expect(fetched.json.data.relationships).toEqual(
          fixture<WireDocument>("opportunity-get.response").data.relationships
        )

        const update = fixture<RequestBody>("opportunity-update.request")
        const updated = yield* raw<WireDocument>("PUT", `/opportunities/${opportunity.id}/`, { body: update })
        const after = expectLikeReference(updated, 200, fixture("opportunity-update.response"), update)
        expect(after.id).toBe(opportunity.id)
        expect(after.attributes).toMatchObject({
          stage: "negotiation",
          probability: 80,
          value: 135000,
          name: "Enterprise Software License"
        })
      }))
  })
})
