/**
 * The accounts wire documents decode into the camelCase models (the reference shows no account
 * response, so test/fixtures holds the reference's create attributes and the official SDK's mapper
 * attributes), and request bodies are validated and encoded to the snake_case wire. The full stack
 * against the emulator is tested in packages/emulator/test/accounts.
 */
import {
  AccountDocument,
  AccountList,
  AccountValidationDocument,
  CategoryDocument,
  CreateAccountRequest,
  TaxIdValidationDocument,
  UpdateAccountRequest,
  ValidateTaxIdRequest
} from "@blocks-crm/accounts"
import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"

const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"))

describe("accounts: wire documents decode", () => {
  it("an account decodes to the model; null and absent optionals are left out", () => {
    const decoded = Schema.decodeUnknownSync(AccountDocument)(fixture("account-get"))
    expect(decoded).toStrictEqual({
      uniqueId: "account-uuid-123",
      code: "acme",
      name: "Acme Corp",
      industry: "Technology",
      website: "https://acme.com",
      phone: "+1-555-0100",
      email: "info@acme.com",
      status: "active",
      enabled: true,
      preferredDomain: "acme.com",
      payload: { tier: "gold" },
      tags: ["enterprise"],
      createdAt: new Date("2026-01-10T10:30:00Z"),
      updatedAt: new Date("2026-01-11T08:00:00Z")
    })
  })

  it("a list decodes to a page with its meta", () => {
    const page = Schema.decodeUnknownSync(AccountList)(fixture("accounts-list"))
    expect(page.meta).toStrictEqual({ totalPages: 1, totalRecords: 2 })
    expect(page.data.map((account) => [account.name, account.status])).toEqual([["Acme Corp", "active"], [
      "Globex",
      "archived"
    ]])
    expect(page.data[1]).toStrictEqual({
      uniqueId: "account-uuid-456",
      name: "Globex",
      status: "archived",
      createdAt: new Date("2026-02-01T09:00:00Z")
    })
  })

  it("a document without a required attribute, or with a status that is not a string, fails with its path", () => {
    for (const [key, value] of [["created_at", undefined], ["status", 3], ["status", null], ["name", null]] as const) {
      const broken = fixture("account-get") as { data: { attributes: Record<string, unknown> } }
      if (value === undefined) delete broken.data.attributes[key]
      else broken.data.attributes[key] = value
      const result = Schema.decodeUnknownEither(AccountDocument)(broken)
      expect(Either.isLeft(result)).toBe(true)
      if (Either.isLeft(result)) expect(result.left.message).toContain(key)
    }
  })

  it("a status this SDK does not know (a newer API's) is kept as sent", () => {
    const newer = fixture("account-get") as { data: { attributes: Record<string, unknown> } }
    newer.data.attributes["status"] = "frozen"
    expect(Schema.decodeUnknownSync(AccountDocument)(newer).status).toBe("frozen")
  })

  it("the validation verdicts and a category decode", () => {
    expect(Schema.decodeUnknownSync(AccountValidationDocument)(fixture("account-validation"))).toStrictEqual({
      valid: false,
      problems: [
        { attribute: "name", code: "taken", detail: "name \"Acme Corp\" is already used by another account" },
        { attribute: "email", code: "invalid", detail: "email must be an e-mail address, got \"info-at-acme\"" }
      ]
    })
    expect(Schema.decodeUnknownSync(TaxIdValidationDocument)(fixture("tax-id-validation"))).toStrictEqual({
      taxId: "DE129273397",
      country: "DE",
      valid: false,
      reason: "invalid_check_digit",
      detail: "the check digit of DE129273397 does not match"
    })
    expect(Schema.decodeUnknownSync(CategoryDocument)(fixture("category-get"))).toStrictEqual({
      uniqueId: "category-uuid-1",
      name: "Enterprise",
      code: "ent",
      order: 1,
      status: "active",
      enabled: true,
      createdAt: new Date("2026-01-10T10:30:00Z"),
      updatedAt: new Date("2026-01-10T10:30:00Z")
    })
  })
})

describe("accounts: requests", () => {
  it("the reference's create body and the official SDK's fields encode to snake_case", () => {
    expect(
      Schema.encodeSync(CreateAccountRequest)({
        name: "Acme Corp",
        industry: "Technology",
        website: "https://acme.com",
        phone: "+1-555-0100",
        email: "info@acme.com",
        code: "acme",
        preferredDomain: "acme.com"
      })
    ).toStrictEqual({
      name: "Acme Corp",
      industry: "Technology",
      website: "https://acme.com",
      phone: "+1-555-0100",
      email: "info@acme.com",
      code: "acme",
      preferred_domain: "acme.com"
    })
    expect(Schema.encodeSync(ValidateTaxIdRequest)({ taxId: "129273398", country: "DE" })).toStrictEqual({
      tax_id: "129273398",
      country: "DE"
    })
  })

  it("a blank name, a bad email, website or phone and an empty update are refused", () => {
    const refused = (input: unknown) => Either.isLeft(Schema.decodeUnknownEither(CreateAccountRequest)(input))
    expect(refused({ name: "  " })).toBe(true)
    expect(refused({ name: "Ok", email: "nope" })).toBe(true)
    expect(refused({ name: "Ok", website: "acme.com" })).toBe(true)
    expect(refused({ name: "Ok", website: "ftp://acme.com" })).toBe(true)
    expect(refused({ name: "Ok", phone: "call me" })).toBe(true)
    expect(refused({ name: "Ok", phone: "+1-555" })).toBe(true)
    expect(refused({ name: "Ok", phone: "+1-555-0100" })).toBe(false)
    expect(refused({ name: "Ok", phone: "(030) 123 456-78" })).toBe(false)
    expect(Either.isLeft(Schema.decodeUnknownEither(UpdateAccountRequest)({}))).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(UpdateAccountRequest)({ status: "archived" }))).toBe(true)
    expect(Either.isRight(Schema.decodeUnknownEither(UpdateAccountRequest)({ industry: "Retail" }))).toBe(true)
  })

  it("arbitrary valid create requests survive encode then decode unchanged", () => {
    const encode = Schema.encodeSync(CreateAccountRequest)
    const decode = Schema.decodeUnknownSync(CreateAccountRequest)
    fc.assert(
      fc.property(Arbitrary.make(CreateAccountRequest), (request) => {
        expect(decode(JSON.parse(JSON.stringify(encode(request))))).toStrictEqual(request)
      }),
      { numRuns: 200 }
    )
  })
})
