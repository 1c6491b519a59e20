/**
 * AccountContactsService against the emulator over loopback HTTP (link, create-and-link, list, get,
 * unlink; 404s and 422s), and crm-block.md's "Create an Account with Contact" sent exactly as the
 * reference prints it, with raw HTTP.
 */
import { CreateContactRequest } from "@blocks-crm/accounts"
import { Emulator } from "@blocks-crm/emulator"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as RawHttp from "../support/RawHttp.js"
import * as TestEmulator from "../support/TestEmulator.js"
import type { WireDocument, WireErrors } from "../support/TestEmulator.js"
import { API_KEY_A, API_KEY_B, expectTag, raw, TOKEN, uuid } from "../support/TestEmulator.js"
import { connectContacts } from "./ContactsClient.js"

const ids = (contacts: ReadonlyArray<{ readonly uniqueId: string }>) => contacts.map((contact) => contact.uniqueId)

layer(TestEmulator.layer(), { excludeTestServices: true })("accounts account contacts on the emulator", (it) => {
  describe("AccountContactsService", () => {
    it.effect("create makes a contact and links it; link adds an existing one, once; get reads a linked one", () =>
      Effect.gen(function*() {
        const { accountContacts, accounts, contacts, sent } = yield* connectContacts()
        const account = yield* accounts.create({ name: "Initech" })
        expect(yield* accountContacts.list(account.uniqueId)).toEqual([])

        const jane = yield* accountContacts.create(account.uniqueId, {
          firstName: "Jane",
          lastName: "Smith",
          email: "jane@initech.com",
          title: "VP Sales"
        })
        expect(jane).toStrictEqual({
          uniqueId: jane.uniqueId,
          firstName: "Jane",
          lastName: "Smith",
          email: "jane@initech.com",
          title: "VP Sales",
          status: "active",
          createdAt: jane.createdAt,
          updatedAt: jane.createdAt
        })
        expect(sent.at(-1)).toMatchObject({ method: "POST", path: `/accounts/${account.uniqueId}/contacts` })
        // A real contact: the contacts endpoints know it.
        expect(yield* contacts.get(jane.uniqueId)).toStrictEqual(jane)

        const bob = yield* contacts.create({ firstName: "Bob", lastName: "Porter" })
        expect(yield* accountContacts.link(account.uniqueId, bob.uniqueId)).toStrictEqual(bob)
        expect(yield* accountContacts.link(account.uniqueId, bob.uniqueId)).toStrictEqual(bob)
        expect(yield* accountContacts.list(account.uniqueId)).toStrictEqual([jane, bob])
        expect(yield* accountContacts.get(account.uniqueId, bob.uniqueId)).toStrictEqual(bob)
        expect(sent.at(-1)).toMatchObject({
          method: "GET",
          path: `/accounts/${account.uniqueId}/contacts/${bob.uniqueId}`
        })
      }))

    it.effect("unlink removes the link and keeps the contact; a contact not linked is a 404", () =>
      Effect.gen(function*() {
        const { accountContacts, accounts, contacts, sent } = yield* connectContacts()
        const account = yield* accounts.create({ name: "Globex" })
        const other = yield* accounts.create({ name: "Hooli" })
        const contact = yield* accountContacts.create(account.uniqueId, { firstName: "Hank", lastName: "Scorpio" })
        expectTag(yield* Effect.flip(accountContacts.get(other.uniqueId, contact.uniqueId)), "NotFound")

        yield* accountContacts.unlink(account.uniqueId, contact.uniqueId)
        expect(sent.at(-1)).toMatchObject({
          method: "DELETE",
          path: `/accounts/${account.uniqueId}/contacts/${contact.uniqueId}`
        })
        expect(yield* accountContacts.list(account.uniqueId)).toEqual([])
        expect(yield* contacts.get(contact.uniqueId)).toStrictEqual(contact)
        const gone = expectTag(yield* Effect.flip(accountContacts.get(account.uniqueId, contact.uniqueId)), "NotFound")
        expect(gone.errors[0]?.title).toBe("Contact Not Found")
        expectTag(yield* Effect.flip(accountContacts.unlink(account.uniqueId, contact.uniqueId)), "NotFound")
      }))

    it.effect("a trashed or archived contact leaves the account's listing; recovered, it is back", () =>
      Effect.gen(function*() {
        const { accountContacts, accounts, contacts } = yield* connectContacts()
        const account = yield* accounts.create({ name: "Umbrella" })
        const trashed = yield* accountContacts.create(account.uniqueId, { firstName: "T", lastName: "Rashed" })
        const archived = yield* accountContacts.create(account.uniqueId, { firstName: "A", lastName: "Rchived" })
        yield* contacts.delete(trashed.uniqueId)
        yield* contacts.archive(archived.uniqueId)
        expect(yield* accountContacts.list(account.uniqueId)).toEqual([])
        yield* contacts.recover(trashed.uniqueId)
        yield* contacts.recover(archived.uniqueId)
        expect(ids(yield* accountContacts.list(account.uniqueId))).toEqual([trashed.uniqueId, archived.uniqueId])
      }))

    it.effect("an unknown account is a 404 on every endpoint; an unknown contact is a 404 on link", () =>
      Effect.gen(function*() {
        const { accountContacts, accounts, contacts } = yield* connectContacts()
        const contact = yield* contacts.create({ firstName: "Lone", lastName: "Contact" })
        for (
          const error of yield* Effect.all([
            Effect.flip(accountContacts.list("no-such-account")),
            Effect.flip(accountContacts.get("no-such-account", contact.uniqueId)),
            Effect.flip(accountContacts.create("no-such-account", { firstName: "New", lastName: "Contact" })),
            Effect.flip(accountContacts.link("no-such-account", contact.uniqueId)),
            Effect.flip(accountContacts.unlink("no-such-account", contact.uniqueId))
          ])
        ) {
          expect(expectTag(error, "NotFound").errors[0]?.title).toBe("Account Not Found")
        }
        const account = yield* accounts.create({ name: "Vandelay" })
        const unknown = expectTag(
          yield* Effect.flip(accountContacts.link(account.uniqueId, "no-such-contact")),
          "NotFound"
        )
        expect(unknown.errors[0]?.title).toBe("Contact Not Found")
        expect(yield* accountContacts.list(account.uniqueId)).toEqual([])
        // Another tenant's account is unknown too.
        const other = yield* connectContacts({ apiKey: API_KEY_B })
        expectTag(yield* Effect.flip(other.accountContacts.list(account.uniqueId)), "NotFound")
      }))

    it.effect("a body with neither unique_id nor both names is a 422 naming the field; nothing is created", () =>
      Effect.gen(function*() {
        const { accountContacts, accounts, sent } = yield* connectContacts()
        const account = yield* accounts.create({ name: "Soylent" })
        const noLastName = yield* raw<WireErrors>("POST", `/accounts/${account.uniqueId}/contacts`, {
          body: { contact: { first_name: "Only" } }
        })
        expect(noLastName.status).toBe(422)
        expect(noLastName.json.errors.map((e) => e.source?.pointer)).toEqual(["/contact/last_name"])
        const badEmail = yield* raw<WireErrors>("POST", `/accounts/${account.uniqueId}/contacts`, {
          body: { contact: { first_name: "Bad", last_name: "Mail", email: "nope" } }
        })
        expect(badEmail.status).toBe(422)
        expect(badEmail.json.errors.map((e) => e.source?.pointer)).toEqual(["/contact/email"])
        expect(yield* accountContacts.list(account.uniqueId)).toEqual([])

        const before = sent.length
        const invalid = expectTag(
          yield* Effect.flip(accountContacts.create(account.uniqueId, { firstName: "", lastName: "X", email: "nope" })),
          "InvalidInput"
        )
        expect(invalid.operation).toBe("accountContacts.create")
        expect(invalid.issues.map((issue) => issue.path).sort()).toEqual(["email", "firstName"])
        expectTag(yield* Effect.flip(accountContacts.link(account.uniqueId, "a b")), "InvalidInput")
        expectTag(yield* Effect.flip(accountContacts.get("", "x")), "InvalidInput")
        expect(sent.length).toBe(before)
      }))

    it.effect("arbitrary valid contacts created through an account round-trip and are linked", () =>
      Effect.gen(function*() {
        const { accountContacts, accounts } = yield* connectContacts()
        const account = yield* accounts.create({ name: "Property Corp" })
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(Arbitrary.make(CreateContactRequest), async (input) => {
              const created = await Effect.runPromise(accountContacts.create(account.uniqueId, input))
              expect(created).toStrictEqual({
                ...input,
                uniqueId: created.uniqueId,
                status: "active",
                createdAt: created.createdAt,
                updatedAt: created.createdAt
              })
              expect(await Effect.runPromise(accountContacts.get(account.uniqueId, created.uniqueId))).toStrictEqual(
                created
              )
            }),
            { numRuns: 15, seed: 20_261_130 }
          )
        )
      }))
  })

  it.effect("\"Create an Account with Contact\" works as crm-block.md writes it", () =>
    Effect.gen(function*() {
      const info = yield* Emulator.Emulator
      // The reference's curl: -H "Authorization: Bearer ..." -H "AppId: ..." -H "Content-Type: application/json".
      const headers = {
        "Authorization": `Bearer ${TOKEN}`,
        "AppId": API_KEY_A,
        "Content-Type": "application/json"
      }
      // Both bodies exactly as printed (whitespace included).
      const accountBody = `{
    "account": {
      "name": "Acme Corp",
      "industry": "Technology",
      "website": "https://acme.com",
      "phone": "+1-555-0100",
      "email": "info@acme.com"
    }
  }`
      const contactBody = `{
    "contact": {
      "first_name": "Jane",
      "last_name": "Smith",
      "email": "jane@acme.com",
      "title": "VP Sales"
    }
  }`
      const send = (request: RawHttp.RawHttpRequest) => Effect.promise(() => RawHttp.send(info.url, request))

      const account = yield* send({ method: "POST", path: "/accounts/", headers, body: accountBody })
      expect(account.status).toBe(201)
      expect(account.json.data).toMatchObject({ type: "account", attributes: { name: "Acme Corp" } })
      const accountId: string = account.json.data.id
      expect(accountId).toMatch(uuid)

      const contact = yield* send({
        method: "POST",
        path: `/accounts/${accountId}/contacts`,
        headers,
        body: contactBody
      })
      expect(contact.status).toBe(201)
      const created = (contact.json as WireDocument).data
      expect(created.type).toBe("contact")
      expect(created.id).toMatch(uuid)
      expect(created.attributes).toMatchObject({
        unique_id: created.id,
        first_name: "Jane",
        last_name: "Smith",
        email: "jane@acme.com",
        title: "VP Sales",
        status: "active"
      })

      // The link holds: the account lists Jane, and so does the SDK.
      const listed = yield* send({ method: "GET", path: `/accounts/${accountId}/contacts`, headers })
      expect(listed.status).toBe(200)
      expect(listed.json.data.map((resource: { id: string }) => resource.id)).toEqual([created.id])
      const { accountContacts, accounts } = yield* connectContacts()
      expect((yield* accounts.get(accountId)).name).toBe("Acme Corp")
      const jane = yield* accountContacts.get(accountId, created.id)
      expect(jane).toMatchObject({ firstName: "Jane", lastName: "Smith", email: "jane@acme.com", title: "VP Sales" })
    }))

  it.effect("the emulator's OpenAPI document lists every account contact endpoint", () =>
    Effect.gen(function*() {
      const response = yield* raw<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json")
      const methods = (path: string) => Object.keys(response.json.paths[path] ?? {}).sort()
      expect(methods("/accounts/{accountId}/contacts")).toEqual(["get", "post"])
      expect(methods("/accounts/{accountId}/contacts/{contactId}")).toEqual(["delete", "get"])
    }))
})
