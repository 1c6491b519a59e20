/**
 * IdentitiesService against the emulator over loopback HTTP: every endpoint (success, 404, 422),
 * register's create-or-activate idempotency, and a user's contacts being the contacts it owns.
 */
import { RegisterUserRequest } from "@blocks-crm/accounts"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as TestEmulator from "../support/TestEmulator.js"
import type { WireDocument, WireErrors } from "../support/TestEmulator.js"
import { API_KEY_B, expectTag, raw } from "../support/TestEmulator.js"
import { connectContacts } from "./ContactsClient.js"

let next = 0
/** A unique id the auth system might have given the user. */
const userId = () => `auth0-user-${Date.now()}-${next++}`

layer(TestEmulator.layer(), { excludeTestServices: true })("accounts identities on the emulator", (it) => {
  describe("IdentitiesService", () => {
    it.effect("register creates an active user under the given id; get, list and search find it", () =>
      Effect.gen(function*() {
        const { identities, sent } = yield* connectContacts()
        const id = userId()
        const user = yield* identities.register(id, {
          email: "sam@acme.com",
          name: "Sam Rep",
          phone: "+1-555-0199",
          payload: { team: "west", quota: 12 }
        })
        expect(user).toStrictEqual({
          uniqueId: id,
          email: "sam@acme.com",
          name: "Sam Rep",
          phone: "+1-555-0199",
          payload: { team: "west", quota: 12 },
          status: "active",
          createdAt: user.createdAt,
          updatedAt: user.createdAt
        })
        expect(sent.at(-1)).toMatchObject({ method: "POST", path: `/users/${id}/register` })
        expect(yield* identities.get(id)).toStrictEqual(user)
        expect((yield* identities.list({ records: 1000 })).data.map((u) => u.uniqueId)).toContain(id)
        expect((yield* identities.search("sam rep")).data.map((u) => u.uniqueId)).toEqual([id])
        expect(sent.at(-1)).toMatchObject({ method: "GET", path: "/users", query: { search: "sam rep" } })
      }))

    it.effect("the same registration twice is the same user, unchanged; a new e-mail updates it", () =>
      Effect.gen(function*() {
        const { identities } = yield* connectContacts()
        const id = userId()
        const first = yield* identities.register(id, { email: "twice@acme.com", name: "Twice" })
        const second = yield* identities.register(id, { email: "twice@acme.com", name: "Twice" })
        expect(second).toStrictEqual(first)
        const count = (yield* identities.list({ records: 1000 })).data.filter((u) => u.uniqueId === id).length
        expect(count).toBe(1)

        const moved = yield* identities.register(id, { email: "moved@acme.com" })
        expect(moved).toMatchObject({
          uniqueId: id,
          email: "moved@acme.com",
          name: "Twice",
          createdAt: first.createdAt
        })
      }))

    it.effect("delete removes a user; registering again activates the same user", () =>
      Effect.gen(function*() {
        const { identities, sent } = yield* connectContacts()
        const id = userId()
        const user = yield* identities.register(id, { email: "gone@acme.com" })
        yield* identities.delete(id)
        expect(sent.at(-1)).toMatchObject({ method: "DELETE", path: `/users/${id}` })
        expectTag(yield* Effect.flip(identities.get(id)), "NotFound")
        expect((yield* identities.list({ records: 1000 })).data.map((u) => u.uniqueId)).not.toContain(id)

        const back = yield* identities.register(id, { email: "gone@acme.com" })
        expect(back).toMatchObject({ uniqueId: id, status: "active", createdAt: user.createdAt })
        expect(yield* identities.get(id)).toStrictEqual(back)
      }))

    it.effect("a user's contacts are the live contacts it owns", () =>
      Effect.gen(function*() {
        const { contacts, identities } = yield* connectContacts()
        const id = userId()
        yield* identities.register(id, { email: "owner@acme.com" })
        expect(yield* identities.listContacts(id)).toEqual([])
        const mine = yield* contacts.create({ firstName: "Mine", lastName: "One", userUniqueId: id })
        const archived = yield* contacts.create({ firstName: "Mine", lastName: "Archived", userUniqueId: id })
        yield* contacts.create({ firstName: "Someone", lastName: "Else", userUniqueId: `${id}-other` })
        yield* contacts.create({ firstName: "No", lastName: "Owner" })
        yield* contacts.archive(archived.uniqueId)
        expect(yield* identities.listContacts(id)).toStrictEqual([mine])
      }))

    it.effect("an unknown user is a 404 on get, delete and contacts; another tenant's user too", () =>
      Effect.gen(function*() {
        const { identities } = yield* connectContacts()
        for (
          const error of yield* Effect.all([
            Effect.flip(identities.get("no-such-user")),
            Effect.flip(identities.delete("no-such-user")),
            Effect.flip(identities.listContacts("no-such-user"))
          ])
        ) {
          expect(expectTag(error, "NotFound").errors[0]?.title).toBe("User Not Found")
        }
        const id = userId()
        yield* identities.register(id, { email: "tenant-a@acme.com" })
        const other = yield* connectContacts({ apiKey: API_KEY_B })
        expectTag(yield* Effect.flip(other.identities.get(id)), "NotFound")
      }))

    it.effect("a malformed e-mail is a 422 from the emulator and InvalidInput (nothing sent) from the client", () =>
      Effect.gen(function*() {
        const id = userId()
        const refused = yield* raw<WireErrors>("POST", `/users/${id}/register`, { body: { user: { email: "nope" } } })
        expect(refused.status).toBe(422)
        expect(refused.json.errors.map((e) => e.source?.pointer)).toEqual(["/user/email"])
        const missing = yield* raw<WireErrors>("POST", `/users/${id}/register`, { body: { user: { name: "No Mail" } } })
        expect(missing.status).toBe(422)
        expect(missing.json.errors[0]).toMatchObject({ code: "required", source: { pointer: "/user/email" } })
        const ok = yield* raw<WireDocument>("POST", `/users/${id}/register`, {
          body: { user: { email: "ok@acme.com" } }
        })
        expect(ok.status).toBe(200)
        expect(ok.json.data).toMatchObject({ id, type: "user", attributes: { unique_id: id, status: "active" } })

        const { identities, sent } = yield* connectContacts()
        const invalid = expectTag(yield* Effect.flip(identities.register(id, { email: "nope" })), "InvalidInput")
        expect(invalid).toMatchObject({ operation: "identities.register", issues: [{ path: "email" }] })
        expectTag(yield* Effect.flip(identities.register("a/b", { email: "ok@acme.com" })), "InvalidInput")
        expectTag(yield* Effect.flip(identities.list({ page: 0 })), "InvalidInput")
        expect(sent).toEqual([])
      }))

    it.effect("arbitrary valid registrations round-trip unchanged", () =>
      Effect.gen(function*() {
        const { identities } = yield* connectContacts()
        // JSON has no `undefined` or -0: the payload's values are what JSON can carry back.
        const registration = Arbitrary.make(RegisterUserRequest).map(({ payload: _payload, ...rest }) => rest)
        const withPayload = fc.tuple(
          registration,
          fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: undefined })
        )
          .map((
            [rest, payload]
          ) => (payload === undefined ? rest : { ...rest, payload: JSON.parse(JSON.stringify(payload)) }))
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(withPayload, async (input) => {
              const id = userId()
              const user = await Effect.runPromise(identities.register(id, input))
              expect(user).toStrictEqual({
                ...input,
                uniqueId: id,
                status: "active",
                createdAt: user.createdAt,
                updatedAt: user.createdAt
              })
              expect(await Effect.runPromise(identities.get(id))).toStrictEqual(user)
            }),
            { numRuns: 20, seed: 20_261_130 }
          )
        )
      }))
  })

  it.effect("the emulator's OpenAPI document lists every identity endpoint", () =>
    Effect.gen(function*() {
      const response = yield* raw<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json")
      const methods = (path: string) => Object.keys(response.json.paths[path] ?? {}).sort()
      expect(methods("/users")).toEqual(["get"])
      expect(methods("/users/{uniqueId}")).toEqual(["delete", "get"])
      expect(methods("/users/{uniqueId}/register")).toEqual(["post"])
      expect(methods("/users/{uniqueId}/contacts")).toEqual(["get"])
    }))
})
