/**
 * An account's leads and quotes (`GET`/`POST /accounts/:unique_id/leads` and `/quotes`) on the emulator
 * over loopback: created through the account they carry its id, each account lists only its own, an
 * unknown or trashed account is a 404, a bad body a 422, and arbitrary valid inputs round-trip unchanged.
 * Accounts are made with raw HTTP (only `name` and `unique_id` are relied on), as the pipeline package
 * knows nothing of the accounts package.
 */
import * as Fields from "@blocks-crm/core-http/Fields"
import { CreateAccountLeadRequest, CreateAccountQuoteRequest } from "@blocks-crm/pipeline"
import type { Lead, Quote } from "@blocks-crm/pipeline"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as TestEmulator from "../support/TestEmulator.js"
import type { WireDocument, WireErrors, WireList } from "../support/TestEmulator.js"
import { API_KEY_B, connect, expectTag, raw, uuid } from "../support/TestEmulator.js"

let accounts = 0
/**
 * A new account of tenant A (or of the key given), by raw `POST /accounts/`; returns its id. The name
 * gets a number, since account names are unique per tenant and property runs create many.
 */
const newAccount = (name: string, apiKey?: string) =>
  Effect.map(
    raw<WireDocument>("POST", "/accounts/", { body: { account: { name: `${name} ${++accounts}` } }, apiKey }),
    (response) => {
      expect(response.status, response.text).toBe(201)
      return response.json.data.id
    }
  )

/** Moves an account to the trash (`DELETE /accounts/:unique_id/`); any 2xx answer will do. */
const trashAccount = (accountId: string) =>
  Effect.map(raw("DELETE", `/accounts/${accountId}/`), (response) => {
    expect(response.status, response.text).toBeGreaterThanOrEqual(200)
    expect(response.status, response.text).toBeLessThan(300)
  })

const notFoundAccount = {
  status: "404",
  code: "not_found",
  title: "Account Not Found",
  detail: "The requested account could not be found."
}

// Refinements without a generator (calendar dates, currency codes) get one here, for the test only.
const currencyCode = Fields.CurrencyCode.annotations({
  arbitrary: () => (fc) => fc.stringMatching(/^[A-Z]{3}$/)
})
const calendarDate = Fields.CalendarDate.annotations({
  arbitrary: () => (fc) =>
    fc.date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true }).map((d) =>
      d.toISOString().slice(0, 10)
    )
})
const QuoteInput = Schema.Struct({
  ...CreateAccountQuoteRequest.fields,
  currency: Fields.optionalInput(currencyCode),
  validUntil: Fields.optionalInput(calendarDate)
})

/** JSON has no -0: it arrives as 0, which is not what was sent, only what JSON can carry. */
const noNegativeZero = (input: object) => !Object.values(input).some((value) => Object.is(value, -0))

const leadInputs = Arbitrary.make(CreateAccountLeadRequest).filter(noNegativeZero)
const quoteInputs = Arbitrary.make(QuoteInput).filter(noNegativeZero)

layer(TestEmulator.layer(), { excludeTestServices: true })("an account's leads and quotes on the emulator", (it) => {
  describe("leads", () => {
    it.effect("createForAccount stores the account's id; listForAccount pages through that account's leads", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const accountId = yield* newAccount("Acme Corp")
        const lead = yield* crm.leads.createForAccount(accountId, { name: "Acme renewal", value: 50_000, stage: "new" })
        expect(lead).toStrictEqual({
          uniqueId: lead.uniqueId,
          name: "Acme renewal",
          accountId,
          value: 50_000,
          stage: "new",
          status: "active",
          createdAt: lead.createdAt,
          updatedAt: lead.createdAt
        })
        expect(lead.uniqueId).toMatch(uuid)
        expect(yield* crm.leads.get(lead.uniqueId)).toStrictEqual(lead)
        expect(crm.sent.at(-2)).toMatchObject({ method: "POST", path: `/accounts/${accountId}/leads` })

        const second = yield* crm.leads.createForAccount(accountId, { name: "Acme expansion" })
        const third = yield* crm.leads.createForAccount(accountId, { name: "Acme services" })
        const first = yield* crm.leads.listForAccount(accountId, { page: 1, records: 2 })
        expect(first.meta).toEqual({ page: 1, records: 2, totalPages: 2, totalRecords: 3 })
        expect(first.data.map((l) => l.uniqueId)).toEqual([lead.uniqueId, second.uniqueId])
        const last = yield* crm.leads.listForAccount(accountId, { page: 2, records: 2 })
        expect(last.data.map((l) => l.uniqueId)).toEqual([third.uniqueId])
        expect(crm.sent.at(-1)).toMatchObject({
          method: "GET",
          path: `/accounts/${accountId}/leads`,
          query: { page: "2", records: "2" }
        })

        // `GET /leads/` still lists every lead, the account's included.
        const all = yield* crm.leads.list({ records: 100 })
        expect(all.data.map((l) => l.uniqueId)).toEqual(expect.arrayContaining([lead.uniqueId, third.uniqueId]))
      }))

    it.effect("leads of account A are never listed under account B; a lead created with /leads/ and an account_id is", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const a = yield* newAccount("Account A")
        const b = yield* newAccount("Account B")
        const ofA = yield* crm.leads.createForAccount(a, { name: "Only for A" })
        const ofB = yield* crm.leads.createForAccount(b, { name: "Only for B" })
        const direct = yield* crm.leads.create({ name: "Made on /leads/", accountId: b })
        yield* crm.leads.create({ name: "No account" })

        const underA = yield* crm.leads.listForAccount(a)
        expect(underA.data.map((l) => l.uniqueId)).toEqual([ofA.uniqueId])
        expect(underA.meta.totalRecords).toBe(1)
        const underB = yield* crm.leads.listForAccount(b)
        expect(underB.data.map((l) => l.uniqueId)).toEqual([ofB.uniqueId, direct.uniqueId])

        // Moving a lead to another account moves it between the listings; a deleted lead leaves both.
        yield* crm.leads.update(direct.uniqueId, { accountId: a })
        expect((yield* crm.leads.listForAccount(a)).data.map((l) => l.uniqueId)).toEqual([
          ofA.uniqueId,
          direct.uniqueId
        ])
        expect((yield* crm.leads.listForAccount(b)).data.map((l) => l.uniqueId)).toEqual([ofB.uniqueId])
        yield* crm.leads.delete(ofA.uniqueId)
        expect((yield* crm.leads.listForAccount(a)).data.map((l) => l.uniqueId)).toEqual([direct.uniqueId])
      }))

    it.effect("an unknown account, another tenant's account and a trashed account are 404 Account Not Found", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        expectTag(yield* Effect.flip(crm.leads.listForAccount("no-such-account")), "NotFound")
        const created = expectTag(
          yield* Effect.flip(crm.leads.createForAccount("no-such-account", { name: "Orphan" })),
          "NotFound"
        )
        expect(created.message).toContain("The requested account could not be found.")

        const other = yield* newAccount("Tenant B's account", API_KEY_B)
        expectTag(yield* Effect.flip(crm.leads.listForAccount(other)), "NotFound")

        const trashed = yield* newAccount("Soon in the trash")
        yield* crm.leads.createForAccount(trashed, { name: "Before the trash" })
        yield* trashAccount(trashed)
        const before = (yield* crm.leads.list({ records: 1 })).meta.totalRecords
        const list = yield* raw<WireErrors>("GET", `/accounts/${trashed}/leads`)
        expect(list.status).toBe(404)
        expect(list.json.errors).toEqual([notFoundAccount])
        const create = yield* raw<WireErrors>("POST", `/accounts/${trashed}/leads`, {
          body: { lead: { name: "After" } }
        })
        expect(create.status).toBe(404)
        expect(create.json.errors).toEqual([notFoundAccount])
        expect((yield* crm.leads.list({ records: 1 })).meta.totalRecords, "nothing was created").toBe(before)
      }))

    it.effect("a bad body is a 422 with one error per field, and creates nothing", () =>
      Effect.gen(function*() {
        const accountId = yield* newAccount("Strict Inc")
        const response = yield* raw<WireErrors>("POST", `/accounts/${accountId}/leads`, {
          body: { lead: { source: "website", probability: 101 } }
        })
        expect(response.status).toBe(422)
        expect(response.json.errors.map((e) => [e.status, e.code, e.source?.pointer]).sort()).toEqual([
          ["422", "invalid", "/lead/probability"],
          ["422", "required", "/lead/name"]
        ])
        const unwrapped = yield* raw<WireErrors>("POST", `/accounts/${accountId}/leads`, { body: { name: "Bare" } })
        expect(unwrapped.status).toBe(422)
        expect(unwrapped.json.errors[0]).toMatchObject({ code: "required", source: { pointer: "/lead" } })
        const listed = yield* raw<WireList>("GET", `/accounts/${accountId}/leads`)
        expect(listed.status).toBe(200)
        expect(listed.json.data).toEqual([])
        expect(listed.json.meta["totalRecords"]).toBe(0)
      }))

    it.effect.prop(
      "arbitrary valid inputs round-trip through createForAccount unchanged",
      { input: leadInputs },
      ({ input }) =>
        Effect.gen(function*() {
          const crm = yield* connect()
          const accountId = yield* newAccount("Property Leads")
          const lead: Lead = yield* crm.leads.createForAccount(accountId, input)
          const expected = {
            ...input,
            accountId,
            uniqueId: lead.uniqueId,
            status: "active",
            createdAt: lead.createdAt,
            updatedAt: lead.createdAt
          }
          expect(lead).toStrictEqual(expected)
          expect(yield* crm.leads.get(lead.uniqueId)).toStrictEqual(expected)
          expect((yield* crm.leads.listForAccount(accountId)).data).toStrictEqual([expected])
        }),
      { fastCheck: { numRuns: 25, seed: 20_261_130 } }
    )
  })

  describe("quotes", () => {
    it.effect("createForAccount stores the account's id; listForAccount lists that account's quotes", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const accountId = yield* newAccount("Quote Corp")
        const other = yield* newAccount("Other Corp")
        const quote = yield* crm.quotes.createForAccount(accountId, {
          title: "Enterprise plan",
          amount: 12_000,
          currency: "USD",
          validUntil: "2026-12-31"
        })
        expect(quote).toStrictEqual({
          uniqueId: quote.uniqueId,
          title: "Enterprise plan",
          accountId,
          amount: 12_000,
          currency: "USD",
          validUntil: "2026-12-31",
          status: "draft",
          createdAt: quote.createdAt,
          updatedAt: quote.createdAt
        })
        expect(yield* crm.quotes.get(quote.uniqueId)).toStrictEqual(quote)
        const elsewhere = yield* crm.quotes.createForAccount(other, { title: "Elsewhere", status: "sent" })
        expect(elsewhere).toMatchObject({ accountId: other, status: "sent" })

        const page = yield* crm.quotes.listForAccount(accountId, { records: 10 })
        expect(page.data).toStrictEqual([quote])
        expect(page.meta).toEqual({ page: 1, records: 10, totalPages: 1, totalRecords: 1 })
        expect((yield* crm.quotes.listForAccount(other)).data.map((q) => q.uniqueId)).toEqual([elsewhere.uniqueId])
        const all = yield* crm.quotes.list({ records: 100 })
        expect(all.data.map((q) => q.uniqueId)).toEqual(expect.arrayContaining([quote.uniqueId, elsewhere.uniqueId]))
      }))

    it.effect("an unknown or trashed account is 404 Account Not Found", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        expectTag(yield* Effect.flip(crm.quotes.listForAccount("no-such-account")), "NotFound")
        expectTag(yield* Effect.flip(crm.quotes.createForAccount("no-such-account", { title: "Orphan" })), "NotFound")
        const trashed = yield* newAccount("Trashed Quotes")
        yield* trashAccount(trashed)
        const list = yield* raw<WireErrors>("GET", `/accounts/${trashed}/quotes`)
        expect(list.status).toBe(404)
        expect(list.json.errors).toEqual([notFoundAccount])
        const create = yield* raw<WireErrors>("POST", `/accounts/${trashed}/quotes`, {
          body: { quote: { title: "After" } }
        })
        expect(create.status).toBe(404)
        expect(create.json.errors).toEqual([notFoundAccount])
      }))

    it.effect("a bad body is a 422 with one error per field, and creates nothing", () =>
      Effect.gen(function*() {
        const accountId = yield* newAccount("Strict Quotes")
        const response = yield* raw<WireErrors>("POST", `/accounts/${accountId}/quotes`, {
          body: { quote: { currency: "usd", valid_until: "2026-02-30" } }
        })
        expect(response.status).toBe(422)
        expect(response.json.errors.map((e) => [e.code, e.source?.pointer]).sort()).toEqual([
          ["invalid", "/quote/currency"],
          ["invalid", "/quote/valid_until"],
          ["required", "/quote/title"]
        ])
        const listed = yield* raw<WireList>("GET", `/accounts/${accountId}/quotes`)
        expect(listed.json.meta["totalRecords"]).toBe(0)
      }))

    it.effect.prop(
      "arbitrary valid inputs round-trip through createForAccount unchanged",
      { input: quoteInputs },
      ({ input }) =>
        Effect.gen(function*() {
          const crm = yield* connect()
          const accountId = yield* newAccount("Property Quotes")
          const quote: Quote = yield* crm.quotes.createForAccount(accountId, input)
          const expected = {
            status: "draft",
            ...input,
            accountId,
            uniqueId: quote.uniqueId,
            createdAt: quote.createdAt,
            updatedAt: quote.createdAt
          }
          expect(quote).toStrictEqual(expected)
          expect(yield* crm.quotes.get(quote.uniqueId)).toStrictEqual(expected)
          expect((yield* crm.quotes.listForAccount(accountId)).data).toStrictEqual([expected])
        }),
      { fastCheck: { numRuns: 25, seed: 20_261_130 } }
    )
  })

  it.effect("the emulator's OpenAPI document lists the four account endpoints", () =>
    Effect.gen(function*() {
      const response = yield* raw<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json")
      expect(Object.keys(response.json.paths["/accounts/{accountId}/leads"] ?? {}).sort()).toEqual(["get", "post"])
      expect(Object.keys(response.json.paths["/accounts/{accountId}/quotes"] ?? {}).sort()).toEqual(["get", "post"])
    }))
})
