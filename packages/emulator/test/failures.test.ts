/**
 * Failures in the reference's format: 404 for unknown ids, 422 with one error per invalid field when a
 * raw request breaks the contract, the client refusing the same inputs before anything is sent, 401 for
 * every missing or wrong credential (raw and through the client), and tenant isolation (each API key
 * sees only its own records).
 */
import type {
  CreateLeadFollowRequest,
  CreateLeadRequest,
  CreateReferralRequest,
  CreateTouchRequest
} from "@blocks-crm/pipeline"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestEmulator from "./support/TestEmulator.js"
import type { WireDocument, WireErrors, WireList } from "./support/TestEmulator.js"
import { API_KEY_A, API_KEY_B, connect, expectTag, raw, TOKEN } from "./support/TestEmulator.js"

/** How many live records of a collection tenant A has, read with raw fetch. */
const countOf = (path: string) =>
  Effect.map(raw<WireList>("GET", path), (response) => response.json.meta["totalRecords"] ?? Number.NaN)

const sortByPointer = (errors: ReadonlyArray<TestEmulator.WireError>) =>
  [...errors].sort((a, b) => (a.source?.pointer ?? "").localeCompare(b.source?.pointer ?? ""))

const missing = (pointer: string, field: string) => ({
  status: "422",
  code: "required",
  title: "Missing Attribute",
  detail: `${field} is required`,
  source: { pointer }
})

layer(TestEmulator.layer(), { excludeTestServices: true })("errors on the emulator", (it) => {
  describe("404 for unknown ids", () => {
    it.effect("every resource answers NotFound 404 with its own title, for get, update, delete and recover", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const cases = [
          ["Lead", crm.leads.get("nope-1"), crm.leads.update("nope-1", { name: "x" }), crm.leads.delete("nope-1")],
          [
            "Opportunity",
            crm.opportunities.get("nope-2"),
            crm.opportunities.update("nope-2", { name: "x" }),
            crm.opportunities.delete("nope-2")
          ],
          ["Quote", crm.quotes.get("nope-3"), crm.quotes.update("nope-3", { title: "x" }), crm.quotes.delete("nope-3")],
          [
            "Referral",
            crm.referrals.get("nope-4"),
            crm.referrals.update("nope-4", { notes: "x" }),
            crm.referrals.delete("nope-4")
          ],
          [
            "Touch",
            crm.touches.get("nope-5"),
            crm.touches.update("nope-5", { notes: "x" }),
            crm.touches.delete("nope-5")
          ]
        ] as const
        for (const [label, ...calls] of cases) {
          for (const call of calls) {
            const error = expectTag(
              yield* Effect.flip(call as Effect.Effect<unknown, TestEmulator.ClientError>),
              "NotFound"
            )
            expect(error.status).toBe(404)
            expect(error.errors).toEqual([{
              status: "404",
              code: "not_found",
              title: `${label} Not Found`,
              detail: `The requested ${label.toLowerCase()} could not be found.`
            }])
          }
        }
        for (
          const recover of [
            crm.leads.recover("nope-6"),
            crm.opportunities.recover("nope-7"),
            crm.quotes.recover("nope-8")
          ]
        ) {
          expect(
            expectTag(yield* Effect.flip(recover as Effect.Effect<unknown, TestEmulator.ClientError>), "NotFound")
              .status
          ).toBe(404)
        }
        // 404 is final: one request per call, no retries.
        expect(crm.sent.length).toBe(18)
      }))

    it.effect("raw HTTP: the 404 body is the reference's error document; an unknown route is 404 too", () =>
      Effect.gen(function*() {
        const response = yield* raw<WireErrors>("GET", "/leads/lead-uuid-123")
        expect(response.status).toBe(404)
        expect(response.headers.get("content-type")).toContain("application/json")
        expect(response.json).toEqual({
          errors: [{
            status: "404",
            code: "not_found",
            title: "Lead Not Found",
            detail: "The requested lead could not be found."
          }]
        })
        const route = yield* raw<WireErrors>("GET", "/no-such-collection/")
        expect(route.status).toBe(404)
        expect(route.json.errors[0]).toMatchObject({ status: "404", code: "not_found", title: "Not Found" })
      }))
  })

  describe("422 from the emulator (raw JSON, no client-side checks)", () => {
    it.effect("each create without its required fields answers one error per missing field, with source.pointer", () =>
      Effect.gen(function*() {
        const lead = yield* raw<WireDocument>("POST", "/leads/", { body: { lead: { name: "Parent" } } })
        const cases: ReadonlyArray<readonly [string, string, unknown, ReadonlyArray<readonly [string, string]>]> = [
          ["/leads/", "/leads/", { lead: { source: "website" } }, [["/lead/name", "name"]]],
          [`/leads/${lead.json.data.id}/follows`, "/leads/", { follow: { description: "no title" } }, [[
            "/follow/title",
            "title"
          ]]],
          ["/opportunities/", "/opportunities/", { opportunity: { value: 10 } }, [["/opportunity/name", "name"]]],
          ["/quotes/", "/quotes/", { quote: {} }, [["/quote/title", "title"]]],
          ["/referrals/", "/referrals/", { referral: {} }, [["/referral/referrer_name", "referrer_name"]]],
          ["/touches/", "/touches/", { touch: {} }, [["/touch/subject", "subject"], [
            "/touch/touch_type",
            "touch_type"
          ]]]
        ]
        for (const [path, listPath, body, fields] of cases) {
          const before = yield* countOf(listPath)
          const response = yield* raw<WireErrors>("POST", path, { body })
          expect(response.status, path).toBe(422)
          expect(sortByPointer(response.json.errors), path).toEqual(
            fields.map(([pointer, field]) => missing(pointer, field))
          )
          expect(yield* countOf(listPath), `${path} created nothing`).toBe(before)
        }
      }))

    it.effect("several invalid fields give one error each (an invalid enum value is one error, not one per member)", () =>
      Effect.gen(function*() {
        const before = yield* countOf("/leads/")
        const response = yield* raw<WireErrors>("POST", "/leads/", {
          body: { lead: { probability: 101, stage: "won", value: "lots" } }
        })
        expect(response.status).toBe(422)
        expect(sortByPointer(response.json.errors)).toEqual([
          missing("/lead/name", "name"),
          {
            status: "422",
            code: "invalid",
            title: "Invalid Attribute",
            detail: "probability must be whole number from 0 to 100, actual 101",
            source: { pointer: "/lead/probability" }
          },
          {
            status: "422",
            code: "invalid",
            title: "Invalid Attribute",
            detail:
              "stage must be one of \"new\", \"contacted\", \"qualified\", \"proposal\", \"negotiation\", actual \"won\"",
            source: { pointer: "/lead/stage" }
          },
          {
            status: "422",
            code: "invalid",
            title: "Invalid Attribute",
            detail: expect.stringMatching(/^value /),
            source: { pointer: "/lead/value" }
          }
        ])
        expect(yield* countOf("/leads/")).toBe(before)
      }))

    it.effect("a body without the wrapper key points at it; an empty update is refused; a bad page is a parameter error", () =>
      Effect.gen(function*() {
        const unwrapped = yield* raw<WireErrors>("POST", "/leads/", { body: { name: "Not wrapped" } })
        expect(unwrapped.status).toBe(422)
        expect(unwrapped.json.errors).toEqual([missing("/lead", "lead")])

        const lead = yield* raw<WireDocument>("POST", "/leads/", { body: { lead: { name: "To update" } } })
        const emptyUpdate = yield* raw<WireErrors>("PUT", `/leads/${lead.json.data.id}/`, { body: { lead: {} } })
        expect(emptyUpdate.status).toBe(422)
        expect(emptyUpdate.json.errors).toHaveLength(1)
        expect(emptyUpdate.json.errors[0]).toMatchObject({ code: "invalid", source: { pointer: "/lead" } })
        expect(emptyUpdate.json.errors[0]?.detail).toContain("at least one attribute")

        const page = yield* raw<WireErrors>("GET", "/leads/?page=0")
        expect(page.status).toBe(422)
        expect(page.json.errors).toEqual([{
          status: "422",
          code: "invalid",
          title: "Invalid Attribute",
          detail: "page must be a number greater than or equal to 1, actual 0",
          source: { parameter: "page" }
        }])
      }))

    it.effect("a body that is not JSON answers 400, one not sent as JSON 415, in the reference's error format", () =>
      Effect.gen(function*() {
        const before = yield* countOf("/leads/")
        const notJson = yield* raw<WireErrors>("POST", "/leads/", { body: "not json {" })
        expect(notJson.status).toBe(400)
        expect(notJson.json.errors).toEqual([{
          status: "400",
          code: "bad_request",
          title: "Bad Request",
          detail: "The request body must be a JSON object sent with Content-Type: application/json."
        }])
        const asText = yield* raw<WireErrors>("POST", "/leads/", {
          body: JSON.stringify({ lead: { name: "Sent as text" } }),
          headers: { "content-type": "text/plain" }
        })
        expect(asText.status).toBe(415)
        expect(asText.json.errors[0]?.code).toBe("unsupported_media_type")
        expect(yield* countOf("/leads/")).toBe(before)
      }))

    it.effect("the client's transport reports a 422 as ValidationFailed carrying every error object", () =>
      Effect.gen(function*() {
        // The services validate first, so send the invalid body through their transport directly.
        const crm = yield* connect()
        const request = HttpClientRequest.post("/opportunities/").pipe(
          HttpClientRequest.bodyUnsafeJson({ opportunity: { close_date: "2026-13-01" } })
        )
        const error = expectTag(yield* Effect.flip(crm.transport.client.execute(request)), "ValidationFailed")
        expect(error.status).toBe(422)
        expect(
          sortByPointer(error.errors as ReadonlyArray<TestEmulator.WireError>).map((e) => [e.source?.pointer, e.code])
        ).toEqual([
          ["/opportunity/close_date", "invalid"],
          ["/opportunity/name", "required"]
        ])
        expect(error.message).toContain("/opportunity/name: name is required")
        // 422 is final: sent once.
        expect(crm.sent).toHaveLength(1)
        expect(yield* countOf("/opportunities/")).toBe(0)
      }))
  })

  describe("InvalidInput from the client, before anything is sent", () => {
    it.effect("the same inputs are refused with their paths, and the emulator receives nothing", () =>
      Effect.gen(function*() {
        const crm = yield* connect()
        const leadsBefore = yield* countOf("/leads/")
        const lead = (yield* raw<WireDocument>("POST", "/leads/", { body: { lead: { name: "Host" } } })).json.data.id
        const cases = [
          ["leads.create", crm.leads.create({ source: "website" } as unknown as CreateLeadRequest), ["name"]],
          ["leads.create", crm.leads.create({ name: "   " }), ["name"]],
          ["leads.create", crm.leads.create({ probability: 101, stage: "won" } as unknown as CreateLeadRequest), [
            "name",
            "probability",
            "stage"
          ]],
          [
            "leadFollows.create",
            crm.follows.create(lead, { description: "no title" } as unknown as CreateLeadFollowRequest),
            ["title"]
          ],
          ["opportunities.create", crm.opportunities.create({ name: "x", closeDate: "2026-13-01" }), ["closeDate"]],
          ["quotes.create", crm.quotes.create({ title: "x", currency: "usd" }), ["currency"]],
          ["referrals.create", crm.referrals.create({} as unknown as CreateReferralRequest), ["referrerName"]],
          ["touches.create", crm.touches.create({} as unknown as CreateTouchRequest), ["subject", "touchType"]],
          ["leads.update", crm.leads.update(lead, {}), [""]],
          ["leads.get", crm.leads.get("a/b"), [""]],
          ["leads.list", crm.leads.list({ page: 0 }), ["page"]]
        ] as const
        for (const [operation, call, paths] of cases) {
          const error = expectTag(
            yield* Effect.flip(call as Effect.Effect<unknown, TestEmulator.ClientError>),
            "InvalidInput"
          )
          expect(error.operation).toBe(operation)
          // Distinct paths: core-http's validate currently lists an invalid enum value once per member.
          expect([...new Set(error.issues.map((issue) => issue.path))].sort(), operation).toEqual(paths)
          for (const issue of error.issues) expect(issue.message).not.toBe("")
        }
        expect(crm.sent).toEqual([])
        expect(yield* countOf("/leads/")).toBe(leadsBefore + 1)
        expect(yield* countOf("/opportunities/")).toBe(0)
        expect(yield* countOf("/quotes/")).toBe(0)
        expect(yield* countOf("/referrals/")).toBe(0)
        expect(yield* countOf("/touches/")).toBe(0)
        const follows = yield* raw<{ data: ReadonlyArray<unknown> }>("GET", `/leads/${lead}/follows`)
        expect(follows.json.data).toEqual([])
      }))
  })
})

const unauthorized = (detail: string) => ({
  errors: [{ status: "401", code: "unauthorized", title: "Unauthorized", detail }]
})

const leadCount = (apiKey: string) =>
  Effect.map(raw<WireList>("GET", "/leads/", { apiKey }), (response) => response.json.meta["totalRecords"])

layer(TestEmulator.layer(), { excludeTestServices: true })("auth and tenants on the emulator", (it) => {
  describe("401 over raw HTTP", () => {
    it.effect("each missing or wrong credential answers 401 with the reference's error document", () =>
      Effect.gen(function*() {
        const cases = [
          ["no bearer token", { token: null }, "The Authorization bearer token is missing."],
          ["no AppId", { apiKey: null }, "The AppId header (your API key) is missing."],
          ["a wrong API key", { apiKey: "pk_not_a_tenant" }, "The API key in AppId is not valid."],
          [
            "a wrong X-Api-Key",
            { apiKey: "pk_not_a_tenant", apiKeyHeader: "X-Api-Key" },
            "The API key in X-Api-Key is not valid."
          ],
          ["a wrong token", { token: "tok_not_valid" }, "The bearer token is not valid."],
          [
            "a Basic authorization",
            { token: null, headers: { authorization: `Basic ${btoa("user:pass")}` } },
            "The bearer token is not valid."
          ]
        ] as const
        for (const [label, options, detail] of cases) {
          const response = yield* raw<WireErrors>("GET", "/leads/", options)
          expect(response.status, label).toBe(401)
          expect(response.headers.get("content-type"), label).toContain("application/json")
          expect(response.json, label).toEqual(unauthorized(detail))
        }
        const neither = yield* raw<WireErrors>("GET", "/leads/", { token: null, apiKey: null })
        expect(neither.status).toBe(401)
        expect(neither.json.errors).toHaveLength(1)
        expect(neither.json.errors[0]).toMatchObject({ status: "401", code: "unauthorized", title: "Unauthorized" })
        // The bearer scheme is checked before the API key, and both before the body is decoded.
        expect(neither.json).toEqual(unauthorized("The Authorization bearer token is missing."))
        const invalidBody = yield* raw<WireErrors>("POST", "/leads/", { apiKey: null, body: { lead: { name: 7 } } })
        expect([invalidBody.status, invalidBody.json]).toEqual([
          401,
          unauthorized("The AppId header (your API key) is missing.")
        ])
      }))

    it.effect("X-Api-Key is accepted instead of AppId, and it is the same tenant", () =>
      Effect.gen(function*() {
        const created = yield* raw<WireDocument>("POST", "/leads/", {
          body: { lead: { name: "Made with X-Api-Key" } },
          apiKeyHeader: "X-Api-Key"
        })
        expect(created.status).toBe(201)
        const viaAppId = yield* raw<WireDocument>("GET", `/leads/${created.json.data.id}`)
        expect(viaAppId.status).toBe(200)
        expect(viaAppId.json.data.attributes["name"]).toBe("Made with X-Api-Key")
      }))

    it.effect("a refused write changes nothing, on every method", () =>
      Effect.gen(function*() {
        const lead = yield* raw<WireDocument>("POST", "/leads/", { body: { lead: { name: "Guarded" } } })
        const id = lead.json.data.id
        const before = yield* leadCount(API_KEY_A)
        expect((yield* raw("POST", "/leads/", { body: { lead: { name: "Intruder" } }, token: null })).status).toBe(401)
        expect((yield* raw("PUT", `/leads/${id}/`, { body: { lead: { name: "Hijacked" } }, apiKey: "pk_nope" })).status)
          .toBe(401)
        expect((yield* raw("DELETE", `/leads/${id}/`, { token: "tok_nope" })).status).toBe(401)
        expect(yield* leadCount(API_KEY_A)).toBe(before)
        const after = yield* raw<WireDocument>("GET", `/leads/${id}`)
        expect(after.json.data.attributes["name"]).toBe("Guarded")
      }))
  })

  describe("401 through the client", () => {
    it.effect("a wrong token or key fails with Unauthorized 401 carrying the detail, after one request", () =>
      Effect.gen(function*() {
        const badToken = yield* connect({ authToken: "tok_not_valid" })
        const tokenError = expectTag(yield* Effect.flip(badToken.leads.list()), "Unauthorized")
        expect(tokenError.status).toBe(401)
        expect(tokenError.errors).toEqual(unauthorized("The bearer token is not valid.").errors)
        expect(tokenError.message).not.toContain("tok_not_valid")
        expect(badToken.sent).toHaveLength(1)

        const badKey = yield* connect({ apiKey: "pk_not_a_tenant" })
        const keyError = expectTag(yield* Effect.flip(badKey.leads.create({ name: "Never stored" })), "Unauthorized")
        expect(keyError.status).toBe(401)
        expect(keyError.errors[0]?.detail).toBe("The API key in AppId is not valid.")
        expect(badKey.sent).toHaveLength(1)

        const badXKey = yield* connect({ apiKey: "pk_not_a_tenant", apiKeyHeader: "X-Api-Key" })
        const xKeyError = expectTag(yield* Effect.flip(badXKey.opportunities.list()), "Unauthorized")
        expect(xKeyError.errors[0]?.detail).toBe("The API key in X-Api-Key is not valid.")
        expect((yield* raw<WireList>("GET", "/leads/?search=never%20stored")).json.meta["totalRecords"]).toBe(0)
      }))

    it.effect("the client sends X-Api-Key when told to, and the emulator accepts it", () =>
      Effect.gen(function*() {
        const crm = yield* connect({ apiKeyHeader: "X-Api-Key" })
        const created = yield* crm.leads.create({ name: "Client via X-Api-Key" })
        expect((yield* crm.leads.get(created.uniqueId)).name).toBe("Client via X-Api-Key")
      }))

    it.effect("a client without a token or key is refused at configuration, before any request", () =>
      Effect.gen(function*() {
        const noToken = expectTag(yield* Effect.flip(connect({ authToken: "" })), "ConfigurationError")
        expect(noToken.problems.map((problem) => problem.name)).toEqual(["authToken"])
        const noKey = expectTag(yield* Effect.flip(connect({ apiKey: " " })), "ConfigurationError")
        expect(noKey.problems.map((problem) => problem.name)).toEqual(["apiKey"])
      }))
  })

  describe("tenant isolation", () => {
    it.effect("a lead created with key A is invisible to key B: not listed, not searchable, 404 on every call", () =>
      Effect.gen(function*() {
        const tenantA = yield* connect({ apiKey: API_KEY_A })
        const tenantB = yield* connect({ apiKey: API_KEY_B })
        const countB = (yield* tenantB.leads.list()).meta.totalRecords
        const secret = yield* tenantA.leads.create({ name: "Tenant A Secret Deal", value: 1_000_000 })

        const listedB = yield* tenantB.leads.list({ records: 1000 })
        expect(listedB.meta.totalRecords).toBe(countB)
        expect(listedB.data.map((lead) => lead.uniqueId)).not.toContain(secret.uniqueId)
        expect((yield* tenantB.leads.search("Tenant A Secret")).data).toEqual([])
        for (
          const call of [
            tenantB.leads.get(secret.uniqueId),
            tenantB.leads.update(secret.uniqueId, { name: "Stolen" }),
            tenantB.leads.delete(secret.uniqueId),
            tenantB.follows.list(secret.uniqueId),
            tenantB.follows.create(secret.uniqueId, { title: "Spy" })
          ] as ReadonlyArray<Effect.Effect<unknown, TestEmulator.ClientError>>
        ) {
          const error = expectTag(yield* Effect.flip(call), "NotFound")
          expect(error.status).toBe(404)
          expect(error.errors[0]?.title).toBe("Lead Not Found")
        }
        const rawB = yield* raw<WireErrors>("GET", `/leads/${secret.uniqueId}`, { apiKey: API_KEY_B })
        expect(rawB.status).toBe(404)

        // Tenant A still has it, untouched.
        expect(yield* tenantA.leads.get(secret.uniqueId)).toStrictEqual(secret)
        // And B's own records stay B's.
        const mine = yield* tenantB.leads.create({ name: "Tenant B Deal" })
        expect(expectTag(yield* Effect.flip(tenantA.leads.get(mine.uniqueId)), "NotFound").status).toBe(404)
        expect((yield* tenantB.leads.list()).meta.totalRecords).toBe(countB + 1)
      }))

    it.effect("the same token works for both tenants; the key alone decides the tenant", () =>
      Effect.gen(function*() {
        expect(TOKEN).not.toBe("")
        const a = yield* raw<WireList>("GET", "/opportunities/", { apiKey: API_KEY_A })
        const b = yield* raw<WireList>("GET", "/opportunities/", { apiKey: API_KEY_B })
        expect([a.status, b.status]).toEqual([200, 200])
        yield* raw("POST", "/opportunities/", { apiKey: API_KEY_B, body: { opportunity: { name: "B only" } } })
        const a2 = yield* raw<WireList>("GET", "/opportunities/", { apiKey: API_KEY_A })
        const b2 = yield* raw<WireList>("GET", "/opportunities/", { apiKey: API_KEY_B })
        expect(a2.json.meta["totalRecords"]).toBe(a.json.meta["totalRecords"])
        expect(b2.json.meta["totalRecords"]).toBe((b.json.meta["totalRecords"] ?? 0) + 1)
      }))
  })
})
