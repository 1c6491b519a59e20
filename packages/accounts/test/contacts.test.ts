/**
 * The contact-side wire documents (contacts, users, history, profile) decode into the camelCase models,
 * and request bodies (crm-block.md's "Create an Account with Contact" body included) are validated and
 * encoded to the snake_case wire. The full stack against the emulator is in packages/emulator/test/accounts.
 */
import {
  AddAccountContactRequest,
  ContactDocument,
  ContactHistoryEntryResource,
  ContactProfileRequest,
  CreateContactHistoryRequest,
  CreateContactRequest,
  RegisterUserRequest,
  UpdateContactRequest,
  UserDocument
} from "@blocks-crm/accounts"
import { JsonApi } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"

const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"))

const refused = (schema: Schema.Schema.AnyNoContext, input: unknown) =>
  Either.isLeft(Schema.decodeUnknownEither(schema)(input))

describe("contacts: wire documents decode", () => {
  it("a contact keeps the reference's names and the official SDK's side by side; nulls are left out", () => {
    expect(Schema.decodeUnknownSync(ContactDocument)(fixture("contact-get"))).toStrictEqual({
      uniqueId: "contact-uuid-789",
      firstName: "Jane",
      lastName: "Smith",
      email: "jane@acme.com",
      title: "VP Sales",
      primaryEmail: "jane.smith@acme.com",
      status: "active",
      contactStatus: "champion",
      userUniqueId: "user-rep-1",
      enabled: true,
      tags: ["decision-maker"],
      createdAt: new Date("2026-01-10T10:30:00Z"),
      updatedAt: new Date("2026-01-11T08:00:00Z")
    })
  })

  it("a contact without first_name or status fails with the path; a status that is not a string fails too", () => {
    for (const [key, value] of [["first_name", undefined], ["status", undefined], ["status", false]] as const) {
      const broken = fixture("contact-get") as { data: { attributes: Record<string, unknown> } }
      if (value === undefined) delete broken.data.attributes[key]
      else broken.data.attributes[key] = value
      const result = Schema.decodeUnknownEither(ContactDocument)(broken)
      expect(Either.isLeft(result)).toBe(true)
      if (Either.isLeft(result)) expect(result.left.message).toContain(key)
    }
  })

  it("a contact status this SDK does not know (a newer API's) is kept as sent", () => {
    const newer = fixture("contact-get") as { data: { attributes: Record<string, unknown> } }
    newer.data.attributes["status"] = "gone"
    expect(Schema.decodeUnknownSync(ContactDocument)(newer).status).toBe("gone")
  })

  it("a user decodes with its payload passed through", () => {
    expect(Schema.decodeUnknownSync(UserDocument)(fixture("user-get"))).toStrictEqual({
      uniqueId: "user-uuid-1",
      email: "sam@acme.com",
      name: "Sam Rep",
      status: "active",
      payload: { team: "west" },
      createdAt: new Date("2026-01-10T10:30:00Z")
    })
  })

  it("a history entry decodes from resource type contact_history", () => {
    const entry = Schema.decodeUnknownSync(JsonApi.document(ContactHistoryEntryResource))({
      data: {
        id: "h-1",
        type: "contact_history",
        attributes: {
          unique_id: "h-1",
          contact_unique_id: "contact-uuid-789",
          title: "Discovery call",
          event_type: "call",
          created_at: "2026-01-12T09:00:00Z"
        }
      }
    })
    expect(entry).toStrictEqual({
      uniqueId: "h-1",
      contactUniqueId: "contact-uuid-789",
      title: "Discovery call",
      eventType: "call",
      createdAt: new Date("2026-01-12T09:00:00Z")
    })
  })
})

describe("contacts: requests", () => {
  it("crm-block.md's contact body decodes and encodes back to exactly the same wire", () => {
    const wire = { first_name: "Jane", last_name: "Smith", email: "jane@acme.com", title: "VP Sales" }
    const decoded = Schema.decodeUnknownSync(CreateContactRequest)(wire)
    expect(decoded).toStrictEqual({ firstName: "Jane", lastName: "Smith", email: "jane@acme.com", title: "VP Sales" })
    expect(Schema.encodeSync(CreateContactRequest)(decoded)).toStrictEqual(wire)
    expect(Schema.decodeUnknownSync(AddAccountContactRequest)(wire)).toStrictEqual(decoded)
  })

  it("the official SDK's names encode to its snake_case", () => {
    expect(
      Schema.encodeSync(CreateContactRequest)({
        firstName: "Jane",
        lastName: "Smith",
        primaryEmail: "jane@acme.com",
        primaryPhone: "+1",
        position: "VP",
        userUniqueId: "user-1"
      })
    ).toStrictEqual({
      first_name: "Jane",
      last_name: "Smith",
      primary_email: "jane@acme.com",
      primary_phone: "+1",
      position: "VP",
      user_unique_id: "user-1"
    })
  })

  it("blank names, malformed e-mails, archive-by-update and empty updates are refused", () => {
    expect(refused(CreateContactRequest, { first_name: " ", last_name: "Smith" })).toBe(true)
    expect(refused(CreateContactRequest, { last_name: "Smith" })).toBe(true)
    expect(refused(CreateContactRequest, { first_name: "J", last_name: "S", email: "nope" })).toBe(true)
    expect(refused(CreateContactRequest, { first_name: "J", last_name: "S", primary_email: "a@b" })).toBe(true)
    expect(refused(UpdateContactRequest, {})).toBe(true)
    expect(refused(UpdateContactRequest, { status: "archived" })).toBe(true)
    expect(refused(UpdateContactRequest, { enabled: false })).toBe(false)
    expect(refused(RegisterUserRequest, { email: "nope" })).toBe(true)
    expect(refused(RegisterUserRequest, { name: "No Mail" })).toBe(true)
    expect(refused(CreateContactHistoryRequest, { title: "" })).toBe(true)
    expect(refused(ContactProfileRequest, {})).toBe(true)
  })

  it("an account contact is a unique_id to link or both names to create", () => {
    expect(Schema.decodeUnknownSync(AddAccountContactRequest)({ unique_id: "contact-1" })).toStrictEqual({
      uniqueId: "contact-1"
    })
    const missing = Schema.decodeUnknownEither(AddAccountContactRequest)({ first_name: "Jane" })
    expect(Either.isLeft(missing)).toBe(true)
    if (Either.isLeft(missing)) expect(missing.left.message).toContain("last_name")
    expect(refused(AddAccountContactRequest, {})).toBe(true)
    expect(refused(AddAccountContactRequest, { unique_id: "a/b" })).toBe(true)
  })
})
