/**
 * An account's leads and quotes as the services send them: the paths exactly as crm-block.md writes
 * them (`/accounts/:unique_id/leads`, no trailing slash), the body wrapped like the plain create and
 * without `account_id` (the path names the account), the documented list and record bodies decoded, and
 * arbitrary invalid inputs refused with `InvalidInput` before anything reaches the server.
 */
import type { CrmError } from "@blocks-crm/core-http"
import { CreateAccountLeadRequest, CreateAccountQuoteRequest } from "@blocks-crm/pipeline"
import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import { connect, expectTag, fixtureJson, fixtureText, make } from "./support/FixtureServer.js"

/** An id that cannot go into a path: blank, or with `/`, `?`, `#`, `%` or whitespace in it. */
const badId = fc.oneof(
  fc.constantFrom("", " ", "a b", "../admin", "x?y=1", "#", "100%"),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom("/", "?", "#", "%", " ", "\n"), fc.string({ maxLength: 8 }))
    .map(([a, bad, b]) => `${a}${bad}${b}`)
)
const blank = fc.constantFrom("", " ", "\t", "  \n ")
const negative = fc.double({ max: -Number.MIN_VALUE, noNaN: true })
const notFinite = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)
const badProbability = fc.oneof(
  fc.integer({ min: 101 }),
  fc.integer({ max: -1 }),
  fc.double({ min: 0.01, max: 99.99, noNaN: true }).filter((n) => !Number.isInteger(n))
)
const notOneOf = (allowed: ReadonlyArray<string>) => fc.string().filter((s) => !allowed.includes(s))

/** One attribute of a valid input replaced by a value the schema refuses, and the path it is reported at. */
const broken = <A extends object>(
  valid: fc.Arbitrary<A>,
  breakers: Record<string, fc.Arbitrary<unknown>>
): fc.Arbitrary<{ readonly input: A; readonly field: string }> =>
  fc.tuple(valid, fc.constantFrom(...Object.keys(breakers))).chain(([input, field]) =>
    breakers[field]!.map((bad) => ({ input: { ...input, [field]: bad }, field }))
  )

const invalidLeads = broken(Arbitrary.make(CreateAccountLeadRequest), {
  name: blank,
  contactId: badId,
  value: fc.oneof(negative, notFinite),
  stage: notOneOf(["new", "contacted", "qualified", "proposal", "negotiation"]),
  probability: badProbability
})

// Only the fields this test breaks need a generator: the quote's date and currency are left out.
const QuoteBase = CreateAccountQuoteRequest.pick("title", "contactId", "opportunityId", "amount", "notes")
const invalidQuotes = broken(Arbitrary.make(QuoteBase), {
  title: blank,
  opportunityId: badId,
  amount: fc.oneof(negative, notFinite),
  currency: fc.oneof(fc.stringMatching(/^[a-z]{3}$/), fc.stringMatching(/^[A-Z]{4,6}$/), fc.constant("")),
  validUntil: fc.constantFrom("2026-02-30", "2026-13-01", "31/12/2026", "2026-1-5", ""),
  status: notOneOf(["draft", "sent", "accepted", "rejected"])
})

const invalidPages = fc.oneof(
  fc.record({ page: fc.integer({ max: 0 }) }),
  fc.record({ records: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 1001 })) }),
  fc.record({ page: fc.double({ min: 1.01, max: 50, noNaN: true }).filter((n) => !Number.isInteger(n)) })
)

/** The failure of `call`, which must be InvalidInput: its operation and the distinct issue paths. */
const refused = <A>(call: Effect.Effect<A, CrmError.CrmError>) =>
  Effect.map(Effect.flip(call), (error) => {
    const invalid = expectTag(error, "InvalidInput")
    return { operation: invalid.operation, paths: [...new Set(invalid.issues.map((issue) => issue.path))] }
  })

const runs = { numRuns: 60, seed: 20_261_130 }

describe("an account's leads and quotes", () => {
  it.scopedLive("GET /accounts/:unique_id/leads sends the page and decodes the documented list", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("GET", "/accounts/account-uuid-456/leads?page=1&records=20", { body: fixtureText("leads-list") })
      const crm = yield* connect(server)
      const page = yield* crm.leads.listForAccount("account-uuid-456", { page: 1, records: 20 })
      expect(page.meta).toEqual({ totalPages: 3, totalRecords: 38 })
      expect(page.data.map((lead) => lead.uniqueId)).toEqual(
        fixtureJson("leads-list").data.map((lead: { id: string }) => lead.id)
      )
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        "GET /accounts/account-uuid-456/leads?page=1&records=20"
      ])
    }))

  it.scopedLive("POST /accounts/:unique_id/leads wraps the body in `lead`, without account_id, and decodes the 201", () =>
    Effect.gen(function*() {
      const server = yield* make
      server.route("POST", "/accounts/account-uuid-456/leads", { status: 201, body: fixtureText("lead-create") })
      const crm = yield* connect(server)
      const lead = yield* crm.leads.createForAccount("account-uuid-456", {
        name: "New Enterprise Deal",
        contactId: "contact-uuid-789",
        value: 75_000,
        stage: "new",
        probability: 20
      })
      expect(lead).toMatchObject({ uniqueId: "lead-uuid-456", accountId: "account-uuid-456" })
      expect(server.requests).toHaveLength(1)
      expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({
        lead: {
          name: "New Enterprise Deal",
          contact_id: "contact-uuid-789",
          value: 75_000,
          stage: "new",
          probability: 20
        }
      })
    }))

  it.scopedLive("createForAccount refuses an accountId in the body (the path names the account): nothing sent", () =>
    Effect.gen(function*() {
      const server = yield* make
      const crm = yield* connect(server)
      // A caller without types may still pass one; dropping it would hide which account they meant.
      const data = { name: "Deal", accountId: "someone-else" } as { name: string }
      const error = yield* Effect.flip(crm.leads.createForAccount("account-uuid-456", data))
      expect(error._tag).toBe("InvalidInput")
      expect(error.message).toMatch(
        /^Invalid input for leads\.createForAccount: accountId: unknown key \(known: name, /
      )
      expect(server.requests).toHaveLength(0)
    }))

  it.scopedLive("GET and POST /accounts/:unique_id/quotes: the path, the `quote` wrapper, snake_case keys", () =>
    Effect.gen(function*() {
      const server = yield* make
      const quote = {
        id: "quote-1",
        type: "quote",
        attributes: {
          unique_id: "quote-1",
          title: "Enterprise plan",
          account_id: "acc-1",
          status: "draft",
          valid_until: "2026-12-31",
          created_at: "2026-03-01T10:00:00Z"
        }
      }
      server.route("POST", "/accounts/acc-1/quotes", { status: 201, body: { data: quote } })
      server.route("GET", "/accounts/acc-1/quotes", {
        body: { data: [quote], meta: { total_pages: 1, total_count: 1, current_page: 1, per_page: 15 } }
      })
      const crm = yield* connect(server)
      const created = yield* crm.quotes.createForAccount("acc-1", {
        title: "Enterprise plan",
        validUntil: "2026-12-31"
      })
      expect(created).toMatchObject({ uniqueId: "quote-1", accountId: "acc-1", validUntil: "2026-12-31" })
      const page = yield* crm.quotes.listForAccount("acc-1")
      expect(page.data).toEqual([created])
      expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([
        [
          "POST",
          "/accounts/acc-1/quotes",
          JSON.stringify({ quote: { title: "Enterprise plan", valid_until: "2026-12-31" } })
        ],
        ["GET", "/accounts/acc-1/quotes", ""]
      ])
    }))

  it.scopedLive("arbitrary invalid inputs fail with InvalidInput naming the field, and nothing is sent", () =>
    Effect.gen(function*() {
      const server = yield* make
      const crm = yield* connect(server)
      const check = <A>(arbitrary: fc.Arbitrary<A>, property: (value: A) => Effect.Effect<void, unknown>) =>
        Effect.promise(() =>
          fc.assert(fc.asyncProperty(arbitrary, (value) => Effect.runPromise(property(value))), runs)
        )

      yield* check(
        invalidLeads,
        ({ field, input }) =>
          Effect.map(refused(crm.leads.createForAccount("account-1", input)), (result) => {
            expect(result).toEqual({ operation: "leads.createForAccount", paths: [field] })
          })
      )
      yield* check(
        invalidQuotes,
        ({ field, input }) =>
          Effect.map(
            refused(crm.quotes.createForAccount("account-1", input as CreateAccountQuoteRequest)),
            (result) => {
              expect(result).toEqual({ operation: "quotes.createForAccount", paths: [field] })
            }
          )
      )
      yield* check(
        fc.tuple(badId, Arbitrary.make(CreateAccountLeadRequest)),
        ([accountId, input]) =>
          Effect.map(refused(crm.leads.createForAccount(accountId, input)), (result) => {
            expect(result).toEqual({ operation: "leads.createForAccount", paths: [""] })
          })
      )
      yield* check(badId, (accountId) =>
        Effect.zipWith(
          refused(crm.leads.listForAccount(accountId)),
          refused(crm.quotes.listForAccount(accountId)),
          (leads, quotes) => {
            expect(leads).toEqual({ operation: "leads.listForAccount", paths: [""] })
            expect(quotes).toEqual({ operation: "quotes.listForAccount", paths: [""] })
          }
        ))
      yield* check(
        invalidPages,
        (params) =>
          Effect.map(refused(crm.leads.listForAccount("account-1", params)), (result) => {
            expect(result).toEqual({ operation: "leads.listForAccount", paths: Object.keys(params) })
          })
      )
      const missingTitle = yield* refused(crm.quotes.createForAccount("account-1", {} as CreateAccountQuoteRequest))
      expect(missingTitle.paths).toEqual(["title"])

      expect(server.requests).toEqual([])
      // The same client sends once the input is valid: the refusals above were not a dead server.
      server.route("GET", "/accounts/account-1/leads", { body: { data: [], meta: { total_pages: 0, total_count: 0 } } })
      expect((yield* crm.leads.listForAccount("account-1")).data).toEqual([])
      expect(server.requests).toHaveLength(1)
    }))
})
