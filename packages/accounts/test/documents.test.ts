/**
 * Document and presign bodies as the official SDK's mappers describe them (the reference shows none):
 * every attribute decodes, `null` and absent mean not set, and nothing is defaulted.
 */
import { AccountDocumentsGroup, AccountFileResource, ContactFileResource, PresignedUpload } from "@blocks-crm/accounts"
import { JsonApi } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

const attributes = {
  unique_id: "doc-1",
  name: "Insurance certificate",
  original_name: "insurance 2026.pdf",
  description: "General liability",
  file_type: "application/pdf",
  file_size: 48213,
  url: "https://files.example/doc-1.pdf",
  status: "active",
  enabled: true,
  payload: { source: "portal" },
  category_name: "insurance",
  category_unique_id: "cat-1",
  is_expirable: true,
  expires_at: "2027-01-31T00:00:00Z",
  issued_at: "2026-02-01T00:00:00Z",
  issued_by: "Acme Insurance",
  metadata: { policy: "GL-1" },
  created_at: "2026-02-02T10:00:00Z",
  updated_at: "2026-02-03T10:00:00Z"
}

const decodeAccountDocuments = Schema.decodeUnknownEither(JsonApi.collection(AccountFileResource))
const decodeContactDocument = Schema.decodeUnknownEither(JsonApi.document(ContactFileResource))

describe("documents", () => {
  it("every attribute of the official mapper decodes to the model", () => {
    const decoded = decodeAccountDocuments({
      data: [{ id: "doc-1", type: "account_document", attributes: { ...attributes, account_unique_id: "acc-1" } }]
    })
    expect(Either.getOrThrow(decoded)).toStrictEqual([{
      uniqueId: "doc-1",
      accountUniqueId: "acc-1",
      name: "Insurance certificate",
      originalName: "insurance 2026.pdf",
      description: "General liability",
      fileType: "application/pdf",
      fileSize: 48213,
      url: "https://files.example/doc-1.pdf",
      status: "active",
      enabled: true,
      payload: { source: "portal" },
      categoryName: "insurance",
      categoryUniqueId: "cat-1",
      isExpirable: true,
      expiresAt: new Date("2027-01-31T00:00:00Z"),
      issuedAt: new Date("2026-02-01T00:00:00Z"),
      issuedBy: "Acme Insurance",
      metadata: { policy: "GL-1" },
      createdAt: new Date("2026-02-02T10:00:00Z"),
      updatedAt: new Date("2026-02-03T10:00:00Z")
    }])
  })

  it("null or absent optional attributes are not set; missing required ones fail with their path", () => {
    const minimal = {
      unique_id: "doc-2",
      contact_unique_id: "con-1",
      name: "Passport",
      created_at: "2026-02-02T10:00:00Z",
      expires_at: null,
      status: null
    }
    const decoded = decodeContactDocument({ data: { id: "doc-2", type: "contact_document", attributes: minimal } })
    expect(Either.getOrThrow(decoded)).toStrictEqual({
      uniqueId: "doc-2",
      contactUniqueId: "con-1",
      name: "Passport",
      createdAt: new Date("2026-02-02T10:00:00Z")
    })
    const { name: _name, ...nameless } = minimal
    const missing = decodeContactDocument({ data: { id: "doc-2", type: "contact_document", attributes: nameless } })
    expect(Either.isLeft(missing) && missing.left.message).toContain("name")
    // A category this SDK does not know (a newer API's) is kept as sent; one that is not a string fails.
    const newerCategory = decodeContactDocument({
      data: { id: "doc-2", type: "contact_document", attributes: { ...minimal, category_name: "passport" } }
    })
    expect(Either.getOrThrow(newerCategory).categoryName).toBe("passport")
    const wrongCategory = decodeContactDocument({
      data: { id: "doc-2", type: "contact_document", attributes: { ...minimal, category_name: 7 } }
    })
    expect(Either.isLeft(wrongCategory) && wrongCategory.left.message).toContain("category_name")
  })

  it("a presign answer decodes from snake_case; expires_at is optional", () => {
    const decode = Schema.decodeUnknownSync(PresignedUpload)
    expect(decode({ upload_url: "https://u/k?sig=1", public_url: "https://u/k", key: "k" })).toStrictEqual({
      uploadUrl: "https://u/k?sig=1",
      publicUrl: "https://u/k",
      key: "k"
    })
    expect(decode({ upload_url: "u", public_url: "p", key: "k", expires_at: "2026-11-30T10:15:00Z" }).expiresAt)
      .toStrictEqual(new Date("2026-11-30T10:15:00Z"))
    expect(() => decode({ upload_url: "u", key: "k" })).toThrow(/public_url/)
  })

  it("the contract declares the paths exactly as crm-block.md writes them", () => {
    const paths = Object.values(AccountDocumentsGroup.endpoints).map((e) => `${e.method} ${e.path}`).sort()
    expect(paths).toEqual([
      "DELETE /accounts/:accountId/documents/:documentId",
      "GET /accounts/:accountId/documents",
      "POST /accounts/:accountId/documents",
      "PUT /accounts/:accountId/logo/publish",
      "PUT /accounts/:accountId/presign_document",
      "PUT /accounts/:accountId/presign_logo"
    ])
  })
})
