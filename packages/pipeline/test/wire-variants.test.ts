/**
 * What the client makes of responses that differ from the documented examples: a required attribute
 * missing, Rails-style decimal strings, nulls, unknown enum values, a wrong resource type, a body that
 * is not JSON. Each variant is derived from a verbatim fixture by changing one thing.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { connect, expectTag, fixtureJson, make } from "./support/FixtureServer.js"

describe("responses that break the contract fail with UnexpectedResponse naming the path", () => {
  it.scopedLive("a lead without \"name\" → data.attributes.name; in a list → data[0].attributes.name", () =>
    Effect.gen(function*() {
      const server = yield* make
      const single = fixtureJson("lead-get")
      delete single.data.attributes.name
      const list = fixtureJson("leads-list")
      delete list.data[0].attributes.name
      server.route("GET", "/leads/lead-uuid-123", { body: single })
      server.route("GET", "/leads/", { body: list })
      const { leads } = yield* connect(server)

      const error = expectTag(yield* Effect.flip(leads.get("lead-uuid-123")), "UnexpectedResponse")
      expect(error.path).toBe("data.attributes.name")
      expect(error.status).toBe(200)
      expect(error.method).toBe("GET")
      expect(error.url).toBe(`${server.url}/leads/lead-uuid-123`)
      expect(error.reason).toMatch(/missing/i)
      expect(error.bodyExcerpt).toContain("\"unique_id\":\"lead-uuid-123\"")

      const listError = expectTag(yield* Effect.flip(leads.list()), "UnexpectedResponse")
      expect(listError.path).toBe("data[0].attributes.name")
      // A decode failure is not transient: one request each.
      expect(server.requests).toHaveLength(2)
    }))

  it.scopedLive("an enum value that is not a string fails with its path (stage, status, follow status)", () =>
    Effect.gen(function*() {
      const server = yield* make
      const badStage = fixtureJson("lead-get")
      badStage.data.attributes.stage = 3
      const badStatus = fixtureJson("opportunity-get")
      badStatus.data.attributes.status = { name: "archived" }
      const badFollow = fixtureJson("lead-follows-list")
      badFollow.data[0].attributes.status = true
      server.route("GET", "/leads/lead-uuid-123", { body: badStage })
      server.route("GET", "/opportunities/opp-uuid-123", { body: badStatus })
      server.route("GET", "/leads/lead-uuid-123/follows", { body: badFollow })
      const { follows, leads, opportunities } = yield* connect(server)

      const stage = expectTag(yield* Effect.flip(leads.get("lead-uuid-123")), "UnexpectedResponse")
      expect(stage.path).toBe("data.attributes.stage")
      expect(stage.reason).toBe("Expected string, actual 3")
      const status = expectTag(yield* Effect.flip(opportunities.get("opp-uuid-123")), "UnexpectedResponse")
      expect(status.path).toBe("data.attributes.status")
      expect(status.reason).toContain("Expected string")
      const follow = expectTag(yield* Effect.flip(follows.list("lead-uuid-123")), "UnexpectedResponse")
      expect(follow.path).toBe("data[0].attributes.status")
    }))

  it.scopedLive("a wrong resource type, a bad timestamp, an out-of-range probability, a missing meta", () =>
    Effect.gen(function*() {
      const server = yield* make
      const wrongType = fixtureJson("lead-get")
      wrongType.data.type = "opportunity"
      const badTime = fixtureJson("opportunity-get")
      badTime.data.attributes.created_at = "yesterday"
      const badProbability = fixtureJson("lead-update")
      badProbability.data.attributes.probability = 140
      const noMeta = fixtureJson("opportunities-list")
      delete noMeta.meta
      server.route("GET", "/leads/lead-uuid-123", { body: wrongType })
      server.route("GET", "/opportunities/opp-uuid-123", { body: badTime })
      server.route("PUT", "/leads/lead-uuid-123/", { body: badProbability })
      server.route("GET", "/opportunities/", { body: noMeta })
      const { leads, opportunities } = yield* connect(server)

      expect(expectTag(yield* Effect.flip(leads.get("lead-uuid-123")), "UnexpectedResponse").path).toBe("data.type")
      const time = expectTag(yield* Effect.flip(opportunities.get("opp-uuid-123")), "UnexpectedResponse")
      expect(time.path).toBe("data.attributes.created_at")
      expect(time.reason).toContain("\"yesterday\"")
      const probability = expectTag(
        yield* Effect.flip(leads.update("lead-uuid-123", { stage: "proposal" })),
        "UnexpectedResponse"
      )
      expect(probability.path).toBe("data.attributes.probability")
      expect(expectTag(yield* Effect.flip(opportunities.list()), "UnexpectedResponse").path).toBe("meta")
    }))

  it.scopedLive("a body that is not JSON reports what came instead, with no path", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("GET", "/leads/", { body: "<html><body>Bad Gateway</body></html>", contentType: "text/html" })
      const { leads } = yield* connect(server)
      const error = expectTag(yield* Effect.flip(leads.list()), "UnexpectedResponse")
      expect(error.path).toBeUndefined()
      expect(error.contentType).toBe("text/html")
      expect(error.bodyExcerpt).toBe("<html><body>Bad Gateway</body></html>")
      expect(error.reason).toContain("expected JSON")
    }))
})

describe("tolerated wire forms decode without defaults", () => {
  it.scopedLive("Rails-style decimal strings decode to numbers: \"50000.0\" → 50000", () =>
    Effect.gen(function*() {
      const server = yield* make
      const lead = fixtureJson("lead-get")
      lead.data.attributes.value = "50000.0"
      const opportunities = fixtureJson("opportunities-list")
      opportunities.data[0].attributes.value = "120000.50"
      server.route("GET", "/leads/lead-uuid-123", { body: lead })
      server.route("GET", "/opportunities/", { body: opportunities })
      const crm = yield* connect(server)
      const decoded = yield* crm.leads.get("lead-uuid-123")
      expect(decoded.value).toBe(50000)
      expect(typeof decoded.value).toBe("number")
      expect((yield* crm.opportunities.list()).data[0]?.value).toBe(120000.5)
    }))

  it.scopedLive("a decimal string that is not a number still fails, with its path", () =>
    Effect.gen(function*() {
      const server = yield* make
      const lead = fixtureJson("lead-get")
      lead.data.attributes.value = "fifty thousand"
      server.route("GET", "/leads/lead-uuid-123", { body: lead })
      const { leads } = yield* connect(server)
      expect(expectTag(yield* Effect.flip(leads.get("lead-uuid-123")), "UnexpectedResponse").path).toBe(
        "data.attributes.value"
      )
    }))

  it.scopedLive("null optional attributes decode as absent, never as defaults", () =>
    Effect.gen(function*() {
      const server = yield* make
      const lead = fixtureJson("lead-get")
      for (const key of ["source", "account_id", "contact_id", "value", "stage", "probability", "updated_at"]) {
        lead.data.attributes[key] = null
      }
      lead.data.relationships.account.data = null
      const follow = fixtureJson("lead-follow-get")
      follow.data.attributes.description = null
      follow.data.attributes.due_date = null
      const opportunity = fixtureJson("opportunity-get")
      opportunity.data.attributes.close_date = null
      server.route("GET", "/leads/lead-uuid-123", { body: lead })
      server.route("GET", "/leads/lead-uuid-123/follows/follow-uuid-123", { body: follow })
      server.route("GET", "/opportunities/opp-uuid-123", { body: opportunity })
      const crm = yield* connect(server)

      expect(yield* crm.leads.get("lead-uuid-123")).toStrictEqual({
        uniqueId: "lead-uuid-123",
        name: "Enterprise Deal",
        status: "active",
        createdAt: new Date("2026-01-10T10:30:00Z")
      })
      expect(yield* crm.follows.get("lead-uuid-123", "follow-uuid-123")).toStrictEqual({
        uniqueId: "follow-uuid-123",
        title: "Send proposal document",
        status: "pending",
        createdAt: new Date("2026-01-15T10:30:00Z")
      })
      const decoded = yield* crm.opportunities.get("opp-uuid-123")
      expect("closeDate" in decoded).toBe(false)
      expect(decoded.probability).toBe(60)
    }))

  it.scopedLive("a required attribute sent as null is still an error (null is not a name)", () =>
    Effect.gen(function*() {
      const server = yield* make
      const lead = fixtureJson("lead-get")
      lead.data.attributes.name = null
      server.route("GET", "/leads/lead-uuid-123", { body: lead })
      const { leads } = yield* connect(server)
      expect(expectTag(yield* Effect.flip(leads.get("lead-uuid-123")), "UnexpectedResponse").path).toBe(
        "data.attributes.name"
      )
    }))

  it.scopedLive("the live API's snake_case meta decodes to the same PageMeta, with page and records", () =>
    Effect.gen(function*() {
      const server = yield* make
      const list = fixtureJson("leads-list")
      list.meta = { total_pages: 3, total_count: 38, current_page: 2, per_page: 15 }
      server.route("GET", "/leads/?page=2", { body: list })
      const { leads } = yield* connect(server)
      expect((yield* leads.list({ page: 2 })).meta).toStrictEqual({
        totalPages: 3,
        totalRecords: 38,
        page: 2,
        records: 15
      })
    }))
})
