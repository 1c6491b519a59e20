/**
 * The companies domain against the emulator over loopback HTTP: every endpoint (success, 404, 422),
 * input refused before sending, property-based round trips, and what the issue makes special: the
 * emulator's authentication is data. A new key works at once, a disabled or revoked one is refused at
 * once, a key trades for a token that works until it expires (the emulator's clock is moved, nothing
 * sleeps), only an admin token impersonates and never an impersonation token, storage is counted from
 * the uploads, and credentials of one company never reach another (a test per endpoint).
 */
import {
  CompaniesService,
  CompaniesServicesLive,
  CompanyKeysService,
  CreateApiKeyRequest,
  CreateCompanyRequest
} from "@blocks-crm/companies"
import type { CrmConfig } from "@blocks-crm/core-http"
import { Emulator } from "@blocks-crm/emulator"
import { LeadsService } from "@blocks-crm/pipeline"
import { describe, expect, it as plain, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { inspect } from "node:util"
import * as UploadTests from "../accounts/support/Uploads.js"
import * as TestEmulator from "../support/TestEmulator.js"
import { API_KEY_A, API_KEY_B, expectTag, raw, uuid } from "../support/TestEmulator.js"
import type { SentRequest } from "../support/TestEmulator.js"

/** The emulator's clock: the system's, moved forward by `offset` when a test needs time to pass. */
let offset = 0
const systemClock = Clock.make()
const clock: Clock.Clock = Object.create(systemClock, {
  unsafeCurrentTimeMillis: { value: () => systemClock.unsafeCurrentTimeMillis() + offset }
})
const TOKEN_TTL_SECONDS = 600
const QUOTA = 5_000_000

/** The companies services and leads over the file's emulator, with the given credentials, and what they sent. */
const connect = (overrides: Partial<CrmConfig.CrmOptions> = {}) =>
  Effect.gen(function*() {
    const info = yield* Emulator.Emulator
    const sent: Array<SentRequest> = []
    const services = Layer.mergeAll(CompaniesServicesLive, LeadsService.Default).pipe(
      Layer.provide(TestEmulator.transportLayer(TestEmulator.transportOptions(info, overrides), sent))
    )
    const clients = yield* Effect.all({ companies: CompaniesService, keys: CompanyKeysService, leads: LeadsService })
      .pipe(Effect.provide(services))
    return { ...clients, sent }
  })

let counter = 0
/** A url id no other test of the file uses. */
const freshUrlId = (name: string) =>
  `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${++counter}-${Date.now().toString(36)}`

/** A company of tenant A with a key and a token exchanged for it, and a client holding both. */
const companyWithCredentials = (name: string) =>
  Effect.gen(function*() {
    const admin = yield* connect()
    const company = yield* admin.companies.create({ urlId: freshUrlId(name), name })
    const key = yield* admin.keys.create(company.urlId, { name: "integration" })
    const token = yield* admin.companies.exchange(company.urlId, key.secret)
    const client = yield* connect({ apiKey: key.secret, authToken: token.accessToken })
    return { admin, company, key, token, client }
  })

/** A user registered in tenant A, to impersonate. */
const registerUser = (id: string) =>
  raw("POST", `/users/${id}/register`, { body: { user: { email: `${id}@example.com`, name: "Sam Rep" } } })

layer(
  UploadTests.layer({ companies: { clock, tokenTtl: `${TOKEN_TTL_SECONDS} seconds`, storageQuotaBytes: QUOTA } }),
  { excludeTestServices: true }
)("companies on the emulator", (it) => {
  describe("companies", () => {
    it.effect("each tenant has its seeded company my-company; an unknown url id is NotFound", () =>
      Effect.gen(function*() {
        const { companies } = yield* connect()
        const seeded = yield* companies.get("my-company")
        expect(seeded).toMatchObject({ urlId: "my-company", name: "My Company" })
        expect(seeded.uniqueId).toMatch(uuid)
        // The same one on every read; tenant B has its own.
        expect(yield* companies.get("my-company")).toStrictEqual(seeded)
        const other = yield* (yield* connect({ apiKey: API_KEY_B })).companies.get("my-company")
        expect(other.uniqueId).not.toBe(seeded.uniqueId)
        expectTag(yield* Effect.flip(companies.get("no-such-company")), "NotFound")
      }))

    it.effect("create (201) then get; a url id already taken is a 422 on /company/url_id", () =>
      Effect.gen(function*() {
        const { companies } = yield* connect()
        const urlId = freshUrlId("acme")
        const created = yield* companies.create({ urlId, name: "Acme", settings: { timezone: "UTC", seats: 3 } })
        expect(created).toStrictEqual({
          uniqueId: created.uniqueId,
          urlId,
          name: "Acme",
          settings: { timezone: "UTC", seats: 3 },
          createdAt: created.createdAt,
          updatedAt: created.createdAt
        })
        expect(yield* companies.get(urlId)).toStrictEqual(created)
        for (const taken of [urlId, "my-company"]) {
          const error = expectTag(
            yield* Effect.flip(companies.create({ urlId: taken, name: "Again" })),
            "ValidationFailed"
          )
          expect(error.errors.map((e) => e.source?.pointer)).toEqual(["/company/url_id"])
        }
        // The server checks too: a body the client would refuse, sent raw.
        const rawInvalid = yield* raw("POST", "/companies/", { body: { company: { url_id: "Not A Slug", name: "x" } } })
        expect(rawInvalid.status).toBe(422)
        const rawCreated = yield* raw("POST", "/companies/", {
          body: { company: { url_id: freshUrlId("raw"), name: "Raw" } }
        })
        expect(rawCreated.status).toBe(201)
      }))

    it.effect("invalid input is refused before anything is sent", () =>
      Effect.gen(function*() {
        const { companies, keys, sent } = yield* connect()
        const invalid = expectTag(
          yield* Effect.flip(companies.create({ urlId: "Bad Slug", name: " " })),
          "InvalidInput"
        )
        expect(invalid.operation).toBe("companies.create")
        expect(invalid.issues.map((issue) => issue.path).sort()).toEqual(["name", "urlId"])
        expectTag(yield* Effect.flip(companies.get("a/b")), "InvalidInput")
        expectTag(yield* Effect.flip(companies.storage("")), "InvalidInput")
        expectTag(yield* Effect.flip(companies.impersonate("my-company", "")), "InvalidInput")
        expectTag(yield* Effect.flip(companies.exchange("my-company", " ")), "InvalidInput")
        expectTag(yield* Effect.flip(keys.create("my-company", { name: "" })), "InvalidInput")
        expectTag(yield* Effect.flip(keys.update("my-company", "some-key", {})), "InvalidInput")
        expectTag(yield* Effect.flip(keys.delete("my-company", "a b")), "InvalidInput")
        expect(sent).toEqual([])
      }))
  })

  describe("API keys", () => {
    it.effect("the secret is returned once as Redacted; reads show the prefix and the last four only", () =>
      Effect.gen(function*() {
        const { keys } = yield* connect()
        const urlId = freshUrlId("keys")
        yield* (yield* connect()).companies.create({ urlId, name: "Keys Inc" })
        const created = yield* keys.create(urlId, { name: "integration" })
        const secret = Redacted.value(created.secret)
        expect(secret.startsWith(created.prefix)).toBe(true)
        expect(secret.endsWith(created.lastFour)).toBe(true)
        expect(created.lastFour).toHaveLength(4)
        expect(inspect(created, { depth: 5 })).not.toContain(secret)
        const { secret: _secret, ...listed } = created
        expect(yield* keys.list(urlId)).toStrictEqual([listed])
        // On the wire too: no later answer carries it.
        const rawList = yield* raw("GET", `/companies/${urlId}/keys`)
        expect(rawList.status).toBe(200)
        expect(rawList.text).not.toContain(secret)
        expect(rawList.text).not.toContain("secret")
      }))

    it.effect("a new key works at once as AppId and as X-Api-Key for its company's tenant", () =>
      Effect.gen(function*() {
        const { keys } = yield* connect()
        const created = yield* keys.create("my-company", { name: "reporting" })
        const secret = Redacted.value(created.secret)
        const lead = yield* (yield* connect()).leads.create({ name: `Lead seen through a new key ${counter++}` })
        for (const apiKeyHeader of ["AppId", "X-Api-Key"] as const) {
          const { leads } = yield* connect({ apiKey: secret, apiKeyHeader })
          expect((yield* leads.get(lead.uniqueId)).name).toBe(lead.name)
        }
        yield* keys.delete("my-company", created.uniqueId)
      }))

    it.effect("update renames, disables (401 at once) and enables again; delete revokes (401); 404 and 422", () =>
      Effect.gen(function*() {
        const { admin, client, company, key } = yield* companyWithCredentials("Toggle Co")
        const renamed = yield* admin.keys.update(company.urlId, key.uniqueId, { name: "renamed" })
        expect(renamed).toMatchObject({
          uniqueId: key.uniqueId,
          name: "renamed",
          enabled: true,
          lastFour: key.lastFour
        })
        expect((yield* client.companies.get(company.urlId)).urlId).toBe(company.urlId)

        const disabled = yield* admin.keys.update(company.urlId, key.uniqueId, { enabled: false })
        expect(disabled.enabled).toBe(false)
        const refused = expectTag(yield* Effect.flip(client.leads.list({})), "Unauthorized")
        expect(refused.message).toContain("disabled")
        expect((yield* admin.keys.list(company.urlId))[0]?.enabled).toBe(false)

        yield* admin.keys.update(company.urlId, key.uniqueId, { enabled: true })
        expect((yield* client.companies.get(company.urlId)).urlId).toBe(company.urlId)

        yield* admin.keys.delete(company.urlId, key.uniqueId)
        expectTag(yield* Effect.flip(client.leads.list({})), "Unauthorized")
        expect(yield* admin.keys.list(company.urlId)).toEqual([])

        expectTag(yield* Effect.flip(admin.keys.update(company.urlId, key.uniqueId, { name: "x" })), "NotFound")
        expectTag(yield* Effect.flip(admin.keys.delete(company.urlId, key.uniqueId)), "NotFound")
        expectTag(yield* Effect.flip(admin.keys.list("no-such-company")), "NotFound")
        expectTag(yield* Effect.flip(admin.keys.create("no-such-company", { name: "x" })), "NotFound")
        const other = yield* admin.keys.create(company.urlId, { name: "other" })
        const rawInvalid = yield* raw("PUT", `/companies/${company.urlId}/keys/${other.uniqueId}`, {
          body: { api_key: { name: " " } }
        })
        expect(rawInvalid.status).toBe(422)
        const rawCreate = yield* raw("POST", `/companies/${company.urlId}/keys`, { body: { api_key: {} } })
        expect(rawCreate.status).toBe(422)
      }))
  })

  describe("exchange", () => {
    it.effect("a key trades for a bearer token that works with it until it expires, then 401 'expired'", () =>
      Effect.gen(function*() {
        const { client, company, token } = yield* companyWithCredentials("Expiring Co")
        expect(token).toMatchObject({ tokenType: "Bearer", expiresIn: TOKEN_TTL_SECONDS })
        expect(token.userUniqueId).toBeUndefined()
        expect(token.expiresAt.getTime() - Date.now()).toBeGreaterThan((TOKEN_TTL_SECONDS - 60) * 1000)
        expect((yield* client.leads.list({})).meta.totalRecords).toBeGreaterThanOrEqual(0)
        expect((yield* client.companies.get(company.urlId)).urlId).toBe(company.urlId)
        offset = (TOKEN_TTL_SECONDS + 1) * 1000
        try {
          const expired = expectTag(yield* Effect.flip(client.leads.list({})), "Unauthorized")
          expect(expired.message).toContain("expired")
          // The seeded (admin) token does not expire.
          const response = yield* raw("GET", `/companies/${company.urlId}`)
          expect(response.status).toBe(200)
        } finally {
          offset = 0
        }
        expect((yield* client.leads.list({})).meta.totalRecords).toBeGreaterThanOrEqual(0)
      }))

    it.effect("an unknown or disabled key is a 401, another company's url id a 404, a body without a key a 422", () =>
      Effect.gen(function*() {
        const { admin, company, key } = yield* companyWithCredentials("Exchange Co")
        const unknown = expectTag(
          yield* Effect.flip(admin.companies.exchange(company.urlId, "pk_emu_not_a_key_5150")),
          "Unauthorized"
        )
        expect(unknown.message).not.toContain("pk_emu_not_a_key_5150")
        expectTag(yield* Effect.flip(admin.companies.exchange("my-company", key.secret)), "NotFound")
        expectTag(yield* Effect.flip(admin.companies.exchange("no-such-company", key.secret)), "NotFound")
        yield* admin.keys.update(company.urlId, key.uniqueId, { enabled: false })
        expectTag(yield* Effect.flip(admin.companies.exchange(company.urlId, key.secret)), "Unauthorized")
        const rawMissing = yield* raw("POST", `/companies/${company.urlId}/exchange`, { body: { exchange: {} } })
        expect(rawMissing.status).toBe(422)
        // No other credential is needed: the key in the body is the credential.
        yield* admin.keys.update(company.urlId, key.uniqueId, { enabled: true })
        const bare = yield* raw("POST", `/companies/${company.urlId}/exchange`, {
          apiKey: null,
          token: null,
          body: { exchange: { api_key: Redacted.value(key.secret) } }
        })
        expect(bare.status).toBe(201)
        expect(bare.json.data.attributes.token_type).toBe("Bearer")
      }))
  })

  describe("impersonate", () => {
    it.effect("an admin token gets a token acting as the user; that token cannot impersonate again (403)", () =>
      Effect.gen(function*() {
        const admin = yield* connect()
        const userId = `user-${++counter}-${Date.now()}`
        expect((yield* registerUser(userId)).status).toBe(200)
        const token = yield* admin.companies.impersonate("my-company", userId)
        expect(token).toMatchObject({ tokenType: "Bearer", userUniqueId: userId, expiresIn: TOKEN_TTL_SECONDS })
        const acting = yield* connect({ authToken: token.accessToken })
        expect((yield* acting.companies.get("my-company")).urlId).toBe("my-company")
        const again = expectTag(yield* Effect.flip(acting.companies.impersonate("my-company", userId)), "Forbidden")
        expect(again.message).toContain("cannot impersonate again")

        expectTag(yield* Effect.flip(admin.companies.impersonate("no-such-company", userId)), "NotFound")
        const noUser = expectTag(
          yield* Effect.flip(admin.companies.impersonate("my-company", "nobody")),
          "ValidationFailed"
        )
        expect(noUser.errors.map((e) => e.source?.pointer)).toEqual(["/impersonate/user_unique_id"])
      }))

    it.effect("a token exchanged for a key is not an admin's: 403", () =>
      Effect.gen(function*() {
        const { client, company } = yield* companyWithCredentials("No Admin Co")
        const userId = `user-${++counter}-${Date.now()}`
        yield* registerUser(userId)
        const refused = expectTag(yield* Effect.flip(client.companies.impersonate(company.urlId, userId)), "Forbidden")
        expect(refused.message).toContain("Only an admin token")
      }))
  })

  describe("storage", () => {
    it.effect("bytes and files are counted from the documents and logos stored, with the quota", () =>
      Effect.gen(function*() {
        const tenantA = yield* connect()
        const tenantB = yield* connect({ apiKey: API_KEY_B })
        const tenantABefore = yield* tenantA.companies.storage("my-company")
        const before = yield* tenantB.companies.storage("my-company")
        expect(before).toMatchObject({ urlId: "my-company", quotaBytes: QUOTA })
        const { accountDocuments, accounts } = yield* UploadTests.connect(API_KEY_B)
        const account = yield* accounts.create({ name: UploadTests.accountName("Storage Corp") })
        yield* accountDocuments.uploadDocument(account.uniqueId, {
          filename: "contract.pdf",
          bytes: new Uint8Array(1_000).fill(1),
          contentType: "application/pdf"
        })
        yield* accountDocuments.uploadLogo(account.uniqueId, new Uint8Array([137, 80, 78, 71]), "image/png")
        const after = yield* tenantB.companies.storage("my-company")
        expect(after).toStrictEqual({
          urlId: "my-company",
          usedBytes: before.usedBytes + 1_004,
          quotaBytes: QUOTA,
          objectCount: before.objectCount + 2,
          documentCount: before.documentCount + 1,
          logoCount: before.logoCount + 1
        })
        // A new logo replaces the old one: one logo, its own bytes.
        yield* accountDocuments.uploadLogo(account.uniqueId, new Uint8Array(10).fill(2), "image/png")
        const replaced = yield* tenantB.companies.storage("my-company")
        expect(replaced.logoCount).toBe(after.logoCount)
        expect(replaced.usedBytes).toBe(after.usedBytes + 6)
        // Tenant A's count does not move with tenant B's files.
        expect(yield* tenantA.companies.storage("my-company")).toStrictEqual(tenantABefore)
        expectTag(yield* Effect.flip(tenantB.companies.storage("no-such-company")), "NotFound")
      }))
  })

  describe("isolation: credentials of one company never reach another", () => {
    it.effect("a key and token of company A: every endpoint on company B (same tenant) is a 404", () =>
      Effect.gen(function*() {
        const { admin, client, key } = yield* companyWithCredentials("Company A")
        const userId = `user-${++counter}-${Date.now()}`
        yield* registerUser(userId)
        const keyOfB = yield* admin.keys.create("my-company", { name: "b's key" })
        const b = "my-company"
        expectTag(yield* Effect.flip(client.companies.get(b)), "NotFound")
        expectTag(yield* Effect.flip(client.companies.storage(b)), "NotFound")
        expectTag(yield* Effect.flip(client.companies.impersonate(b, userId)), "NotFound")
        expectTag(yield* Effect.flip(client.companies.exchange(b, key.secret)), "NotFound")
        expectTag(yield* Effect.flip(client.keys.list(b)), "NotFound")
        expectTag(yield* Effect.flip(client.keys.create(b, { name: "intruder" })), "NotFound")
        expectTag(yield* Effect.flip(client.keys.update(b, keyOfB.uniqueId, { enabled: false })), "NotFound")
        expectTag(yield* Effect.flip(client.keys.delete(b, keyOfB.uniqueId)), "NotFound")
        // Company B's key is untouched, and still the only one besides those B made before.
        const bKeys = yield* admin.keys.list(b)
        expect(bKeys.find((k) => k.uniqueId === keyOfB.uniqueId)?.enabled).toBe(true)
        expect(bKeys.map((k) => k.name)).not.toContain("intruder")
        yield* admin.keys.delete(b, keyOfB.uniqueId)
      }))

    it.effect("tenant B's credentials: every endpoint on tenant A's company is a 404; A's token with B's key is a 401", () =>
      Effect.gen(function*() {
        const { company, key, token } = yield* companyWithCredentials("Tenant A Co")
        const a = company.urlId
        const tenantB = yield* connect({ apiKey: API_KEY_B })
        const userId = `user-${++counter}-${Date.now()}`
        yield* raw("POST", `/users/${userId}/register`, {
          apiKey: API_KEY_B,
          body: { user: { email: "b@example.com" } }
        })
        expectTag(yield* Effect.flip(tenantB.companies.get(a)), "NotFound")
        expectTag(yield* Effect.flip(tenantB.companies.storage(a)), "NotFound")
        expectTag(yield* Effect.flip(tenantB.companies.impersonate(a, userId)), "NotFound")
        expectTag(yield* Effect.flip(tenantB.keys.list(a)), "NotFound")
        expectTag(yield* Effect.flip(tenantB.keys.create(a, { name: "intruder" })), "NotFound")
        expectTag(yield* Effect.flip(tenantB.keys.update(a, key.uniqueId, { enabled: false })), "NotFound")
        expectTag(yield* Effect.flip(tenantB.keys.delete(a, key.uniqueId)), "NotFound")
        // The exchange answers for the key's own company only; B has no such company.
        expectTag(yield* Effect.flip(tenantB.companies.exchange("my-company", key.secret)), "NotFound")
        const mixed = yield* connect({ apiKey: API_KEY_B, authToken: token.accessToken })
        const refused = expectTag(yield* Effect.flip(mixed.leads.list({})), "Unauthorized")
        expect(refused.message).toContain("another company")
        // A's key still works: nothing of B's changed it.
        expect((yield* (yield* connect({ apiKey: key.secret, authToken: token.accessToken })).companies.get(a)).urlId)
          .toBe(a)
        expect(API_KEY_A).not.toBe(API_KEY_B)
      }))
  })

  describe("secrets", () => {
    it.effect("no error carries a key or a token, whether given as a string or Redacted", () =>
      Effect.gen(function*() {
        const { admin, client, company, key, token } = yield* companyWithCredentials("Secret Co")
        const secret = Redacted.value(key.secret)
        const tokenValue = Redacted.value(token.accessToken)
        yield* admin.keys.update(company.urlId, key.uniqueId, { enabled: false })
        const failures = [
          yield* Effect.flip(client.leads.list({})),
          yield* Effect.flip(client.companies.get(company.urlId)),
          yield* Effect.flip(admin.companies.exchange(company.urlId, secret)),
          yield* Effect.flip(admin.companies.exchange("my-company", `${secret}x`)),
          yield* Effect.flip(admin.companies.exchange("Not A Slug", secret))
        ]
        for (const failure of failures) {
          for (const text of [String(failure), JSON.stringify(failure), inspect(failure, { depth: 10 })]) {
            expect(text).not.toContain(secret)
            expect(text).not.toContain(tokenValue)
          }
        }
        expect(failures.map((f) => f._tag)).toEqual([
          "Unauthorized",
          "Unauthorized",
          "Unauthorized",
          "Unauthorized",
          "InvalidInput"
        ])
      }))
  })

  describe("property-based", () => {
    it.effect("arbitrary valid create inputs (companies, keys) round-trip client → emulator → client unchanged", () =>
      Effect.gen(function*() {
        const { companies, keys } = yield* connect()
        const inputs = fc.sample(Arbitrary.make(CreateCompanyRequest), { seed: 21, numRuns: 30 })
        for (const [index, generated] of inputs.entries()) {
          // Url ids are unique per tenant: make each distinct, keeping the generated slug.
          const input: CreateCompanyRequest = {
            ...generated,
            urlId: `p${index}-${Date.now().toString(36)}-${generated.urlId}`.slice(0, 63).replace(/-$/, "")
          }
          const created = yield* companies.create(input)
          const { createdAt: _c, uniqueId: _u, updatedAt: _up, ...echoed } = created
          expect(echoed).toStrictEqual(input)
          expect(yield* companies.get(created.urlId)).toStrictEqual(created)
        }
        for (const input of fc.sample(Arbitrary.make(CreateApiKeyRequest), { seed: 22, numRuns: 20 })) {
          const created = yield* keys.create("my-company", input)
          expect(created.name).toBe(input.name)
          yield* keys.delete("my-company", created.uniqueId)
        }
      }))

    it.effect("arbitrary invalid create inputs fail with InvalidInput and send nothing", () =>
      Effect.gen(function*() {
        const { companies, sent } = yield* connect()
        const isValid = Schema.is(CreateCompanyRequest)
        const invalid = fc.record({
          urlId: fc.oneof(fc.constantFrom("", "ab", "Upper", "a--b", "-a-", "a_b", "a b"), fc.string(), fc.integer()),
          name: fc.oneof(fc.constantFrom("", "  "), fc.string(), fc.integer()),
          settings: fc.oneof(fc.string(), fc.dictionary(fc.string(), fc.array(fc.integer()), { minKeys: 1 }))
        }, { requiredKeys: [] }).filter((input) => !isValid(input))
        for (const input of fc.sample(invalid, { seed: 23, numRuns: 60 })) {
          const error = expectTag(
            yield* Effect.flip(companies.create(input as unknown as CreateCompanyRequest)),
            "InvalidInput"
          )
          expect(error.issues.length).toBeGreaterThan(0)
        }
        expect(sent).toEqual([])
      }))
  })

  it.effect("the emulator's OpenAPI document lists every company endpoint, the exchange without credentials", () =>
    Effect.gen(function*() {
      const response = yield* raw<{ paths: Record<string, Record<string, { security?: unknown }>> }>(
        "GET",
        "/openapi.json"
      )
      expect(response.status).toBe(200)
      const methods = (path: string) => Object.keys(response.json.paths[path] ?? {}).sort()
      expect(methods("/companies/")).toEqual(["post"])
      expect(methods("/companies/{urlId}")).toEqual(["get"])
      expect(methods("/companies/{urlId}/keys")).toEqual(["get", "post"])
      expect(methods("/companies/{urlId}/keys/{keyId}")).toEqual(["delete", "put"])
      expect(methods("/companies/{urlId}/exchange")).toEqual(["post"])
      expect(methods("/companies/{urlId}/impersonate")).toEqual(["post"])
      expect(methods("/companies/{urlId}/storage")).toEqual(["get"])
      expect(response.json.paths["/companies/{urlId}/exchange"]?.["post"]?.security ?? []).toEqual([])
      expect(response.json.paths["/companies/{urlId}/storage"]?.["get"]?.security).not.toEqual([])
    }))
})

plain.scopedLive(
  "the emulator's request log never carries a key, a token or an exchange body",
  () =>
    Effect.gen(function*() {
      const lines: Array<string> = []
      const capture = Logger.make(({ annotations, message }) => {
        lines.push(JSON.stringify({ message, annotations: Object.fromEntries(annotations) }))
      })
      const info = yield* TestEmulator.start({ logRequests: true }).pipe(
        Effect.provide(Logger.replace(Logger.defaultLogger, capture))
      )
      yield* Effect.gen(function*() {
        const created = yield* raw("POST", "/companies/my-company/keys", { body: { api_key: { name: "logged" } } })
        expect(created.status).toBe(201)
        const secret: string = created.json.data.attributes.secret
        const exchanged = yield* raw("POST", "/companies/my-company/exchange", {
          apiKey: null,
          token: null,
          body: { exchange: { api_key: secret } }
        })
        expect(exchanged.status).toBe(201)
        const token: string = exchanged.json.data.attributes.access_token
        const used = yield* raw("GET", "/companies/my-company", { apiKey: secret, token })
        expect(used.status).toBe(200)
        const refused = yield* raw("GET", "/companies/my-company", { apiKey: `${secret}x`, token: `${token}x` })
        expect(refused.status).toBe(401)
        expect(refused.text).not.toContain(secret)
        expect(lines.length).toBeGreaterThanOrEqual(4)
        const log = lines.join("\n")
        expect(log).toContain("/companies/my-company")
        expect(log).not.toContain(secret)
        expect(log).not.toContain(token)
        expect(log).not.toContain(TestEmulator.TOKEN)
      }).pipe(Effect.provideService(Emulator.Emulator, info))
    })
)

plain.scopedLive(
  "keys, their state and their tokens survive a restart on the same SQLite file; the file holds no secret",
  () =>
    Effect.gen(function*() {
      const dir = yield* Effect.acquireRelease(
        Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "crm-companies-test-"))),
        (dir) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
      )
      const database = path.join(dir, "emulator.db")
      const run = <A, E>(f: Effect.Effect<A, E, Emulator.Emulator>) =>
        Effect.scoped(
          Effect.flatMap(TestEmulator.start({ database }), (info) => Effect.provideService(f, Emulator.Emulator, info))
        )

      // With Idempotency-Keys, as the SDK sends them: the kept answers carry the secrets, sealed.
      const once = { "idempotency-key": crypto.randomUUID() }
      const issued = yield* run(Effect.gen(function*() {
        const created = yield* raw("POST", "/companies/my-company/keys", {
          body: { api_key: { name: "kept" } },
          headers: once
        })
        const disabled = yield* raw("POST", "/companies/my-company/keys", {
          body: { api_key: { name: "off" } },
          headers: { "idempotency-key": crypto.randomUUID() }
        })
        yield* raw("PUT", `/companies/my-company/keys/${disabled.json.data.id}`, {
          body: { api_key: { enabled: false } }
        })
        const secret: string = created.json.data.attributes.secret
        const exchanged = yield* raw("POST", "/companies/my-company/exchange", {
          body: { exchange: { api_key: secret } },
          headers: { "idempotency-key": crypto.randomUUID() }
        })
        return {
          secret,
          disabledSecret: disabled.json.data.attributes.secret as string,
          token: exchanged.json.data.attributes.access_token as string
        }
      }))
      yield* run(Effect.gen(function*() {
        expect((yield* raw("GET", "/companies/my-company", { apiKey: issued.secret, token: issued.token })).status)
          .toBe(200)
        expect((yield* raw("GET", "/companies/my-company", { apiKey: issued.disabledSecret })).status).toBe(401)
        const keys = yield* raw("GET", "/companies/my-company/keys")
        expect(keys.json.data.map((k: { attributes: { name: string } }) => k.attributes.name)).toEqual(["kept", "off"])
        // After the restart, the same key replays the first answer, secret included, and creates nothing.
        const replayed = yield* raw("POST", "/companies/my-company/keys", {
          body: { api_key: { name: "kept" } },
          headers: once
        })
        expect(replayed.headers.get("idempotent-replayed")).toBe("true")
        expect(replayed.json.data.attributes.secret).toBe(issued.secret)
        expect((yield* raw("GET", "/companies/my-company/keys")).json.data).toHaveLength(2)
      }))
      const bytes = fs.readFileSync(database).toString("latin1") +
        (fs.existsSync(`${database}-wal`) ? fs.readFileSync(`${database}-wal`).toString("latin1") : "")
      for (const secret of [issued.secret, issued.disabledSecret, issued.token]) expect(bytes).not.toContain(secret)
      expect(bytes).toContain(issued.secret.slice(-4))
    })
)
