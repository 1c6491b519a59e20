/**
 * The companies wire documents decode into the camelCase models, and requests are validated and
 * encoded to the snake_case wire. The reference shows no companies body: the fixtures follow the
 * shapes assumed in src/models (see the comments there). Secrets decode to `Redacted`. The full stack
 * against the emulator is tested in packages/emulator/test/companies.
 */
import {
  AccessTokenDocument,
  CompanyDocument,
  CompanyStorageDocument,
  CreateApiKeyRequest,
  CreateCompanyRequest,
  CreatedApiKeyResource,
  ExchangeKeyRequest,
  UpdateApiKeyRequest
} from "@blocks-crm/companies"
import * as JsonApi from "@blocks-crm/core-http/JsonApi"
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"
import { inspect } from "node:util"

const fixture = (name: string): any =>
  JSON.parse(fs.readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"))

describe("companies: wire documents decode", () => {
  it("a company decodes with its settings; null optionals are left out", () => {
    expect(Schema.decodeUnknownSync(CompanyDocument)(fixture("company-get"))).toStrictEqual({
      uniqueId: "company-uuid-123",
      urlId: "my-company",
      name: "My Company",
      settings: { timezone: "Europe/Berlin", seats: 12, beta: true },
      createdAt: new Date("2026-01-10T10:30:00Z")
    })
  })

  it("a created key holds its secret as Redacted: printing it never shows the secret", () => {
    const key = Schema.decodeUnknownSync(JsonApi.document(CreatedApiKeyResource))(fixture("api-key-created"))
    expect(Redacted.value(key.secret)).toBe("pk_live_sh_f2b5ab3c7203d29b6d2937e2")
    expect(key).toMatchObject({ name: "integration", prefix: "pk_live", lastFour: "9e2f", enabled: true })
    expect(inspect(key, { depth: 5 })).not.toContain("f2b5ab3c")
    expect(JSON.stringify(key)).not.toContain("f2b5ab3c")
  })

  it("a token decodes with the token Redacted, its lifetime and the impersonated user", () => {
    const token = Schema.decodeUnknownSync(AccessTokenDocument)(fixture("access-token"))
    expect(Redacted.value(token.accessToken)).toBe("tok_secret_abcdef")
    expect(token).toMatchObject({ tokenType: "Bearer", expiresIn: 3600, userUniqueId: "user-uuid-7" })
    expect(token.expiresAt).toStrictEqual(new Date("2026-01-10T11:30:00Z"))
    expect(String(token.accessToken)).not.toContain("tok_secret")
  })

  it("storage decodes its counts", () => {
    expect(Schema.decodeUnknownSync(CompanyStorageDocument)(fixture("storage"))).toStrictEqual({
      urlId: "my-company",
      usedBytes: 2048,
      quotaBytes: 1073741824,
      objectCount: 3,
      documentCount: 2,
      logoCount: 1
    })
  })

  it("a missing required attribute fails with its path, a negative count too", () => {
    const broken = fixture("company-get")
    delete broken.data.attributes["url_id"]
    const result = Schema.decodeUnknownEither(CompanyDocument)(broken)
    expect(Either.isLeft(result) && result.left.message).toContain("url_id")
    const storage = fixture("storage")
    storage.data.attributes.used_bytes = -1
    expect(Either.isLeft(Schema.decodeUnknownEither(CompanyStorageDocument)(storage))).toBe(true)
  })
})

describe("companies: requests", () => {
  it("a create encodes to snake_case; the url id must be a slug", () => {
    expect(Schema.encodeSync(CreateCompanyRequest)({ urlId: "acme-eu", name: "Acme EU" })).toStrictEqual({
      url_id: "acme-eu",
      name: "Acme EU"
    })
    for (const urlId of ["Acme", "a", "acme--eu", "-acme", "acme_eu", "acme/eu"]) {
      expect(Either.isLeft(Schema.decodeUnknownEither(CreateCompanyRequest)({ url_id: urlId, name: "x" }))).toBe(true)
    }
  })

  it("keys: a blank name and an empty update are refused", () => {
    expect(Either.isLeft(Schema.decodeUnknownEither(CreateApiKeyRequest)({ name: " " }))).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(UpdateApiKeyRequest)({}))).toBe(true)
    expect(Schema.encodeSync(UpdateApiKeyRequest)({ enabled: false })).toStrictEqual({ enabled: false })
  })

  it("the exchange sends the key as api_key", () => {
    expect(Schema.encodeSync(ExchangeKeyRequest)({ apiKey: Redacted.make("pk_x") })).toStrictEqual({ api_key: "pk_x" })
  })
})
