/**
 * An account's details (one record per account: POST once, then PUT) and its locations, against the
 * emulator: success, 404 for an unknown account, 422 for a bad body, and input refused before sending.
 */
import { CreateAccountLocationRequest } from "@blocks-crm/accounts"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as TestEmulator from "../support/TestEmulator.js"
import { expectTag, raw } from "../support/TestEmulator.js"
import { connectAccounts, uniqueName } from "./AccountsClient.js"

layer(TestEmulator.layer(), { excludeTestServices: true })("account details and locations on the emulator", (it) => {
  describe("AccountDetailsService", () => {
    it.effect("PUT before POST is NotFound; POST adds, a second POST is a 422, PUT changes", () =>
      Effect.gen(function*() {
        const { accounts, details } = yield* connectAccounts()
        const account = yield* accounts.create({ name: uniqueName("Detailed Inc") })
        expectTag(yield* Effect.flip(details.update(account.uniqueId, { label: "early" })), "NotFound")

        const added = yield* details.create(account.uniqueId, {
          preferredDomain: "detailed.com",
          payload: { tier: "gold" }
        })
        expect(added).toStrictEqual({
          uniqueId: added.uniqueId,
          accountUniqueId: account.uniqueId,
          preferredDomain: "detailed.com",
          payload: { tier: "gold" },
          createdAt: added.createdAt,
          updatedAt: added.createdAt
        })

        const again = expectTag(
          yield* Effect.flip(details.create(account.uniqueId, { label: "twice" })),
          "ValidationFailed"
        )
        expect(again.errors[0]).toMatchObject({ code: "taken", source: { pointer: "/detail" } })

        const changed = yield* details.update(account.uniqueId, { preferredLanguage: "en", label: "Key account" })
        expect(changed).toMatchObject({
          uniqueId: added.uniqueId,
          preferredDomain: "detailed.com",
          preferredLanguage: "en",
          label: "Key account"
        })
      }))

    it.effect("an unknown account is NotFound; a bad body is a 422; an empty one is refused before sending", () =>
      Effect.gen(function*() {
        const { accounts, details, sent } = yield* connectAccounts()
        expectTag(yield* Effect.flip(details.create("no-such-account", { label: "x" })), "NotFound")
        expectTag(yield* Effect.flip(details.update("no-such-account", { label: "x" })), "NotFound")
        const before = sent.length
        expectTag(yield* Effect.flip(details.create("some-account", {})), "InvalidInput")
        expectTag(yield* Effect.flip(details.update("a/b", { label: "x" })), "InvalidInput")
        expect(sent.length).toBe(before)

        const account = yield* accounts.create({ name: uniqueName("Raw details") })
        const response = yield* raw<{ errors: Array<{ source?: { pointer?: string } }> }>(
          "POST",
          `/accounts/${account.uniqueId}/details`,
          { body: { detail: { tags: "not-a-list" } } }
        )
        expect(response.status).toBe(422)
        expect(response.json.errors[0]?.source?.pointer).toBe("/detail/tags")
        const put = yield* raw<{ errors: Array<{ source?: { pointer?: string } }> }>(
          "PUT",
          `/accounts/${account.uniqueId}/details`,
          { body: { detail: { payload: [1, 2] } } }
        )
        expect(put.status).toBe(422)
        expect(put.json.errors[0]?.source?.pointer).toBe("/detail/payload")
      }))
  })

  describe("AccountLocationsService", () => {
    it.effect("locations are added to and listed for their own account only", () =>
      Effect.gen(function*() {
        const { accounts, locations } = yield* connectAccounts()
        const account = yield* accounts.create({ name: uniqueName("Located AG") })
        const other = yield* accounts.create({ name: uniqueName("Elsewhere AG") })
        expect(yield* locations.list(account.uniqueId)).toEqual([])

        const office = yield* locations.create(account.uniqueId, {
          name: "Head office",
          address: "Unter den Linden 1",
          city: "Berlin",
          postalCode: "10117",
          country: "DE"
        })
        expect(office).toStrictEqual({
          uniqueId: office.uniqueId,
          accountUniqueId: account.uniqueId,
          name: "Head office",
          address: "Unter den Linden 1",
          city: "Berlin",
          postalCode: "10117",
          country: "DE",
          createdAt: office.createdAt,
          updatedAt: office.createdAt
        })
        const depot = yield* locations.create(account.uniqueId, { name: "Depot" })
        expect((yield* locations.list(account.uniqueId)).map((location) => location.uniqueId)).toEqual([
          office.uniqueId,
          depot.uniqueId
        ])
        expect(yield* locations.list(other.uniqueId)).toEqual([])
      }))

    it.effect("arbitrary valid locations round-trip client → emulator → client unchanged", () =>
      Effect.gen(function*() {
        const { accounts, locations } = yield* connectAccounts()
        const account = yield* accounts.create({ name: uniqueName("Many places") })
        const inputs = fc.sample(Arbitrary.make(CreateAccountLocationRequest), { seed: 21, numRuns: 25 })
        const created = []
        for (const input of inputs) {
          const location = yield* locations.create(account.uniqueId, input)
          const { accountUniqueId, createdAt: _c, uniqueId: _u, updatedAt: _up, ...echoed } = location
          expect(echoed).toStrictEqual(input)
          expect(accountUniqueId).toBe(account.uniqueId)
          created.push(location)
        }
        expect(yield* locations.list(account.uniqueId)).toStrictEqual(created)
      }))

    it.effect("an unknown account is NotFound; a bad body is a 422; a bad country is refused before sending", () =>
      Effect.gen(function*() {
        const { accounts, locations, sent } = yield* connectAccounts()
        expectTag(yield* Effect.flip(locations.list("no-such-account")), "NotFound")
        expectTag(yield* Effect.flip(locations.create("no-such-account", { name: "x" })), "NotFound")
        const before = sent.length
        const refused = expectTag(
          yield* Effect.flip(locations.create("some-account", { name: " ", country: "Germany" })),
          "InvalidInput"
        )
        expect(refused.issues.map((issue) => issue.path).sort()).toEqual(["country", "name"])
        expect(sent.length).toBe(before)

        const account = yield* accounts.create({ name: uniqueName("Raw locations") })
        const response = yield* raw<{ errors: Array<{ source?: { pointer?: string } }> }>(
          "POST",
          `/accounts/${account.uniqueId}/locations`,
          { body: { location: { city: "Berlin", country: "de" } } }
        )
        expect(response.status).toBe(422)
        expect(response.json.errors.map((error) => error.source?.pointer).sort()).toEqual([
          "/location/country",
          "/location/name"
        ])
      }))
  })
})
