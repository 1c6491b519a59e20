/**
 * The one-call uploads against two loopback servers: a stand-in API, whose presign answers point at an
 * upload host on another port. The bytes reach that host with no credentials, each step fails with its
 * own error, and invalid inputs are refused before anything is sent.
 */
import { AccountDocumentsService, ContactDocumentsService, DocumentUpload, UploadFailed } from "@blocks-crm/accounts"
import { CrmTransport } from "@blocks-crm/core-http"
import { describe, expect, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Layer from "effect/Layer"
import { inspect } from "node:util"
import * as LoopbackServer from "@blocks-crm/test-server"
import type { Received } from "@blocks-crm/test-server"

const TOKEN = "tok_uploads_secret_7c1e"
const API_KEY = "pk_uploads_secret_4b9d"
const SIGNATURE = "sig_uploads_7f0a9e3b"
const credentialHeaders = ["authorization", "appid", "x-api-key", "idempotency-key"]

const expectNoCredentials = (request: Received) => {
  for (const name of credentialHeaders) expect(request.headers[name], name).toBeUndefined()
  const all = JSON.stringify(request.headers)
  expect(all).not.toContain(TOKEN)
  expect(all).not.toContain(API_KEY)
}

const expectCredentials = (request: Received) => {
  expect(request.headers["authorization"]).toBe(`Bearer ${TOKEN}`)
  expect(request.headers["appid"]).toBe(API_KEY)
}

const timestamp = "2026-11-30T10:00:00Z"

const documentAttributes = (owner: "account" | "contact", body: Buffer) => {
  const registration = (JSON.parse(body.toString("utf8")) as { document: Record<string, unknown> }).document
  return {
    unique_id: "doc-1",
    [`${owner}_unique_id`]: `${owner}-1`,
    name: registration["name"],
    original_name: registration["original_name"],
    file_type: "application/pdf",
    file_size: 3,
    url: "https://files.example/doc-1",
    status: "active",
    enabled: true,
    created_at: timestamp
  }
}

/**
 * The stand-in API: presigns point at `bucket`, registrations and publishes answer as the emulator does.
 * `overrides` replaces the answer for one path.
 */
const apiAnswers =
  (bucket: LoopbackServer.LoopbackServer, overrides: Record<string, LoopbackServer.Answer> = {}) =>
  (request: Received): LoopbackServer.Answer => {
    const override = overrides[`${request.method} ${request.pathname}`]
    if (override !== undefined) return override
    if (request.pathname.endsWith("/presign_document") || request.pathname.endsWith("/presign_logo")) {
      return {
        body: {
          upload_url: `${bucket.url}/bucket/k1?expires=1&signature=${SIGNATURE}`,
          public_url: `${bucket.url}/bucket/k1`,
          key: "uploads/k1"
        }
      }
    }
    if (request.method === "POST" && request.pathname.endsWith("/documents")) {
      const owner = request.pathname.startsWith("/accounts/") ? "account" : "contact"
      return {
        status: 201,
        body: { data: { id: "doc-1", type: `${owner}_document`, attributes: documentAttributes(owner, request.bytes) } }
      }
    }
    if (request.pathname.endsWith("/logo/publish")) {
      return {
        body: {
          data: {
            id: "account-1",
            type: "account",
            attributes: {
              unique_id: "account-1",
              name: "Acme Corp",
              status: "active",
              logo_url: `${bucket.url}/bucket/k1`,
              created_at: timestamp
            }
          }
        }
      }
    }
    return { status: 404, body: { errors: [{ status: "404", code: "not_found", title: "Not Found" }] } }
  }

/** The stand-in API, the upload host, and both services over fetch against the API. */
const setup = Effect.gen(function*() {
  const api = yield* LoopbackServer.make
  const bucket = yield* LoopbackServer.make
  api.answer(apiAnswers(bucket))
  bucket.answer(() => ({ status: 200 }))
  const transport = CrmTransport.layerFetch({
    apiUrl: api.url,
    authToken: TOKEN,
    apiKey: API_KEY,
    retry: { times: 0 }
  })
  const services = Layer.merge(AccountDocumentsService.Default, ContactDocumentsService.Default).pipe(
    Layer.provide(transport)
  )
  const { accounts, contacts } = yield* Effect.all({
    accounts: AccountDocumentsService,
    contacts: ContactDocumentsService
  }).pipe(Effect.provide(services))
  return { api, bucket, accounts, contacts }
})

const pdf = new Uint8Array([37, 80, 68])

describe("one-call uploads", () => {
  it.scopedLive("uploadDocument: presign, PUT to the presigned URL with no credentials, register the key", () =>
    Effect.gen(function*() {
      const { accounts, api, bucket } = yield* setup
      const document = yield* accounts.uploadDocument("account-1", {
        filename: "contract.pdf",
        bytes: pdf,
        contentType: "application/pdf",
        description: "Signed contract"
      })
      expect(document).toMatchObject({ uniqueId: "doc-1", accountUniqueId: "account-1", name: "contract.pdf" })

      expect(api.requests.map((r) => `${r.method} ${r.pathname}`)).toEqual([
        "PUT /accounts/account-1/presign_document",
        "POST /accounts/account-1/documents"
      ])
      api.requests.forEach(expectCredentials)
      expect(JSON.parse(api.requests[0]!.body)).toEqual({
        filename: "contract.pdf",
        content_type: "application/pdf"
      })
      expect(JSON.parse(api.requests[1]!.body)).toEqual({
        document: {
          key: "uploads/k1",
          name: "contract.pdf",
          original_name: "contract.pdf",
          description: "Signed contract"
        }
      })

      expect(bucket.requests).toHaveLength(1)
      const put = bucket.requests[0]!
      expect(put.method).toBe("PUT")
      expect(put.pathname).toBe("/bucket/k1")
      expect(put.query.get("signature")).toBe(SIGNATURE)
      expect(put.headers["content-type"]).toBe("application/pdf")
      expect([...put.bytes]).toEqual([...pdf])
      expectNoCredentials(put)
    }))

  it.scopedLive("uploadLogo: presign_logo names the file after its type, then publishes the key", () =>
    Effect.gen(function*() {
      const { accounts, api, bucket } = yield* setup
      const account = yield* accounts.uploadLogo("account-1", new Uint8Array([137, 80, 78, 71]), "image/png")
      expect(account.logoUrl).toBe(`${bucket.url}/bucket/k1`)
      expect(api.requests.map((r) => `${r.method} ${r.pathname}`)).toEqual([
        "PUT /accounts/account-1/presign_logo",
        "PUT /accounts/account-1/logo/publish"
      ])
      api.requests.forEach(expectCredentials)
      expect(JSON.parse(api.requests[0]!.body)).toEqual({ filename: "logo.png", content_type: "image/png" })
      expect(JSON.parse(api.requests[1]!.body)).toEqual({ key: "uploads/k1" })
      expect(bucket.requests.map((r) => r.headers["content-type"])).toEqual(["image/png"])
      bucket.requests.forEach(expectNoCredentials)
    }))

  it.scopedLive("contacts: uploadDocument goes to the contact's paths, the bytes again without credentials", () =>
    Effect.gen(function*() {
      const { api, bucket, contacts } = yield* setup
      const document = yield* contacts.uploadDocument("contact-1", {
        filename: "passport.png",
        bytes: new Uint8Array([1, 2, 3]),
        contentType: "image/png",
        name: "Passport"
      })
      expect(document).toMatchObject({ uniqueId: "doc-1", contactUniqueId: "contact-1", name: "Passport" })
      expect(api.requests.map((r) => `${r.method} ${r.pathname}`)).toEqual([
        "PUT /contacts/contact-1/presign_document",
        "POST /contacts/contact-1/documents"
      ])
      api.requests.forEach(expectCredentials)
      expect(bucket.requests).toHaveLength(1)
      bucket.requests.forEach(expectNoCredentials)
    }))

  it.scopedLive("each step fails with its own error, and nothing after it is sent", () =>
    Effect.gen(function*() {
      const { accounts, api, bucket, contacts } = yield* setup
      const upload = { filename: "a.pdf", bytes: pdf, contentType: "application/pdf" }

      // Presign: the API's error; no PUT, no registration.
      api.answer(apiAnswers(bucket, {
        "PUT /accounts/missing/presign_document": {
          status: 404,
          body: { errors: [{ status: "404", code: "not_found", title: "Account Not Found" }] }
        }
      }))
      const notFound = yield* Effect.flip(accounts.uploadDocument("missing", upload))
      expect(notFound._tag).toBe("NotFound")
      expect(bucket.requests).toHaveLength(0)
      expect(api.requests).toHaveLength(1)

      // Upload: the host refuses; UploadFailed with its reason, never the signature or a credential.
      api.answer(apiAnswers(bucket))
      bucket.answer(() => ({
        status: 403,
        body: {
          errors: [{ status: "403", code: "signature_mismatch", detail: `The signature does not match: ${SIGNATURE}` }]
        }
      }))
      const refused = yield* Effect.flip(contacts.uploadDocument("contact-1", upload))
      expect(refused).toBeInstanceOf(UploadFailed)
      const failed = refused as UploadFailed
      expect(failed.status).toBe(403)
      expect(failed.reason).toBe("The signature does not match: [redacted]")
      expect(failed.url).toBe(`${bucket.url}/bucket/k1`)
      expect(failed.message).toContain("failed with 403: The signature does not match")
      for (const text of [failed.message, inspect(failed), JSON.stringify(failed)]) {
        expect(text).not.toContain(SIGNATURE)
        expect(text).not.toContain(TOKEN)
        expect(text).not.toContain(API_KEY)
      }
      expect(api.requests.filter((r) => r.method === "POST")).toHaveLength(0)

      // Registration: the API's 422.
      bucket.answer(() => ({ status: 200 }))
      api.answer(apiAnswers(bucket, {
        "POST /accounts/account-1/documents": {
          status: 422,
          body: {
            errors: [{
              status: "422",
              code: "invalid",
              detail: "key: nothing has been uploaded",
              source: { pointer: "/document/key" }
            }]
          }
        }
      }))
      const invalid = yield* Effect.flip(accounts.uploadDocument("account-1", upload))
      expect(invalid._tag).toBe("ValidationFailed")
      expect(invalid.message).toContain("/document/key: key: nothing has been uploaded")
    }))

  it.scopedLive("an upload host that cannot be reached is UploadFailed without a status", () =>
    Effect.gen(function*() {
      const { accounts, api } = yield* setup
      api.answer(() => ({ body: { upload_url: "http://127.0.0.1:9/nowhere?signature=x", public_url: "p", key: "k" } }))
      const error = yield* Effect.flip(accounts.uploadLogo("account-1", pdf, "image/png"))
      expect(error).toBeInstanceOf(UploadFailed)
      expect((error as UploadFailed).status).toBeUndefined()
      expect((error as UploadFailed).url).toBe("http://127.0.0.1:9/nowhere")
      expect(api.requests.map((r) => r.pathname)).toEqual(["/accounts/account-1/presign_logo"])
    }))
})

describe("inputs", () => {
  it.scopedLive("arbitrary valid uploads reach the upload host byte for byte, typed as given", () =>
    Effect.gen(function*() {
      const { accounts, bucket } = yield* setup
      const samples = fc.sample(Arbitrary.make(DocumentUpload), { numRuns: 15, seed: 11 })
      for (const upload of samples) {
        const before = bucket.requests.length
        yield* accounts.uploadDocument("account-1", upload)
        const put = bucket.requests[before]!
        expect([...put.bytes]).toEqual([...upload.bytes])
        expect(put.headers["content-type"]).toBe(upload.contentType)
        expectNoCredentials(put)
      }
    }))

  const invalidUpload = fc.oneof(
    fc.record({ filename: fc.constantFrom("", "  ", "dir/a.pdf", "..\\a.pdf", "x".repeat(256)) }),
    fc.record({ bytes: fc.constant(new Uint8Array(0)) }),
    fc.record({
      contentType: fc.constantFrom("", "pdf", "application/", "/pdf", "text/plain; charset=utf-8", "a b/c")
    }),
    fc.record({ bytes: fc.constantFrom<unknown>("not bytes", [1, 2, 3], null) }),
    fc.record({ name: fc.constantFrom(" ", "") })
  )

  it.scopedLive("arbitrary invalid uploads fail with InvalidInput and send nothing", () =>
    Effect.gen(function*() {
      const { accounts, api, bucket, contacts } = yield* setup
      const samples = fc.sample(
        fc.tuple(Arbitrary.make(DocumentUpload), invalidUpload, fc.boolean()),
        { numRuns: 40, seed: 7 }
      )
      for (const [valid, broken, onContact] of samples) {
        const upload = { ...valid, ...broken } as DocumentUpload
        const error = yield* Effect.flip(
          onContact
            ? Effect.asVoid(contacts.uploadDocument("contact-1", upload))
            : Effect.asVoid(accounts.uploadDocument("account-1", upload))
        )
        expect(error._tag, JSON.stringify(broken)).toBe("InvalidInput")
        expect(error.message).toContain(
          onContact ? "contactDocuments.uploadDocument" : "accountDocuments.uploadDocument"
        )
      }
      for (
        const [bytes, contentType] of [[pdf, "application/pdf"], [new Uint8Array(0), "image/png"], [
          pdf,
          "png"
        ]] as const
      ) {
        const error = yield* Effect.flip(accounts.uploadLogo("account-1", bytes, contentType))
        expect(error._tag).toBe("InvalidInput")
      }
      for (const id of ["", "a/b", "a b", "%2e"]) {
        expect((yield* Effect.flip(accounts.uploadLogo(id, pdf, "image/png")))._tag).toBe("InvalidInput")
        expect((yield* Effect.flip(contacts.list(id)))._tag).toBe("InvalidInput")
      }
      expect((yield* Effect.flip(accounts.presign("account-1", { filename: "" })))._tag).toBe("InvalidInput")
      expect((yield* Effect.flip(accounts.publishLogo("account-1", { key: " " })))._tag).toBe("InvalidInput")
      expect(
        (yield* Effect.flip(contacts.create("contact-1", { key: "k", name: "n", categoryName: "passport" as never })))
          ._tag
      ).toBe("InvalidInput")
      expect(api.requests).toEqual([])
      expect(bucket.requests).toEqual([])
    }))
})
