/**
 * ContactsService, ContactHistoryService and ContactProfileService against the emulator over loopback
 * HTTP: every endpoint (success, 404, 422), the lifecycle (archive, trash, recover), append-only history,
 * one profile per contact, and property-based round-trips of arbitrary create inputs.
 */
import { CreateContactRequest } from "@blocks-crm/accounts"
import type { ContactEmail } from "@blocks-crm/accounts"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as TestEmulator from "../support/TestEmulator.js"
import type { WireDocument, WireErrors, WireList } from "../support/TestEmulator.js"
import { API_KEY_B, expectTag, raw, uuid } from "../support/TestEmulator.js"
import { connectContacts } from "./ContactsClient.js"

const jane: CreateContactRequest = {
  firstName: "Jane",
  lastName: "Smith",
  middleName: "Q",
  email: "jane@acme.com",
  title: "VP Sales",
  primaryEmail: "jane.smith@acme.com",
  primaryPhone: "+1-555-0101",
  position: "Vice President, Sales",
  notes: "Met at the expo",
  source: "event",
  userUniqueId: "user-rep-1",
  tags: ["decision-maker", "west"]
}

const idsOf = (page: { readonly data: ReadonlyArray<{ readonly uniqueId: string }> }) =>
  page.data.map((contact) => contact.uniqueId)

layer(TestEmulator.layer(), { excludeTestServices: true })("accounts contacts on the emulator", (it) => {
  describe("ContactsService", () => {
    it.effect("create, get, list, search, update and delete round-trip every attribute", () =>
      Effect.gen(function*() {
        const { contacts, sent } = yield* connectContacts()
        const created = yield* contacts.create(jane)
        expect(created).toStrictEqual({
          ...jane,
          uniqueId: created.uniqueId,
          status: "active",
          createdAt: created.createdAt,
          updatedAt: created.createdAt
        })
        expect(created.uniqueId).toMatch(uuid)
        expect(sent.at(-1)).toMatchObject({ method: "POST", path: "/contacts/" })
        expect(yield* contacts.get(created.uniqueId)).toStrictEqual(created)
        expect(idsOf(yield* contacts.list({ records: 1000 }))).toContain(created.uniqueId)
        expect(idsOf(yield* contacts.search("jane.smith@acme"))).toEqual([created.uniqueId])

        yield* Effect.sleep("2 millis")
        const updated = yield* contacts.update(created.uniqueId, {
          title: "CRO",
          status: "inactive",
          contactStatus: "champion",
          enabled: true
        })
        expect(updated).toMatchObject({ uniqueId: created.uniqueId, title: "CRO", status: "inactive", enabled: true })
        expect(updated.updatedAt!.getTime()).toBeGreaterThan(created.createdAt.getTime())
        expect(sent.at(-1)).toMatchObject({ method: "PUT", path: `/contacts/${created.uniqueId}/` })
        expect(yield* contacts.get(created.uniqueId)).toMatchObject({
          email: "jane@acme.com",
          contactStatus: "champion"
        })

        yield* contacts.delete(created.uniqueId)
        expect(sent.at(-1)).toMatchObject({ method: "DELETE", path: `/contacts/${created.uniqueId}/` })
        expectTag(yield* Effect.flip(contacts.get(created.uniqueId)), "NotFound")
      }))

    it.effect("the reference's wire names come back as sent: first_name, last_name, email, title (201)", () =>
      Effect.gen(function*() {
        const body = { contact: { first_name: "Raw", last_name: "Contact", email: "raw@acme.com", title: "CTO" } }
        const created = yield* raw<WireDocument>("POST", "/contacts/", { body })
        expect(created.status).toBe(201)
        expect(created.json.data.type).toBe("contact")
        expect(created.json.data.attributes).toMatchObject({ ...body.contact, status: "active" })
        expect(created.json.data.id).toBe(created.json.data.attributes["unique_id"])
      }))

    it.effect("an unknown id is NotFound on every endpoint that names one", () =>
      Effect.gen(function*() {
        const { contacts } = yield* connectContacts()
        const missing = "no-such-contact"
        const errors = yield* Effect.all([
          Effect.flip(contacts.get(missing)),
          Effect.flip(contacts.update(missing, { notes: "x" })),
          Effect.flip(contacts.delete(missing)),
          Effect.flip(contacts.archive(missing)),
          Effect.flip(contacts.recover(missing))
        ])
        for (const error of errors) expect(expectTag(error, "NotFound").errors[0]?.title).toBe("Contact Not Found")
      }))

    it.effect("a body the API would refuse is a 422 naming each field", () =>
      Effect.gen(function*() {
        const created = yield* raw<WireErrors>("POST", "/contacts/", {
          body: { contact: { last_name: "Smith", email: "not-an-email" } }
        })
        expect(created.status).toBe(422)
        expect(created.json.errors.map((e) => e.source?.pointer).sort()).toEqual([
          "/contact/email",
          "/contact/first_name"
        ])
        const { contacts } = yield* connectContacts()
        const { uniqueId } = yield* contacts.create({ firstName: "Val", lastName: "Idation" })
        const updated = yield* raw<WireErrors>("PUT", `/contacts/${uniqueId}/`, {
          body: { contact: { status: "archived" } }
        })
        expect(updated.status).toBe(422)
        expect(updated.json.errors[0]?.source?.pointer).toBe("/contact/status")
      }))

    it.effect("archive takes a contact out of the main listing; recover brings it back active", () =>
      Effect.gen(function*() {
        const { contacts } = yield* connectContacts()
        const { uniqueId } = yield* contacts.create({ firstName: "Archie", lastName: "Ved" })
        yield* contacts.archive(uniqueId)
        expect(idsOf(yield* contacts.list({ records: 1000 }))).not.toContain(uniqueId)
        expect(idsOf(yield* contacts.listArchived({ records: 1000 }))).toContain(uniqueId)
        expect((yield* contacts.get(uniqueId)).status).toBe("archived")
        // Archiving again is the same state.
        yield* contacts.archive(uniqueId)

        const recovered = yield* contacts.recover(uniqueId)
        expect(recovered).toMatchObject({ uniqueId, status: "active" })
        expect(idsOf(yield* contacts.list({ records: 1000 }))).toContain(uniqueId)
        expect(idsOf(yield* contacts.listArchived({ records: 1000 }))).not.toContain(uniqueId)
        // Recovering a live, active contact answers it unchanged.
        expect(yield* contacts.recover(uniqueId)).toStrictEqual(recovered)
      }))

    it.effect("delete moves a contact to the trash (GET /contacts/trash/show); recover brings it back", () =>
      Effect.gen(function*() {
        const { contacts, sent } = yield* connectContacts()
        const created = yield* contacts.create({ firstName: "Trish", lastName: "Bin" })
        yield* contacts.delete(created.uniqueId)
        expect(idsOf(yield* contacts.list({ records: 1000 }))).not.toContain(created.uniqueId)
        expect(idsOf(yield* contacts.listDeleted({ records: 1000 }))).toContain(created.uniqueId)
        expect(sent.at(-1)).toMatchObject({ method: "GET", path: "/contacts/trash/show" })
        // A trashed contact can be neither archived nor trashed again.
        expectTag(yield* Effect.flip(contacts.archive(created.uniqueId)), "NotFound")
        expectTag(yield* Effect.flip(contacts.delete(created.uniqueId)), "NotFound")

        expect(yield* contacts.recover(created.uniqueId)).toStrictEqual(created)
        expect(sent.at(-1)).toMatchObject({ method: "PUT", path: `/contacts/${created.uniqueId}/recover` })
        expect(idsOf(yield* contacts.listDeleted({ records: 1000 }))).not.toContain(created.uniqueId)
        expect(yield* contacts.get(created.uniqueId)).toStrictEqual(created)
      }))

    it.effect("an archived contact that is then trashed comes back live and active", () =>
      Effect.gen(function*() {
        const { contacts } = yield* connectContacts()
        const { uniqueId } = yield* contacts.create({ firstName: "Both", lastName: "Ways" })
        yield* contacts.archive(uniqueId)
        yield* contacts.delete(uniqueId)
        expect((yield* contacts.recover(uniqueId)).status).toBe("active")
        expect(idsOf(yield* contacts.list({ records: 1000 }))).toContain(uniqueId)
      }))

    it.effect("another tenant sees none of it", () =>
      Effect.gen(function*() {
        const { contacts } = yield* connectContacts()
        const other = yield* connectContacts({ apiKey: API_KEY_B })
        const { uniqueId } = yield* contacts.create({ firstName: "Private", lastName: "Person" })
        expectTag(yield* Effect.flip(other.contacts.get(uniqueId)), "NotFound")
        expect(idsOf(yield* other.contacts.list({ records: 1000 }))).not.toContain(uniqueId)
      }))

    it.effect("invalid input is refused before anything is sent", () =>
      Effect.gen(function*() {
        const { contacts, history, profiles, sent } = yield* connectContacts()
        const invalid = expectTag(
          yield* Effect.flip(contacts.create({ firstName: " ", lastName: "Ok", email: "nope", tags: [""] })),
          "InvalidInput"
        )
        expect(invalid.operation).toBe("contacts.create")
        expect([...new Set(invalid.issues.map((issue) => issue.path))].sort()).toEqual([
          "email",
          "firstName",
          "tags[0]"
        ])
        expectTag(yield* Effect.flip(contacts.update("some-id", {})), "InvalidInput")
        expect(expectTag(yield* Effect.flip(contacts.archive("a/b")), "InvalidInput").operation).toBe(
          "contacts.archive"
        )
        expectTag(yield* Effect.flip(contacts.listArchived({ records: 0 })), "InvalidInput")
        expectTag(yield* Effect.flip(history.create("some-id", { title: "" })), "InvalidInput")
        expectTag(yield* Effect.flip(profiles.create("some-id", {})), "InvalidInput")
        expectTag(yield* Effect.flip(profiles.update("some id", { position: "CTO" })), "InvalidInput")
        expect(sent).toEqual([])
      }))

    it.effect("arbitrary valid create inputs round-trip client → emulator → client unchanged", () =>
      Effect.gen(function*() {
        const { contacts } = yield* connectContacts()
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(Arbitrary.make(CreateContactRequest), async (input) => {
              const created = await Effect.runPromise(contacts.create(input))
              expect(created).toStrictEqual({
                ...input,
                uniqueId: created.uniqueId,
                status: "active",
                createdAt: created.createdAt,
                updatedAt: created.createdAt
              })
              expect(await Effect.runPromise(contacts.get(created.uniqueId))).toStrictEqual(created)
            }),
            { numRuns: 25, seed: 20_261_130 }
          )
        )
      }))

    it.effect("arbitrary invalid create inputs fail with InvalidInput and send nothing", () =>
      Effect.gen(function*() {
        const { contacts, sent } = yield* connectContacts()
        const notAnEmail = fc.string().filter((s) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s))
        const blank = fc.constantFrom("", " ", "\t", "  \n")
        const broken = fc.tuple(
          Arbitrary.make(CreateContactRequest),
          fc.oneof(
            fc.record({ firstName: blank }),
            fc.record({ lastName: blank }),
            fc.record({ email: notAnEmail as fc.Arbitrary<typeof ContactEmail.Type> }),
            fc.record({ primaryEmail: notAnEmail }),
            fc.record({ userUniqueId: fc.constantFrom("", "a/b", "x y", "?q", "50%") })
          )
        ).map(([valid, breakage]) => ({ ...valid, ...breakage }) as CreateContactRequest)
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(broken, async (input) => {
              const error = await Effect.runPromise(Effect.flip(contacts.create(input)))
              expect(expectTag(error, "InvalidInput").operation).toBe("contacts.create")
            }),
            { numRuns: 50, seed: 20_261_130 }
          )
        )
        expect(sent).toEqual([])
      }))
  })

  describe("ContactHistoryService", () => {
    it.effect("entries are appended and read back oldest first (201)", () =>
      Effect.gen(function*() {
        const { contacts, history, sent } = yield* connectContacts()
        const { uniqueId } = yield* contacts.create({ firstName: "Hist", lastName: "Ory" })
        expect(yield* history.list(uniqueId)).toEqual([])
        const call = yield* history.create(uniqueId, {
          title: "Discovery call",
          description: "Budget confirmed",
          eventType: "call",
          userUniqueId: "user-rep-1"
        })
        expect(call).toStrictEqual({
          uniqueId: call.uniqueId,
          contactUniqueId: uniqueId,
          title: "Discovery call",
          description: "Budget confirmed",
          eventType: "call",
          userUniqueId: "user-rep-1",
          createdAt: call.createdAt
        })
        expect(sent.at(-1)).toMatchObject({ method: "POST", path: `/contacts/${uniqueId}/history` })
        const email = yield* history.create(uniqueId, { title: "Sent proposal" })
        expect(yield* history.list(uniqueId)).toStrictEqual([call, email])

        const rawEntry = yield* raw<WireDocument>("POST", `/contacts/${uniqueId}/history`, {
          body: { history: { title: "Raw note" } }
        })
        expect(rawEntry.status).toBe(201)
        expect(rawEntry.json.data).toMatchObject({
          type: "contact_history",
          attributes: { contact_unique_id: uniqueId }
        })
      }))

    it.effect("an unknown contact is a 404; a blank title a 422", () =>
      Effect.gen(function*() {
        const { contacts, history } = yield* connectContacts()
        expectTag(yield* Effect.flip(history.list("no-such-contact")), "NotFound")
        expectTag(yield* Effect.flip(history.create("no-such-contact", { title: "Call" })), "NotFound")
        const { uniqueId } = yield* contacts.create({ firstName: "Blank", lastName: "Title" })
        const refused = yield* raw<WireErrors>("POST", `/contacts/${uniqueId}/history`, {
          body: { history: { title: " " } }
        })
        expect(refused.status).toBe(422)
        expect(refused.json.errors[0]?.source?.pointer).toBe("/history/title")
        expect(yield* history.list(uniqueId)).toEqual([])
      }))
  })

  describe("ContactProfileService", () => {
    it.effect("one profile per contact: PUT before POST is a 404, a second POST a 422, PUT changes it", () =>
      Effect.gen(function*() {
        const { contacts, profiles, sent } = yield* connectContacts()
        const { uniqueId } = yield* contacts.create({ firstName: "Pro", lastName: "File" })
        const early = expectTag(yield* Effect.flip(profiles.update(uniqueId, { position: "CTO" })), "NotFound")
        expect(early.errors[0]?.title).toBe("Profile Not Found")

        const created = yield* profiles.create(uniqueId, {
          position: "CTO",
          primaryPhone: "+1-555-0102",
          tags: ["tech"]
        })
        expect(created).toStrictEqual({
          uniqueId: created.uniqueId,
          contactUniqueId: uniqueId,
          position: "CTO",
          primaryPhone: "+1-555-0102",
          tags: ["tech"],
          createdAt: created.createdAt,
          updatedAt: created.createdAt
        })
        expect(sent.at(-1)).toMatchObject({ method: "POST", path: `/contacts/${uniqueId}/profile` })

        const again = expectTag(yield* Effect.flip(profiles.create(uniqueId, { position: "CEO" })), "ValidationFailed")
        expect(again.status).toBe(422)
        expect(again.errors[0]?.source?.pointer).toBe("/profile")

        yield* Effect.sleep("2 millis")
        const updated = yield* profiles.update(uniqueId, { position: "CEO", notes: "Promoted" })
        expect(updated).toStrictEqual({
          ...created,
          position: "CEO",
          notes: "Promoted",
          updatedAt: updated.updatedAt
        })
        expect(updated.updatedAt!.getTime()).toBeGreaterThan(created.createdAt.getTime())
        expect(sent.at(-1)).toMatchObject({ method: "PUT", path: `/contacts/${uniqueId}/profile` })
      }))

    it.effect("an unknown contact is a 404; an empty or malformed profile a 422", () =>
      Effect.gen(function*() {
        const { contacts, profiles } = yield* connectContacts()
        expectTag(yield* Effect.flip(profiles.create("no-such-contact", { position: "CTO" })), "NotFound")
        expectTag(yield* Effect.flip(profiles.update("no-such-contact", { position: "CTO" })), "NotFound")
        const { uniqueId } = yield* contacts.create({ firstName: "Bad", lastName: "Profile" })
        const empty = yield* raw<WireErrors>("POST", `/contacts/${uniqueId}/profile`, { body: { profile: {} } })
        expect(empty.status).toBe(422)
        const email = yield* raw<WireErrors>("PUT", `/contacts/${uniqueId}/profile`, {
          body: { profile: { primary_email: "nope" } }
        })
        expect(email.status).toBe(422)
        expect(email.json.errors[0]?.source?.pointer).toBe("/profile/primary_email")
      }))
  })

  it.effect("the emulator's OpenAPI document lists every contact endpoint", () =>
    Effect.gen(function*() {
      const response = yield* raw<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json")
      const methods = (path: string) => Object.keys(response.json.paths[path] ?? {}).sort()
      expect(methods("/contacts/")).toEqual(["get", "post"])
      expect(methods("/contacts/trash/show")).toEqual(["get"])
      expect(methods("/contacts/{uniqueId}")).toEqual(["get"])
      expect(methods("/contacts/{uniqueId}/")).toEqual(["delete", "put"])
      expect(methods("/contacts/{uniqueId}/archive")).toEqual(["delete"])
      expect(methods("/contacts/{uniqueId}/recover")).toEqual(["put"])
      expect(methods("/contacts/{contactId}/history")).toEqual(["get", "post"])
      expect(methods("/contacts/{contactId}/profile")).toEqual(["post", "put"])
    }))

  it.effect("?status=archived is the archive listing, with its meta; a status contacts do not have is a 422", () =>
    Effect.gen(function*() {
      const { contacts } = yield* connectContacts()
      const { uniqueId } = yield* contacts.create({ firstName: "Raw", lastName: "Archive" })
      yield* contacts.archive(uniqueId)
      const listed = yield* raw<WireList>("GET", "/contacts/?status=archived&records=1000")
      expect(listed.status).toBe(200)
      expect(listed.json.data.map((resource) => resource.id)).toContain(uniqueId)
      expect(listed.json.data.every((resource) => resource.attributes["status"] === "archived")).toBe(true)
      expect(listed.json.meta).toMatchObject({ per_page: 1000, total_count: listed.json.data.length })
      // Any of the contact's own statuses filters the listing (issue 31); another value is refused.
      const active = yield* raw<WireList>("GET", "/contacts/?status=active&records=1000")
      expect(active.status).toBe(200)
      expect(active.json.data.map((resource) => resource.id)).not.toContain(uniqueId)
      expect(active.json.data.every((resource) => resource.attributes["status"] === "active")).toBe(true)
      const refused = yield* raw<WireErrors>("GET", "/contacts/?status=closed")
      expect(refused.status).toBe(422)
      expect(refused.json.errors[0]?.source?.parameter).toBe("status")
    }))
})
