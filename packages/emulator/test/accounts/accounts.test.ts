/**
 * AccountsService against the emulator over loopback HTTP: the reference's create body, CRUD, search,
 * the trash and the archive with recover, names unique per tenant, 404s and 422s, input refused before
 * sending, property-based round trips, and the resource in the emulator's OpenAPI document.
 */
import type { CreateAccountRequest } from "@blocks-crm/accounts"
import { CreateAccountRequest as CreateAccountSchema } from "@blocks-crm/accounts"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as TestEmulator from "../support/TestEmulator.js"
import { API_KEY_B, expectTag, raw, uuid } from "../support/TestEmulator.js"
import { connectAccounts, uniqueName } from "./AccountsClient.js"

layer(TestEmulator.layer(), { excludeTestServices: true })("accounts on the emulator", (it) => {
  describe("AccountsService", () => {
    it.effect("the reference's create body round-trips; get, search, update and every value", () =>
      Effect.gen(function*() {
        const { accounts } = yield* connectAccounts()
        const name = uniqueName("Acme Corp")
        const created = yield* accounts.create({
          name,
          industry: "Technology",
          website: "https://acme.com",
          phone: "+1-555-0100",
          email: "info@acme.com"
        })
        expect(created).toStrictEqual({
          uniqueId: created.uniqueId,
          name,
          industry: "Technology",
          website: "https://acme.com",
          phone: "+1-555-0100",
          email: "info@acme.com",
          status: "active",
          createdAt: created.createdAt,
          updatedAt: created.createdAt
        })
        expect(created.uniqueId).toMatch(uuid)
        expect(yield* accounts.get(created.uniqueId)).toStrictEqual(created)

        const found = yield* accounts.search(name)
        expect(found.data.map((account) => account.uniqueId)).toEqual([created.uniqueId])

        const updated = yield* accounts.update(created.uniqueId, {
          industry: "Retail",
          tags: ["key"],
          status: "inactive"
        })
        expect(updated).toMatchObject({
          uniqueId: created.uniqueId,
          name,
          industry: "Retail",
          tags: ["key"],
          status: "inactive"
        })
        expect(yield* accounts.get(created.uniqueId)).toMatchObject({ industry: "Retail", status: "inactive" })
        // Its own name is not "taken" by itself.
        expect((yield* accounts.update(created.uniqueId, { name: name.toUpperCase() })).name).toBe(name.toUpperCase())
      }))

    it.effect("the trash: delete hides the account, listDeleted shows it, recover brings it back", () =>
      Effect.gen(function*() {
        const { accounts } = yield* connectAccounts()
        const account = yield* accounts.create({ name: uniqueName("Trashed Ltd") })
        yield* accounts.delete(account.uniqueId)
        expectTag(yield* Effect.flip(accounts.get(account.uniqueId)), "NotFound")
        expect((yield* accounts.list({ records: 100 })).data.map((a) => a.uniqueId)).not.toContain(account.uniqueId)
        const trash = yield* accounts.listDeleted({ records: 100 })
        expect(trash.data.find((a) => a.uniqueId === account.uniqueId)?.status).toBe("deleted")
        expectTag(yield* Effect.flip(accounts.delete(account.uniqueId)), "NotFound")
        expectTag(yield* Effect.flip(accounts.archive(account.uniqueId)), "NotFound")

        const recovered = yield* accounts.recover(account.uniqueId)
        expect(recovered).toMatchObject({ uniqueId: account.uniqueId, status: "active" })
        expect((yield* accounts.listDeleted({ records: 100 })).data.map((a) => a.uniqueId)).not.toContain(
          account.uniqueId
        )
        expect((yield* accounts.list({ records: 100 })).data.map((a) => a.uniqueId)).toContain(account.uniqueId)
      }))

    it.effect("the archive: archive hides the account from list, listArchived shows it, recover brings it back", () =>
      Effect.gen(function*() {
        const { accounts } = yield* connectAccounts()
        const account = yield* accounts.create({ name: uniqueName("Archived GmbH") })
        yield* accounts.archive(account.uniqueId)
        const listed = yield* accounts.list({ records: 100 })
        expect(listed.data.map((a) => a.uniqueId)).not.toContain(account.uniqueId)
        const archived = yield* accounts.listArchived({ records: 100 })
        expect(archived.data.map((a) => a.uniqueId)).toContain(account.uniqueId)
        // Still readable by id, with its status saying where it is.
        expect((yield* accounts.get(account.uniqueId)).status).toBe("archived")
        expect((yield* accounts.listDeleted({ records: 100 })).data.map((a) => a.uniqueId)).not.toContain(
          account.uniqueId
        )

        expect((yield* accounts.recover(account.uniqueId)).status).toBe("active")
        expect((yield* accounts.listArchived({ records: 100 })).data.map((a) => a.uniqueId)).not.toContain(
          account.uniqueId
        )
        expect((yield* accounts.list({ records: 100 })).data.map((a) => a.uniqueId)).toContain(account.uniqueId)

        // An archived account can go to the trash, and comes back from there.
        yield* accounts.archive(account.uniqueId)
        yield* accounts.delete(account.uniqueId)
        expect((yield* accounts.listDeleted({ records: 100 })).data.map((a) => a.uniqueId)).toContain(account.uniqueId)
        expect((yield* accounts.listArchived({ records: 100 })).data.map((a) => a.uniqueId)).not.toContain(
          account.uniqueId
        )
        expect((yield* accounts.recover(account.uniqueId)).status).toBe("active")
      }))

    it.effect("archives and lists are per tenant", () =>
      Effect.gen(function*() {
        const { accounts } = yield* connectAccounts()
        const other = yield* connectAccounts({ apiKey: API_KEY_B })
        const account = yield* accounts.create({ name: uniqueName("Tenant A only") })
        expectTag(yield* Effect.flip(other.accounts.get(account.uniqueId)), "NotFound")
        expectTag(yield* Effect.flip(other.accounts.archive(account.uniqueId)), "NotFound")
        // The same name is free in another tenant.
        expect((yield* other.accounts.create({ name: account.name })).name).toBe(account.name)
      }))

    it.effect("a name another account of the tenant uses is refused (422 on /account/name), archived ones included", () =>
      Effect.gen(function*() {
        const { accounts } = yield* connectAccounts()
        const name = uniqueName("Initech")
        const first = yield* accounts.create({ name })
        const duplicate = expectTag(
          yield* Effect.flip(accounts.create({ name: `  ${name.toLowerCase()} ` })),
          "ValidationFailed"
        )
        expect(duplicate.status).toBe(422)
        expect(duplicate.errors).toEqual([
          expect.objectContaining({ code: "taken", source: { pointer: "/account/name" } })
        ])

        const second = yield* accounts.create({ name: uniqueName("Initrode") })
        const renamed = expectTag(yield* Effect.flip(accounts.update(second.uniqueId, { name })), "ValidationFailed")
        expect(renamed.errors[0]?.source?.pointer).toBe("/account/name")

        yield* accounts.archive(first.uniqueId)
        expectTag(yield* Effect.flip(accounts.create({ name })), "ValidationFailed")
        // In the trash, the name is free again.
        yield* accounts.delete(first.uniqueId)
        expect((yield* accounts.create({ name })).name).toBe(name)
      }))

    it.effect("an unknown id is NotFound for every account endpoint", () =>
      Effect.gen(function*() {
        const { accounts } = yield* connectAccounts()
        expectTag(yield* Effect.flip(accounts.get("no-such-account")), "NotFound")
        expectTag(yield* Effect.flip(accounts.update("no-such-account", { industry: "x" })), "NotFound")
        expectTag(yield* Effect.flip(accounts.delete("no-such-account")), "NotFound")
        expectTag(yield* Effect.flip(accounts.archive("no-such-account")), "NotFound")
        expectTag(yield* Effect.flip(accounts.recover("no-such-account")), "NotFound")
      }))

    it.effect("the emulator answers a malformed body with 422, one entry per field with its pointer", () =>
      Effect.gen(function*() {
        const { accounts } = yield* connectAccounts()
        const body = { account: { name: "", email: "info-at-acme", website: "acme", phone: "call us" } }
        const created = yield* raw<{ errors: Array<{ status: string; source?: { pointer?: string } }> }>(
          "POST",
          "/accounts/",
          { body }
        )
        expect(created.status).toBe(422)
        expect(created.json.errors.map((error) => error.source?.pointer).sort()).toEqual([
          "/account/email",
          "/account/name",
          "/account/phone",
          "/account/website"
        ])
        expect(created.json.errors.every((error) => error.status === "422")).toBe(true)

        const account = yield* accounts.create({ name: uniqueName("Put target") })
        const updated = yield* raw<{ errors: Array<{ source?: { pointer?: string } }> }>(
          "PUT",
          `/accounts/${account.uniqueId}/`,
          {
            body: { account: { status: "archived", email: "x" } }
          }
        )
        expect(updated.status).toBe(422)
        expect(updated.json.errors.map((error) => error.source?.pointer).sort()).toEqual([
          "/account/email",
          "/account/status"
        ])
      }))

    it.effect("invalid input is refused before anything is sent", () =>
      Effect.gen(function*() {
        const { accounts, sent } = yield* connectAccounts()
        const invalid = expectTag(
          yield* Effect.flip(accounts.create({ name: "  ", email: "nope", website: "acme.com", phone: "12" })),
          "InvalidInput"
        )
        expect(invalid.operation).toBe("accounts.create")
        expect(invalid.issues.map((issue) => issue.path).sort()).toEqual(["email", "name", "phone", "website"])
        expectTag(yield* Effect.flip(accounts.update("some-id", {})), "InvalidInput")
        expectTag(yield* Effect.flip(accounts.archive("a/b")), "InvalidInput")
        expectTag(yield* Effect.flip(accounts.listArchived({ records: 0 })), "InvalidInput")
        expectTag(yield* Effect.flip(accounts.assignCategory("acc", { categoryUniqueId: "" })), "InvalidInput")
        expectTag(yield* Effect.flip(accounts.validateTaxId({ taxId: " " })), "InvalidInput")
        expect(sent).toEqual([])
      }))
  })

  describe("property-based", () => {
    it.effect("arbitrary valid create inputs round-trip client → emulator → client unchanged", () =>
      Effect.gen(function*() {
        const { accounts } = yield* connectAccounts()
        const inputs = fc.sample(Arbitrary.make(CreateAccountSchema), { seed: 11, numRuns: 40 })
        for (const [index, generated] of inputs.entries()) {
          // Names are unique per tenant: make each one distinct, keeping the generated text.
          const input: CreateAccountRequest = { ...generated, name: `${generated.name} #${index}` }
          const created = yield* accounts.create(input)
          const { createdAt: _c, status, uniqueId: _u, updatedAt: _up, ...echoed } = created
          expect(echoed).toStrictEqual(input)
          expect(status).toBe("active")
          expect(yield* accounts.get(created.uniqueId)).toStrictEqual(created)
        }
      }))

    it.effect("arbitrary invalid create inputs fail with InvalidInput and send nothing", () =>
      Effect.gen(function*() {
        const { accounts, sent } = yield* connectAccounts()
        const isValid = Schema.is(CreateAccountSchema)
        const invalid = fc.record({
          name: fc.oneof(fc.constantFrom("", "   ", "\t"), fc.string()),
          email: fc.string(),
          website: fc.string(),
          phone: fc.string()
        }, { requiredKeys: ["name"] }).filter((input) => !isValid(input))
        const inputs = fc.sample(invalid, { seed: 12, numRuns: 60 })
        for (const input of inputs) {
          const error = expectTag(yield* Effect.flip(accounts.create(input as CreateAccountRequest)), "InvalidInput")
          expect(error.issues.length).toBeGreaterThan(0)
        }
        expect(sent).toEqual([])
      }))
  })

  it.effect("the emulator's OpenAPI document lists every account endpoint", () =>
    Effect.gen(function*() {
      const response = yield* raw<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json")
      expect(response.status).toBe(200)
      const methods = (path: string) => Object.keys(response.json.paths[path] ?? {}).sort()
      expect(methods("/accounts/")).toEqual(["get", "post"])
      expect(methods("/accounts/{uniqueId}")).toEqual(["get"])
      expect(methods("/accounts/{uniqueId}/")).toEqual(["delete", "put"])
      expect(methods("/accounts/status/trash")).toEqual(["get"])
      expect(methods("/accounts/status/archive")).toEqual(["get"])
      expect(methods("/accounts/validate")).toEqual(["post"])
      expect(methods("/accounts/validate_tax_id")).toEqual(["post"])
      expect(methods("/accounts/{uniqueId}/archive")).toEqual(["delete"])
      expect(methods("/accounts/{uniqueId}/recover")).toEqual(["put"])
      expect(methods("/accounts/{uniqueId}/categories")).toEqual(["post"])
      expect(methods("/accounts/{accountId}/details")).toEqual(["post", "put"])
      expect(methods("/accounts/{accountId}/locations")).toEqual(["get", "post"])
      expect(methods("/categories")).toEqual(["get", "post"])
      expect(methods("/categories/{uniqueId}")).toEqual(["delete", "get", "put"])
    }))
})
