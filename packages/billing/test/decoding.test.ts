/**
 * The billings wire documents (test/fixtures; replace them with the reference's examples)
 * decode into the camelCase model, and request bodies are validated and encoded to the snake_case wire.
 * The full stack against the emulator is tested in apps/emulator/test/billing.
 */
import { BillingDocument, BillingList, CreateBillingRequest, UpdateBillingRequest } from "@blocks-crm/billing"
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"

const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"))

describe("billings: wire documents decode", () => {
  it("a document decodes to the model; null and absent optionals are left out", () => {
    const decoded = Schema.decodeUnknownSync(BillingDocument)(fixture("billing-get"))
    expect(decoded).toStrictEqual({
      uniqueId: "billing-uuid-123",
      name: "Quarterly review",
      ownerEmail: "owner@example.com",
      createdAt: new Date("2026-01-10T10:30:00Z"),
      updatedAt: new Date("2026-01-11T08:00:00Z")
    })
  })

  it("a list decodes to a page with its meta", () => {
    const page = Schema.decodeUnknownSync(BillingList)(fixture("billings-list"))
    expect(page.meta).toStrictEqual({ totalPages: 1, totalRecords: 2 })
    expect(page.data.map((billing) => billing.uniqueId)).toEqual(["billing-uuid-123", "billing-uuid-456"])
    expect(page.data[1]).toStrictEqual({ uniqueId: "billing-uuid-456", name: "Kick-off", createdAt: new Date("2026-02-01T09:00:00Z") })
  })

  it("a document without a required attribute fails with its path", () => {
    const broken = fixture("billing-get") as { data: { attributes: Record<string, unknown> } }
    delete broken.data.attributes["created_at"]
    const result = Schema.decodeUnknownEither(BillingDocument)(broken)
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) expect(result.left.message).toContain("created_at")
  })
})

describe("billings: requests", () => {
  it("a create request encodes to snake_case", () => {
    const wire = Schema.encodeSync(CreateBillingRequest)({ name: "Kick-off", ownerEmail: "owner@example.com" })
    expect(wire).toStrictEqual({ name: "Kick-off", owner_email: "owner@example.com" })
  })

  it("a blank name, a bad email and an empty update are refused", () => {
    expect(Either.isLeft(Schema.decodeUnknownEither(CreateBillingRequest)({ name: "  " }))).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(CreateBillingRequest)({ name: "Ok", owner_email: "nope" }))).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(UpdateBillingRequest)({}))).toBe(true)
    expect(Either.isRight(Schema.decodeUnknownEither(UpdateBillingRequest)({ notes: "fine" }))).toBe(true)
  })
})
