/**
 * Inputs the API would reject are refused by the services before a request is made: InvalidInput
 * with the operation and every problem's path, and zero requests at the fixture server.
 */
import type { CrmError } from "@blocks-crm/core-http"
import type { CreateLeadRequest, CreateTouchRequest, LeadStage, UpdateLeadRequest } from "@blocks-crm/pipeline"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { connect, expectTag, fixtureText, make } from "./support/FixtureServer.js"

/** Runs `call`, expects InvalidInput, and returns the distinct issue paths (sorted) and the operation. */
const refused = <A>(call: Effect.Effect<A, CrmError.CrmError>) =>
  Effect.map(Effect.flip(call), (error) => {
    const invalid = expectTag(error, "InvalidInput")
    return {
      operation: invalid.operation,
      paths: [...new Set(invalid.issues.map((issue) => issue.path))].sort(),
      messages: invalid.issues.map((issue) => issue.message),
      message: invalid.message
    }
  })

describe("InvalidInput before sending", () => {
  it.scopedLive("probability 101, a blank name, a bad close_date and empty updates are refused; nothing is sent", () =>
    Effect.gen(function*() {
      const server = yield* make
      const crm = yield* connect(server)

      const probability = yield* refused(crm.leads.create({ name: "Deal", probability: 101 }))
      expect(probability).toMatchObject({ operation: "leads.create", paths: ["probability"] })
      expect(probability.messages.join(" ")).toContain("101")

      const blank = yield* refused(crm.leads.create({ name: "   " }))
      expect(blank).toMatchObject({ operation: "leads.create", paths: ["name"], messages: ["must not be blank"] })

      const missingName = yield* refused(crm.leads.create({ source: "website" } as unknown as CreateLeadRequest))
      expect(missingName.paths).toEqual(["name"])

      const fractional = yield* refused(crm.opportunities.create({ name: "Deal", probability: 33.5 }))
      expect(fractional.paths).toEqual(["probability"])

      const closeDate = yield* refused(crm.opportunities.create({ name: "Deal", closeDate: "2026-13-01" }))
      expect(closeDate).toMatchObject({ operation: "opportunities.create", paths: ["closeDate"] })
      expect(closeDate.messages[0]).toContain("2026-13-01")
      const notADay = yield* refused(crm.opportunities.create({ name: "Deal", closeDate: "2026-02-30" }))
      expect(notADay.paths).toEqual(["closeDate"])

      const negative = yield* refused(crm.leads.create({ name: "Deal", value: -1 }))
      expect(negative.paths).toEqual(["value"])

      const several = yield* refused(
        crm.touches.create({ subject: " ", touchType: "fax" } as unknown as CreateTouchRequest)
      )
      expect(several).toMatchObject({ operation: "touches.create", paths: ["subject", "touchType"] })

      const emptyLeadUpdate = yield* refused(crm.leads.update("lead-uuid-123", {}))
      expect(emptyLeadUpdate).toMatchObject({
        operation: "leads.update",
        paths: [""],
        messages: ["give at least one attribute to update"]
      })
      // Properties set to undefined count as not given.
      const undefinedOnly = yield* refused(
        crm.leads.update("lead-uuid-123", { stage: undefined } as unknown as UpdateLeadRequest)
      )
      expect(undefinedOnly.operation).toBe("leads.update")
      expect((yield* refused(crm.opportunities.update("opp-uuid-123", {}))).operation).toBe("opportunities.update")
      expect((yield* refused(crm.follows.update("lead-uuid-123", "follow-uuid-123", {}))).operation).toBe(
        "leadFollows.update"
      )
      expect((yield* refused(crm.quotes.update("q-1", {}))).operation).toBe("quotes.update")

      // A stage a newer API's response may carry is kept when read, but a request takes only the
      // known ones: the value read back is narrowed (a type error otherwise), or refused here.
      const newerStage = "nurturing" as string as LeadStage
      const unknownStage = yield* refused(crm.leads.update("lead-uuid-123", { stage: newerStage }))
      expect(unknownStage).toMatchObject({ operation: "leads.update", paths: ["stage"] })
      expect(unknownStage.messages[0]).toContain("\"nurturing\"")

      const blankTitle = yield* refused(crm.follows.create("lead-uuid-123", { title: "" }))
      expect(blankTitle).toMatchObject({ operation: "leadFollows.create", paths: ["title"] })

      const badId = yield* refused(crm.leads.get("lead/../../admin"))
      expect(badId.operation).toBe("leads.get")
      expect((yield* refused(crm.follows.get("lead-uuid-123", ""))).paths).toEqual(["followId"])
      expect((yield* refused(crm.leads.list({ records: 0 }))).paths).toEqual(["records"])
      expect((yield* refused(crm.leads.list({ page: 1.5 }))).paths).toEqual(["page"])
      expect((yield* refused(crm.referrals.create({ referrerName: "Ada", referrerEmail: "not-an-email" }))).paths)
        .toEqual(["referrerEmail"])

      expect(server.requests).toEqual([])
    }))

  it.scopedLive("the reference's snake_case keys are refused, each pointed to its camelCase name; nothing is sent", () =>
    Effect.gen(function*() {
      const server = yield* make
      const crm = yield* connect(server)

      // What plain JavaScript passes after reading the reference's curl examples.
      const curlKeys = { name: "Deal", account_id: "a1", close_date: "2026-03-01" } as { name: string }
      const refusal = yield* refused(crm.opportunities.create(curlKeys))
      expect(refusal.message).toBe(
        "Invalid input for opportunities.create: account_id: unknown key: the SDK takes camelCase, use accountId; " +
          "close_date: unknown key: the SDK takes camelCase, use closeDate"
      )
      const unknown = yield* refused(crm.leads.update("lead-1", { stage: "qualified", colour: "red" } as {}))
      expect(unknown).toMatchObject({ operation: "leads.update", paths: ["colour"] })
      expect(unknown.messages[0]).toMatch(/^unknown key \(known: name, source, accountId, contactId, value, stage, /)
      const nested = yield* refused(crm.leads.list({ page: 1, per_page: 50 } as {}))
      expect(nested).toMatchObject({ operation: "leads.list", paths: ["per_page"] })
      expect(server.requests).toHaveLength(0)
    }))

  it.scopedLive("the same service sends once the input is valid (the refusals above are not a dead server)", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("POST", "/leads/", { status: 201, body: fixtureText("lead-create") })
      const crm = yield* connect(server)
      yield* refused(crm.leads.create({ name: "New Enterprise Deal", probability: 101 }))
      expect(server.requests).toHaveLength(0)
      const created = yield* crm.leads.create({ name: "New Enterprise Deal", probability: 20 })
      expect(created.uniqueId).toBe("lead-uuid-456")
      expect(server.requests).toHaveLength(1)
      expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({
        lead: { name: "New Enterprise Deal", probability: 20 }
      })
    }))
})
