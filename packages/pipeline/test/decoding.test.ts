/**
 * The pipeline services decode the reference's documented responses (test/fixtures, verbatim from
 * crm-leads.md and crm-opportunities.md) into the camelCase models, and send the documented request
 * bodies. A loopback fixture server answers; nothing is mocked below the HTTP layer.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { API_KEY, connect, expectTag, fixtureText, make, TOKEN } from "./support/FixtureServer.js"

const at = (iso: string) => new Date(iso)

/** The lead every lead example describes (lead-uuid-123). */
const enterpriseDeal = {
  uniqueId: "lead-uuid-123",
  name: "Enterprise Deal",
  source: "website",
  accountId: "account-uuid-456",
  contactId: "contact-uuid-789",
  value: 50000,
  stage: "qualified",
  probability: 40,
  status: "active",
  createdAt: at("2026-01-10T10:30:00Z"),
  updatedAt: at("2026-01-10T10:30:00Z")
}

const softwareLicense = {
  uniqueId: "opp-uuid-123",
  name: "Enterprise Software License",
  accountId: "account-uuid-456",
  value: 120000,
  stage: "proposal",
  closeDate: "2026-06-30",
  probability: 60,
  status: "active",
  createdAt: at("2026-01-10T10:30:00Z"),
  updatedAt: at("2026-01-10T10:30:00Z")
}

describe("leads: documented responses decode", () => {
  it.scopedLive("GET /leads/ → a page of Lead with meta totalPages 3 / totalRecords 38", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("GET", "/leads/?page=1&records=20", { body: fixtureText("leads-list") })
      const { leads } = yield* connect(server)
      const page = yield* leads.list({ page: 1, records: 20 })
      expect(page).toStrictEqual({ data: [enterpriseDeal], meta: { totalPages: 3, totalRecords: 38 } })
      expect(page.data[0]?.createdAt).toBeInstanceOf(Date)
      expect(page.data[0]?.createdAt.toISOString()).toBe("2026-01-10T10:30:00.000Z")

      const [request] = server.requests
      expect(request?.method).toBe("GET")
      expect(request?.headers["authorization"]).toBe(`Bearer ${TOKEN}`)
      expect(request?.headers["appid"]).toBe(API_KEY)
    }))

  it.scopedLive("GET /leads/:id → Lead (relationships are read past, not into the model)", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("GET", "/leads/lead-uuid-123", { body: fixtureText("lead-get") })
      const { leads } = yield* connect(server)
      expect(yield* leads.get("lead-uuid-123")).toStrictEqual(enterpriseDeal)
    }))

  it.scopedLive("POST /leads/ sends the documented body and decodes the 201 (no updated_at → no updatedAt)", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("POST", "/leads/", { status: 201, body: fixtureText("lead-create") })
      const { leads } = yield* connect(server)
      const created = yield* leads.create({
        name: "New Enterprise Deal",
        source: "referral",
        accountId: "account-uuid-456",
        contactId: "contact-uuid-789",
        value: 75000,
        stage: "new",
        probability: 20
      })
      expect(created).toStrictEqual({
        uniqueId: "lead-uuid-456",
        name: "New Enterprise Deal",
        source: "referral",
        accountId: "account-uuid-456",
        contactId: "contact-uuid-789",
        value: 75000,
        stage: "new",
        probability: 20,
        status: "active",
        createdAt: at("2026-01-12T10:30:00Z")
      })
      expect("updatedAt" in created).toBe(false)
      const [request] = server.requests
      expect(request?.headers["content-type"]).toBe("application/json")
      // The body is the reference's request example, key for key.
      expect(JSON.parse(request?.body ?? "")).toEqual({
        lead: {
          name: "New Enterprise Deal",
          source: "referral",
          account_id: "account-uuid-456",
          contact_id: "contact-uuid-789",
          value: 75000,
          stage: "new",
          probability: 20
        }
      })
    }))

  it.scopedLive("PUT /leads/:id/ → the sparse echo decodes to UpdatedLead with only the echoed fields", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("PUT", "/leads/lead-uuid-123/", { body: fixtureText("lead-update") })
      const { leads } = yield* connect(server)
      const updated = yield* leads.update("lead-uuid-123", { stage: "proposal", probability: 60, value: 65000 })
      expect(updated).toStrictEqual({
        uniqueId: "lead-uuid-123",
        stage: "proposal",
        probability: 60,
        value: 65000,
        updatedAt: at("2026-01-12T14:00:00Z")
      })
      expect(Object.keys(updated).sort()).toEqual(["probability", "stage", "uniqueId", "updatedAt", "value"])
      expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({
        lead: { stage: "proposal", probability: 60, value: 65000 }
      })
    }))

  it.scopedLive("DELETE /leads/:id/ → 204 decodes to void; a documented 404 body → NotFound with its errors", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("DELETE", "/leads/lead-uuid-123/", { status: 204 })
      server.route("GET", "/leads/lead-uuid-999", { status: 404, body: fixtureText("lead-not-found") })
      const { leads } = yield* connect(server)
      expect(yield* leads.delete("lead-uuid-123")).toBeUndefined()
      const notFound = expectTag(yield* Effect.flip(leads.get("lead-uuid-999")), "NotFound")
      expect(notFound.status).toBe(404)
      expect(notFound.errors).toEqual([
        { status: "404", code: "not_found", title: "Lead Not Found", detail: "The requested lead could not be found." }
      ])
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        "DELETE /leads/lead-uuid-123/",
        "GET /leads/lead-uuid-999"
      ])
    }))
})

describe("lead follow-ups: documented responses decode", () => {
  const sendProposal = {
    uniqueId: "follow-uuid-123",
    title: "Send proposal document",
    description: "Prepare and send the Q2 proposal",
    dueDate: at("2026-02-28T17:00:00Z"),
    status: "pending",
    createdAt: at("2026-01-15T10:30:00Z")
  }

  it.scopedLive("list, get, create and update follow-ups", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("GET", "/leads/lead-uuid-123/follows", { body: fixtureText("lead-follows-list") })
      server.route("GET", "/leads/lead-uuid-123/follows/follow-uuid-123", { body: fixtureText("lead-follow-get") })
      server.route("POST", "/leads/lead-uuid-123/follows", { status: 201, body: fixtureText("lead-follow-create") })
      server.route("PUT", "/leads/lead-uuid-123/follows/follow-uuid-123", { body: fixtureText("lead-follow-update") })
      const { follows } = yield* connect(server)

      const listed = yield* follows.list("lead-uuid-123")
      expect(listed).toStrictEqual([sendProposal])
      expect(listed[0]?.dueDate).toBeInstanceOf(Date)
      expect(yield* follows.get("lead-uuid-123", "follow-uuid-123")).toStrictEqual(sendProposal)

      const created = yield* follows.create("lead-uuid-123", {
        title: "Schedule demo call",
        description: "Set up product demo with technical team",
        dueDate: at("2026-03-05T14:00:00Z")
      })
      expect(created).toStrictEqual({
        uniqueId: "follow-uuid-456",
        title: "Schedule demo call",
        description: "Set up product demo with technical team",
        dueDate: at("2026-03-05T14:00:00Z"),
        status: "pending",
        createdAt: at("2026-02-15T10:30:00Z")
      })
      expect(JSON.parse(server.requests[2]?.body ?? "")).toEqual({
        follow: {
          title: "Schedule demo call",
          description: "Set up product demo with technical team",
          due_date: "2026-03-05T14:00:00Z"
        }
      })

      const updated = yield* follows.update("lead-uuid-123", "follow-uuid-123", {
        status: "completed",
        description: "Proposal sent and received"
      })
      expect(updated).toStrictEqual({
        uniqueId: "follow-uuid-123",
        status: "completed",
        description: "Proposal sent and received",
        updatedAt: at("2026-02-15T14:00:00Z")
      })
      expect(JSON.parse(server.requests[3]?.body ?? "")).toEqual({
        follow: { status: "completed", description: "Proposal sent and received" }
      })
    }))
})

describe("opportunities: documented responses decode", () => {
  it.scopedLive("GET /opportunities/ → a page with meta totalPages 2 / totalRecords 24; close_date stays a date string", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("GET", "/opportunities/?page=1&records=20", { body: fixtureText("opportunities-list") })
      server.route("GET", "/opportunities/opp-uuid-123", { body: fixtureText("opportunity-get") })
      const { opportunities } = yield* connect(server)
      const page = yield* opportunities.list({ page: 1, records: 20 })
      expect(page).toStrictEqual({ data: [softwareLicense], meta: { totalPages: 2, totalRecords: 24 } })
      expect(yield* opportunities.get("opp-uuid-123")).toStrictEqual(softwareLicense)
    }))

  it.scopedLive("create sends the documented body and decodes the 201; update decodes the sparse echo", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("POST", "/opportunities/", { status: 201, body: fixtureText("opportunity-create") })
      server.route("PUT", "/opportunities/opp-uuid-123/", { body: fixtureText("opportunity-update") })
      server.route("GET", "/opportunities/opp-uuid-000", { status: 404, body: fixtureText("opportunity-not-found") })
      const { opportunities } = yield* connect(server)

      const created = yield* opportunities.create({
        name: "Enterprise Software License",
        accountId: "account-uuid-456",
        value: 120000,
        stage: "discovery",
        closeDate: "2026-06-30",
        probability: 30
      })
      expect(created).toStrictEqual({
        uniqueId: "opp-uuid-456",
        name: "Enterprise Software License",
        accountId: "account-uuid-456",
        value: 120000,
        stage: "discovery",
        closeDate: "2026-06-30",
        probability: 30,
        status: "active",
        createdAt: at("2026-01-12T10:30:00Z")
      })
      // The body is the reference's request example, key for key.
      expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({
        opportunity: {
          name: "Enterprise Software License",
          account_id: "account-uuid-456",
          value: 120000,
          stage: "discovery",
          close_date: "2026-06-30",
          probability: 30
        }
      })

      const updated = yield* opportunities.update("opp-uuid-123", {
        stage: "negotiation",
        probability: 80,
        value: 135000
      })
      expect(updated).toStrictEqual({
        uniqueId: "opp-uuid-123",
        stage: "negotiation",
        probability: 80,
        value: 135000,
        updatedAt: at("2026-01-12T14:00:00Z")
      })

      const notFound = expectTag(yield* Effect.flip(opportunities.get("opp-uuid-000")), "NotFound")
      expect(notFound.errors[0]?.title).toBe("Opportunity Not Found")
    }))
})
