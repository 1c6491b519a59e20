/**
 * Every pipeline endpoint through its service (LeadsService, LeadFollowsService, OpportunitiesService,
 * QuotesService, ReferralsService, TouchesService) against the emulator over loopback HTTP, plus raw
 * fetch where the status code itself is the point (201 on create, 204 on delete). Leads and the deal
 * resources each get their own emulator, so their listings start empty.
 */
import { describe, expect, layer } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as TestEmulator from "../support/TestEmulator.js"
import type { WireDocument } from "../support/TestEmulator.js"
import { connect, expectTag, raw, uuid } from "../support/TestEmulator.js"

const inOneHour = () => new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000)

layer(TestEmulator.layer(), { excludeTestServices: true })("pipeline leads on the emulator", (it) => {
  describe("LeadsService", () => {
    it.effect("create returns the lead with every value sent, a new uuid, status active and Date timestamps", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const before = Date.now()
        const created = yield* crm.leads.create({
          name: "Acme Expansion",
          source: "website",
          accountId: "account-uuid-456",
          contactId: "contact-uuid-789",
          value: 50000.5,
          stage: "qualified",
          probability: 40
        })
        expect(created).toStrictEqual({
          uniqueId: created.uniqueId,
          name: "Acme Expansion",
          source: "website",
          accountId: "account-uuid-456",
          contactId: "contact-uuid-789",
          value: 50000.5,
          stage: "qualified",
          probability: 40,
          status: "active",
          createdAt: created.createdAt,
          updatedAt: created.createdAt
        })
        expect(created.uniqueId).toMatch(uuid)
        expect(created.createdAt).toBeInstanceOf(Date)
        expect(created.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1)
        expect(created.createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1)
        // One POST, with an Idempotency-Key so that it may be retried.
        expect(crm.sent).toEqual([{
          method: "POST",
          path: "/leads/",
          query: {},
          idempotencyKey: expect.stringMatching(uuid)
        }])
      }))

    it.effect("a lead created with only a name has no optional attributes at all", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const created = yield* crm.leads.create({ name: "Bare Lead" })
        expect(Object.keys(created).sort()).toEqual(["createdAt", "name", "status", "uniqueId", "updatedAt"])
        expect(yield* crm.leads.get(created.uniqueId)).toStrictEqual(created)
      }))

    it.effect("get returns the stored lead; an unknown id fails with NotFound 404 \"Lead Not Found\"", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const created = yield* crm.leads.create({ name: "Globex Renewal", stage: "new", probability: 10 })
        const fetched = yield* crm.leads.get(created.uniqueId)
        expect(fetched).toStrictEqual(created)
        expect(fetched.createdAt).toBeInstanceOf(Date)

        const error = expectTag(yield* Effect.flip(crm.leads.get("lead-does-not-exist")), "NotFound")
        expect(error.status).toBe(404)
        expect(error.method).toBe("GET")
        expect(error.url).toBe(`${crm.info.url}/leads/lead-does-not-exist`)
        expect(error.errors).toEqual([
          {
            status: "404",
            code: "not_found",
            title: "Lead Not Found",
            detail: "The requested lead could not be found."
          }
        ])
      }))

    it.effect("list pages the tenant's leads oldest first, with meta", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const before = yield* crm.leads.list()
        const a = yield* crm.leads.create({ name: "List Probe A" })
        const b = yield* crm.leads.create({ name: "List Probe B" })
        const total = before.meta.totalRecords + 2
        const all = yield* crm.leads.list({ records: 100 })
        expect(all.meta).toEqual({ totalPages: 1, totalRecords: total, page: 1, records: 100 })
        expect(all.data.slice(-2)).toStrictEqual([a, b])
        const lastPage = yield* crm.leads.list({ page: total, records: 1 })
        expect(lastPage.data).toStrictEqual([b])
        expect(lastPage.meta).toEqual({ totalPages: total, totalRecords: total, page: total, records: 1 })
        expect(crm.sent.at(-1)).toEqual({
          method: "GET",
          path: "/leads/",
          query: { page: String(total), records: "1" },
          idempotencyKey: undefined
        })
      }))

    it.effect("update echoes the changed attributes, keeps the rest, and moves updatedAt", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const created = yield* crm.leads.create({
          name: "Initech Pilot",
          source: "referral",
          value: 75000,
          stage: "new",
          probability: 20
        })
        yield* Effect.sleep("5 millis")
        const updated = yield* crm.leads.update(created.uniqueId, { stage: "proposal", probability: 60, value: 65000 })
        expect(updated).toMatchObject({ uniqueId: created.uniqueId, stage: "proposal", probability: 60, value: 65000 })
        expect(updated.updatedAt).toBeInstanceOf(Date)
        expect(updated.updatedAt!.getTime()).toBeGreaterThan(created.createdAt.getTime())

        const fetched = yield* crm.leads.get(created.uniqueId)
        expect(fetched).toStrictEqual({
          ...created,
          stage: "proposal",
          probability: 60,
          value: 65000,
          updatedAt: updated.updatedAt
        })
        const renamed = yield* crm.leads.update(created.uniqueId, { name: "Initech Rollout", status: "converted" })
        expect(renamed).toMatchObject({ name: "Initech Rollout", status: "converted", source: "referral" })

        const missing = expectTag(yield* Effect.flip(crm.leads.update("no-such-lead", { stage: "new" })), "NotFound")
        expect(missing.status).toBe(404)
        expect(missing.errors[0]?.title).toBe("Lead Not Found")
      }))

    it.effect("delete is a soft delete: get 404, listDeleted shows it, recover brings it back", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const created = yield* crm.leads.create({ name: "Umbrella Trial", stage: "contacted" })
        const liveBefore = (yield* crm.leads.list()).meta.totalRecords
        const trashBefore = (yield* crm.leads.listDeleted()).meta.totalRecords

        expect(yield* crm.leads.delete(created.uniqueId)).toBeUndefined()
        expect(expectTag(yield* Effect.flip(crm.leads.get(created.uniqueId)), "NotFound").status).toBe(404)
        expect((yield* crm.leads.list()).meta.totalRecords).toBe(liveBefore - 1)
        const trash = yield* crm.leads.listDeleted({ records: 100 })
        expect(trash.meta.totalRecords).toBe(trashBefore + 1)
        expect(trash.data.map((lead) => lead.uniqueId)).toContain(created.uniqueId)
        // Deleting twice: the live record is gone.
        expect(expectTag(yield* Effect.flip(crm.leads.delete(created.uniqueId)), "NotFound").status).toBe(404)

        const recovered = yield* crm.leads.recover(created.uniqueId)
        expect(recovered).toStrictEqual(created)
        expect(yield* crm.leads.get(created.uniqueId)).toStrictEqual(created)
        expect((yield* crm.leads.listDeleted()).meta.totalRecords).toBe(trashBefore)
        // Recovering a live lead: there is no deleted one.
        expect(expectTag(yield* Effect.flip(crm.leads.recover(created.uniqueId)), "NotFound").status).toBe(404)
      }))

    it.effect("search finds leads by a case-insensitive substring of the name", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const hit1 = yield* crm.leads.create({ name: "Zephyr Logistics" })
        const hit2 = yield* crm.leads.create({ name: "Big zephyrus deal" })
        yield* crm.leads.create({ name: "Unrelated Lead" })
        const found = yield* crm.leads.search("ZEPHYR")
        expect(found.data.map((lead) => lead.uniqueId)).toEqual([hit1.uniqueId, hit2.uniqueId])
        expect(found.meta).toMatchObject({ totalRecords: 2, totalPages: 1 })
        expect(crm.sent.at(-1)?.query).toEqual({ search: "ZEPHYR" })
        const none = yield* crm.leads.search("no lead has this text")
        expect(none.data).toEqual([])
        expect(none.meta).toMatchObject({ totalRecords: 0, totalPages: 0 })
      }))

    it.effect("stream yields every live lead of the tenant in order", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const listed = yield* crm.leads.list({ records: 1000 })
        const streamed = Chunk.toReadonlyArray(yield* Stream.runCollect(crm.leads.stream({ records: 3 })))
        expect(streamed).toStrictEqual(listed.data)
        expect(streamed.length).toBe(listed.meta.totalRecords)
      }))

    it.effect("raw HTTP: POST answers 201 with a lead document, GET/PUT 200, DELETE 204 with an empty body", () =>
      Effect.gen(function*() {
        const created = yield* raw<WireDocument>("POST", "/leads/", { body: { lead: { name: "Raw Lead", value: 10 } } })
        expect(created.status).toBe(201)
        expect(created.headers.get("content-type")).toContain("application/json")
        expect(created.json.data.type).toBe("lead")
        expect(created.json.data.id).toBe(created.json.data.attributes["unique_id"])
        expect(created.json.data.attributes).toMatchObject({ name: "Raw Lead", value: 10, status: "active" })
        const id = created.json.data.id

        expect((yield* raw("GET", `/leads/${id}`)).status).toBe(200)
        expect((yield* raw("PUT", `/leads/${id}/`, { body: { lead: { stage: "negotiation" } } })).status).toBe(200)
        const deleted = yield* raw("DELETE", `/leads/${id}/`)
        expect(deleted.status).toBe(204)
        expect(deleted.text).toBe("")
        expect((yield* raw("GET", `/leads/${id}`)).status).toBe(404)
        expect((yield* raw("PUT", `/leads/${id}/recover`)).status).toBe(200)
      }))
  })

  describe("LeadFollowsService", () => {
    it.effect("create, list, get, update and delete follow-ups of a lead", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const lead = yield* crm.leads.create({ name: "Follow-up Host" })
        const otherLead = yield* crm.leads.create({ name: "Other Host" })
        const due = inOneHour()

        const first = yield* crm.follows.create(lead.uniqueId, {
          title: "Schedule demo call",
          description: "Set up product demo with technical team",
          dueDate: due
        })
        expect(first).toStrictEqual({
          uniqueId: first.uniqueId,
          title: "Schedule demo call",
          description: "Set up product demo with technical team",
          dueDate: due,
          status: "pending",
          createdAt: first.createdAt,
          updatedAt: first.createdAt
        })
        expect(first.uniqueId).toMatch(uuid)
        expect(first.dueDate).toBeInstanceOf(Date)
        expect(first.createdAt).toBeInstanceOf(Date)
        const second = yield* crm.follows.create(lead.uniqueId, { title: "Send proposal document" })
        yield* crm.follows.create(otherLead.uniqueId, { title: "Not this lead's" })

        const listed = yield* crm.follows.list(lead.uniqueId)
        expect(listed).toStrictEqual([first, second])
        expect(yield* crm.follows.get(lead.uniqueId, first.uniqueId)).toStrictEqual(first)
        // A follow-up is found only under its own lead.
        const wrongParent = expectTag(
          yield* Effect.flip(crm.follows.get(otherLead.uniqueId, first.uniqueId)),
          "NotFound"
        )
        expect(wrongParent.errors[0]?.title).toBe("Follow Not Found")

        const updated = yield* crm.follows.update(lead.uniqueId, first.uniqueId, {
          status: "completed",
          description: "Proposal sent and received"
        })
        expect(updated).toMatchObject({
          uniqueId: first.uniqueId,
          status: "completed",
          description: "Proposal sent and received",
          title: "Schedule demo call"
        })
        expect(updated.updatedAt).toBeInstanceOf(Date)
        expect((yield* crm.follows.get(lead.uniqueId, first.uniqueId)).status).toBe("completed")

        expect(yield* crm.follows.delete(lead.uniqueId, first.uniqueId)).toBeUndefined()
        const gone = expectTag(yield* Effect.flip(crm.follows.get(lead.uniqueId, first.uniqueId)), "NotFound")
        expect(gone.status).toBe(404)
        expect(gone.errors[0]?.title).toBe("Follow Not Found")
        expect(yield* crm.follows.list(lead.uniqueId)).toStrictEqual([second])
      }))

    it.effect("a pending follow-up past its due date reads as overdue", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const lead = yield* crm.leads.create({ name: "Overdue Host" })
        const follow = yield* crm.follows.create(lead.uniqueId, {
          title: "Call back",
          dueDate: new Date("2020-01-01T09:00:00Z")
        })
        expect(follow.status).toBe("overdue")
        expect(follow.dueDate).toEqual(new Date("2020-01-01T09:00:00Z"))
      }))

    it.effect("follow-ups of an unknown lead fail with NotFound \"Lead Not Found\"", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const listError = expectTag(yield* Effect.flip(crm.follows.list("no-such-lead")), "NotFound")
        expect(listError.status).toBe(404)
        expect(listError.errors[0]?.title).toBe("Lead Not Found")
        const createError = expectTag(
          yield* Effect.flip(crm.follows.create("no-such-lead", { title: "x" })),
          "NotFound"
        )
        expect(createError.errors[0]?.title).toBe("Lead Not Found")
      }))

    it.effect("raw HTTP: POST follows answers 201, DELETE 204 with an empty body", () =>
      Effect.gen(function*() {
        const lead = yield* raw<WireDocument>("POST", "/leads/", { body: { lead: { name: "Raw Follow Host" } } })
        const leadId = lead.json.data.id
        const created = yield* raw<WireDocument>("POST", `/leads/${leadId}/follows`, {
          body: { follow: { title: "Raw follow", due_date: "2099-03-05T14:00:00Z" } }
        })
        expect(created.status).toBe(201)
        expect(created.json.data.type).toBe("follow")
        expect(created.json.data.attributes).toMatchObject({
          title: "Raw follow",
          due_date: "2099-03-05T14:00:00Z",
          status: "pending"
        })
        const deleted = yield* raw("DELETE", `/leads/${leadId}/follows/${created.json.data.id}`)
        expect(deleted.status).toBe(204)
        expect(deleted.text).toBe("")
        expect((yield* raw("GET", `/leads/${leadId}/follows/${created.json.data.id}`)).status).toBe(404)
      }))
  })
})

layer(TestEmulator.layer(), { excludeTestServices: true })("pipeline deals on the emulator", (it) => {
  describe("OpportunitiesService", () => {
    it.effect("create, get, list, update round-trip every attribute; close_date stays a calendar date", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const created = yield* crm.opportunities.create({
          name: "Enterprise Software License",
          accountId: "account-uuid-456",
          value: 120000,
          stage: "discovery",
          closeDate: "2026-06-30",
          probability: 30
        })
        expect(created).toStrictEqual({
          uniqueId: created.uniqueId,
          name: "Enterprise Software License",
          accountId: "account-uuid-456",
          value: 120000,
          stage: "discovery",
          closeDate: "2026-06-30",
          probability: 30,
          status: "active",
          createdAt: created.createdAt,
          updatedAt: created.createdAt
        })
        expect(created.uniqueId).toMatch(uuid)
        expect(created.createdAt).toBeInstanceOf(Date)
        expect(yield* crm.opportunities.get(created.uniqueId)).toStrictEqual(created)
        const listed = yield* crm.opportunities.list({ records: 100 })
        expect(listed.data.at(-1)).toStrictEqual(created)

        const updated = yield* crm.opportunities.update(created.uniqueId, {
          stage: "negotiation",
          probability: 80,
          value: 135000
        })
        expect(updated).toMatchObject({
          uniqueId: created.uniqueId,
          stage: "negotiation",
          probability: 80,
          value: 135000
        })
        expect(updated.updatedAt).toBeInstanceOf(Date)
        const won = yield* crm.opportunities.update(created.uniqueId, { stage: "closed_won", status: "won" })
        expect(won).toMatchObject({ stage: "closed_won", status: "won", closeDate: "2026-06-30" })
        expect(yield* crm.opportunities.get(created.uniqueId)).toMatchObject({
          stage: "closed_won",
          status: "won",
          value: 135000
        })

        const missing = expectTag(yield* Effect.flip(crm.opportunities.get("opp-does-not-exist")), "NotFound")
        expect(missing.status).toBe(404)
        expect(missing.errors).toEqual([{
          status: "404",
          code: "not_found",
          title: "Opportunity Not Found",
          detail: "The requested opportunity could not be found."
        }])
      }))

    it.effect("delete, listDeleted, recover and search", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const keep = yield* crm.opportunities.create({ name: "Quasar Hosting Renewal" })
        const drop = yield* crm.opportunities.create({ name: "Quasar Support Add-on", stage: "proposal" })
        expect((yield* crm.opportunities.search("quasar")).data.map((o) => o.uniqueId)).toEqual([
          keep.uniqueId,
          drop.uniqueId
        ])

        yield* crm.opportunities.delete(drop.uniqueId)
        expect(expectTag(yield* Effect.flip(crm.opportunities.get(drop.uniqueId)), "NotFound").status).toBe(404)
        const searched = yield* crm.opportunities.search("quasar")
        expect(searched.data.map((o) => o.uniqueId)).toEqual([keep.uniqueId])
        expect(searched.meta).toMatchObject({ totalRecords: 1, totalPages: 1 })
        const trash = yield* crm.opportunities.listDeleted()
        expect(trash.data.map((o) => o.uniqueId)).toEqual([drop.uniqueId])
        expect(trash.meta).toMatchObject({ totalRecords: 1, totalPages: 1 })

        expect(yield* crm.opportunities.recover(drop.uniqueId)).toStrictEqual(drop)
        expect((yield* crm.opportunities.listDeleted()).data).toEqual([])
        expect(yield* crm.opportunities.get(drop.uniqueId)).toStrictEqual(drop)
        const streamed = yield* Stream.runCollect(crm.opportunities.stream({ records: 1 }))
        expect(Chunk.toReadonlyArray(streamed).map((o) => o.uniqueId)).toEqual(
          expect.arrayContaining([keep.uniqueId, drop.uniqueId])
        )
      }))
  })

  describe("QuotesService", () => {
    it.effect("create defaults status to draft; get, list, update, soft delete, listDeleted, recover, search", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const quote = yield* crm.quotes.create({
          title: "Q-1001 Platform licence",
          accountId: "account-uuid-456",
          opportunityId: "opp-uuid-123",
          amount: 9999.99,
          currency: "EUR",
          validUntil: "2026-07-31",
          notes: "Net 30"
        })
        expect(quote).toStrictEqual({
          uniqueId: quote.uniqueId,
          title: "Q-1001 Platform licence",
          accountId: "account-uuid-456",
          opportunityId: "opp-uuid-123",
          amount: 9999.99,
          currency: "EUR",
          status: "draft",
          validUntil: "2026-07-31",
          notes: "Net 30",
          createdAt: quote.createdAt,
          updatedAt: quote.createdAt
        })
        expect(quote.createdAt).toBeInstanceOf(Date)
        expect(yield* crm.quotes.get(quote.uniqueId)).toStrictEqual(quote)
        expect((yield* crm.quotes.list()).data).toStrictEqual([quote])

        const sent = yield* crm.quotes.update(quote.uniqueId, { status: "sent", amount: 8999 })
        expect(sent).toMatchObject({ uniqueId: quote.uniqueId, status: "sent", amount: 8999, currency: "EUR" })
        const other = yield* crm.quotes.create({ title: "Q-1002 Services", status: "sent" })
        expect(other.status).toBe("sent")
        expect((yield* crm.quotes.search("platform")).data.map((q) => q.uniqueId)).toEqual([quote.uniqueId])

        yield* crm.quotes.delete(quote.uniqueId)
        const gone = expectTag(yield* Effect.flip(crm.quotes.get(quote.uniqueId)), "NotFound")
        expect(gone.errors[0]?.title).toBe("Quote Not Found")
        expect((yield* crm.quotes.list()).data.map((q) => q.uniqueId)).toEqual([other.uniqueId])
        const trash = yield* crm.quotes.listDeleted()
        expect(trash.data.map((q) => q.uniqueId)).toEqual([quote.uniqueId])
        expect(trash.data[0]).toMatchObject({ status: "sent", amount: 8999 })

        const recovered = yield* crm.quotes.recover(quote.uniqueId)
        expect(recovered).toMatchObject({ uniqueId: quote.uniqueId, status: "sent", amount: 8999 })
        expect((yield* crm.quotes.listDeleted()).meta.totalRecords).toBe(0)
        expect((yield* crm.quotes.list()).meta.totalRecords).toBe(2)
      }))
  })

  describe("ReferralsService", () => {
    it.effect("create (reward pending by default), get, list, update, delete", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const lead = yield* crm.leads.create({ name: "Referred Lead" })
        const referral = yield* crm.referrals.create({
          referrerName: "Ada Lovelace",
          referrerEmail: "ada@example.com",
          referredName: "Charles Babbage",
          referredEmail: "charles@example.com",
          leadId: lead.uniqueId,
          rewardAmount: 250,
          notes: "Met at the conference"
        })
        expect(referral).toStrictEqual({
          uniqueId: referral.uniqueId,
          referrerName: "Ada Lovelace",
          referrerEmail: "ada@example.com",
          referredName: "Charles Babbage",
          referredEmail: "charles@example.com",
          leadId: lead.uniqueId,
          rewardAmount: 250,
          rewardStatus: "pending",
          notes: "Met at the conference",
          createdAt: referral.createdAt,
          updatedAt: referral.createdAt
        })
        expect(referral.createdAt).toBeInstanceOf(Date)
        expect(yield* crm.referrals.get(referral.uniqueId)).toStrictEqual(referral)
        const listed = yield* crm.referrals.list()
        expect(listed.data).toStrictEqual([referral])
        expect(listed.meta).toMatchObject({ totalRecords: 1, totalPages: 1 })

        const paid = yield* crm.referrals.update(referral.uniqueId, { rewardStatus: "paid" })
        expect(paid).toMatchObject({ uniqueId: referral.uniqueId, rewardStatus: "paid", rewardAmount: 250 })
        expect((yield* crm.referrals.get(referral.uniqueId)).rewardStatus).toBe("paid")

        yield* crm.referrals.delete(referral.uniqueId)
        const gone = expectTag(yield* Effect.flip(crm.referrals.get(referral.uniqueId)), "NotFound")
        expect(gone.status).toBe(404)
        expect(gone.errors[0]?.title).toBe("Referral Not Found")
        expect((yield* crm.referrals.list()).meta.totalRecords).toBe(0)
        // Referrals have no trash: a second delete finds nothing.
        expect(expectTag(yield* Effect.flip(crm.referrals.delete(referral.uniqueId)), "NotFound").status).toBe(404)
      }))
  })

  describe("TouchesService", () => {
    it.effect("create (occurredAt defaults to now), get, list, update, delete", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const occurredAt = new Date("2026-02-01T15:30:00Z")
        const call = yield* crm.touches.create({
          touchType: "call",
          subject: "Intro call",
          notes: "Discussed pricing",
          outcome: "Interested",
          occurredAt,
          leadId: "lead-uuid-123",
          contactId: "contact-uuid-789"
        })
        expect(call).toStrictEqual({
          uniqueId: call.uniqueId,
          touchType: "call",
          subject: "Intro call",
          notes: "Discussed pricing",
          outcome: "Interested",
          occurredAt,
          leadId: "lead-uuid-123",
          contactId: "contact-uuid-789",
          createdAt: call.createdAt,
          updatedAt: call.createdAt
        })
        const before = Date.now()
        const note = yield* crm.touches.create({ touchType: "note", subject: "Left a note" })
        expect(note.occurredAt).toBeInstanceOf(Date)
        expect(note.occurredAt.getTime()).toBeGreaterThanOrEqual(before - 1)
        expect(note.occurredAt).toEqual(note.createdAt)

        expect(yield* crm.touches.get(call.uniqueId)).toStrictEqual(call)
        expect((yield* crm.touches.list()).data).toStrictEqual([call, note])
        const updated = yield* crm.touches.update(call.uniqueId, { outcome: "Demo booked", touchType: "meeting" })
        expect(updated).toMatchObject({
          uniqueId: call.uniqueId,
          outcome: "Demo booked",
          touchType: "meeting",
          subject: "Intro call"
        })

        yield* crm.touches.delete(call.uniqueId)
        const gone = expectTag(yield* Effect.flip(crm.touches.get(call.uniqueId)), "NotFound")
        expect(gone.errors[0]?.title).toBe("Touch Not Found")
        expect((yield* crm.touches.list()).data).toStrictEqual([note])
      }))
  })

  it.effect("raw HTTP: every create answers 201 and every delete 204 with an empty body", () =>
    Effect.gen(function*() {
      const bodies = [
        ["/opportunities/", "opportunity", { opportunity: { name: "Raw opportunity" } }],
        ["/quotes/", "quote", { quote: { title: "Raw quote" } }],
        ["/referrals/", "referral", { referral: { referrer_name: "Raw referrer" } }],
        ["/touches/", "touch", { touch: { touch_type: "email", subject: "Raw touch" } }]
      ] as const
      for (const [path, type, body] of bodies) {
        const created = yield* raw<WireDocument>("POST", path, { body })
        expect(created.status, path).toBe(201)
        expect(created.json.data.type).toBe(type)
        expect(created.json.data.attributes["created_at"]).toEqual(expect.any(String))
        const deleted = yield* raw("DELETE", `${path}${created.json.data.id}/`)
        expect(deleted.status, path).toBe(204)
        expect(deleted.text).toBe("")
        expect((yield* raw("GET", `${path}${created.json.data.id}`)).status, path).toBe(404)
      }
    }))
})
