/**
 * Account and contact documents and the account logo against the emulator over loopback: every
 * endpoint end to end (success, 404, 422), the SDK's one-call uploads, and the emulator's own upload
 * URLs (signed, expiring, size-limited, typed).
 */
import { CreateDocumentRequest } from "@blocks-crm/accounts"
import type { ValidationFailed } from "@blocks-crm/core-http/CrmError"
import { describe, expect, layer } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import { API_KEY_A, API_KEY_B, expectTag, raw, TOKEN, uuid } from "../support/TestEmulator.js"
import type { WireErrors } from "../support/TestEmulator.js"
import { accountName, connect, MAX_BYTES, SECRET, seedContact, send, sign } from "./support/Uploads.js"
import * as Uploads from "./support/Uploads.js"

const pdf = new TextEncoder().encode("%PDF-1.7 test")
const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])

/** The pointers of a 422's errors. */
const pointers = (error: ValidationFailed) => error.errors.map((e) => e.source?.pointer)

layer(Uploads.layer(), { excludeTestServices: true })("account and contact documents on the emulator", (it) => {
  describe("account documents", () => {
    it.effect("presign, PUT the bytes, register, list, read and delete", () =>
      Effect.gen(function*() {
        const { accountDocuments, accounts, info } = yield* connect()
        const account = yield* accounts.create({ name: accountName("Acme Corp") })
        const before = Date.now()
        const upload = yield* accountDocuments.presign(account.uniqueId, {
          filename: "contract v2.pdf",
          contentType: "application/pdf"
        })
        expect(upload.key).toMatch(
          new RegExp(`^accounts/${account.uniqueId}/documents/[0-9a-f-]{36}/contract_v2\\.pdf$`)
        )
        expect(upload.publicUrl).toBe(`${info.url}/__emulator/uploads/${upload.key}`)
        expect(upload.uploadUrl.startsWith(`${upload.publicUrl}?expires=`)).toBe(true)
        expect(upload.expiresAt!.getTime()).toBeGreaterThan(before)
        expect(upload.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000)

        const put = yield* send("PUT", upload.uploadUrl, { body: pdf, contentType: "application/pdf" })
        expect(put.status).toBe(200)
        expect(put.json).toEqual({ key: upload.key, size: pdf.length, content_type: "application/pdf" })

        const document = yield* accountDocuments.create(account.uniqueId, {
          key: upload.key,
          name: "Signed contract",
          description: "Version 2"
        })
        expect(document).toStrictEqual({
          uniqueId: document.uniqueId,
          accountUniqueId: account.uniqueId,
          name: "Signed contract",
          originalName: "contract v2.pdf",
          description: "Version 2",
          fileType: "application/pdf",
          fileSize: pdf.length,
          url: upload.publicUrl,
          status: "active",
          enabled: true,
          createdAt: document.createdAt,
          updatedAt: document.createdAt
        })
        expect(document.uniqueId).toMatch(uuid)
        expect(yield* accountDocuments.list(account.uniqueId)).toStrictEqual([document])

        const read = yield* send("GET", upload.publicUrl)
        expect(read.status).toBe(200)
        expect(read.headers.get("content-type")).toBe("application/pdf")
        expect([...read.bytes]).toEqual([...pdf])

        yield* accountDocuments.delete(account.uniqueId, document.uniqueId)
        expect(yield* accountDocuments.list(account.uniqueId)).toEqual([])
        expect((yield* send("GET", upload.publicUrl)).status).toBe(404)
        expectTag(yield* Effect.flip(accountDocuments.delete(account.uniqueId, document.uniqueId)), "NotFound")
      }))

    it.effect("uploadDocument does the three steps in one call", () =>
      Effect.gen(function*() {
        const { accountDocuments, accounts } = yield* connect()
        const account = yield* accounts.create({ name: accountName("Globex") })
        const document = yield* accountDocuments.uploadDocument(account.uniqueId, {
          filename: "nda.pdf",
          bytes: pdf,
          contentType: "application/pdf"
        })
        expect(document).toMatchObject({ name: "nda.pdf", originalName: "nda.pdf", fileSize: pdf.length })
        expect([...(yield* send("GET", document.url!)).bytes]).toEqual([...pdf])
        expect((yield* accountDocuments.list(account.uniqueId)).map((d) => d.uniqueId)).toEqual([document.uniqueId])
      }))

    it.effect("an unknown account or document is NotFound on every endpoint", () =>
      Effect.gen(function*() {
        const { accountDocuments, accounts } = yield* connect()
        const presign = { filename: "a.pdf" }
        for (
          const call of [
            accountDocuments.list("no-such-account"),
            accountDocuments.presign("no-such-account", presign),
            accountDocuments.create("no-such-account", { key: "k", name: "n" }),
            accountDocuments.delete("no-such-account", "no-such-document"),
            accountDocuments.presignLogo("no-such-account", presign),
            accountDocuments.publishLogo("no-such-account", { key: "k" }),
            accountDocuments.uploadLogo("no-such-account", png, "image/png")
          ]
        ) {
          const error = expectTag(yield* Effect.flip(call), "NotFound")
          expect(error.errors[0]?.title).toBe("Account Not Found")
        }
        const account = yield* accounts.create({ name: accountName("Initech") })
        const missing = expectTag(
          yield* Effect.flip(accountDocuments.delete(account.uniqueId, "no-such-document")),
          "NotFound"
        )
        expect(missing.errors[0]?.title).toBe("Document Not Found")
      }))

    it.effect("registering needs an upload under the key: 422 on /document/key otherwise", () =>
      Effect.gen(function*() {
        const { accountDocuments, accounts } = yield* connect()
        const account = yield* accounts.create({ name: accountName("Umbrella") })
        const other = yield* accounts.create({ name: accountName("Hooli") })

        const unknown = expectTag(
          yield* Effect.flip(
            accountDocuments.create(account.uniqueId, { key: "accounts/x/documents/y/z.pdf", name: "n" })
          ),
          "ValidationFailed"
        )
        expect(pointers(unknown)).toEqual(["/document/key"])
        expect(unknown.message).toContain("nothing was presigned under this key")

        const pending = yield* accountDocuments.presign(account.uniqueId, { filename: "later.pdf" })
        const notYet = expectTag(
          yield* Effect.flip(accountDocuments.create(account.uniqueId, { key: pending.key, name: "n" })),
          "ValidationFailed"
        )
        expect(notYet.message).toContain("nothing has been uploaded under this key yet")

        // A key presigned for one account is unknown to another.
        expect((yield* send("PUT", pending.uploadUrl, { body: pdf, contentType: "application/pdf" })).status).toBe(200)
        const elsewhere = expectTag(
          yield* Effect.flip(accountDocuments.create(other.uniqueId, { key: pending.key, name: "n" })),
          "ValidationFailed"
        )
        expect(elsewhere.message).toContain("nothing was presigned under this key")

        // A key is registered once.
        const first = yield* accountDocuments.create(account.uniqueId, { key: pending.key, name: "n" })
        expect(first.fileType).toBe("application/pdf")
        const twice = expectTag(
          yield* Effect.flip(accountDocuments.create(account.uniqueId, { key: pending.key, name: "again" })),
          "ValidationFailed"
        )
        expect(twice.message).toContain(`already registered as document ${first.uniqueId}`)
      }))

    it.effect("bodies the contract refuses are 422s naming the field", () =>
      Effect.gen(function*() {
        const { accounts } = yield* connect()
        const account = yield* accounts.create({ name: accountName("Stark") })
        const noName = yield* raw<WireErrors>("POST", `/accounts/${account.uniqueId}/documents`, {
          body: { document: { key: "k" } }
        })
        expect(noName.status).toBe(422)
        expect(noName.json.errors.map((e) => e.source?.pointer)).toEqual(["/document/name"])
        const badType = yield* raw<WireErrors>("PUT", `/accounts/${account.uniqueId}/presign_document`, {
          body: { filename: "a.pdf", content_type: "pdf" }
        })
        expect(badType.status).toBe(422)
        expect(badType.json.errors.map((e) => e.source?.pointer)).toEqual(["/content_type"])
        const noFilename = yield* raw<WireErrors>("PUT", `/accounts/${account.uniqueId}/presign_logo`, { body: {} })
        expect(noFilename.status).toBe(422)
        expect(noFilename.json.errors.map((e) => e.source?.pointer)).toEqual(["/filename"])
        const noKey = yield* raw<WireErrors>("PUT", `/accounts/${account.uniqueId}/logo/publish`, { body: {} })
        expect(noKey.status).toBe(422)
        expect(noKey.json.errors.map((e) => e.source?.pointer)).toEqual(["/key"])
      }))
  })

  describe("account logo", () => {
    it.effect("uploadLogo sets logo_url; a new logo replaces the old file", () =>
      Effect.gen(function*() {
        const { accountDocuments, accounts } = yield* connect()
        const account = yield* accounts.create({ name: accountName("Acme Corp") })
        expect(account.logoUrl).toBeUndefined()
        const withLogo = yield* accountDocuments.uploadLogo(account.uniqueId, png, "image/png")
        expect(withLogo.logoUrl).toMatch(
          new RegExp(`/__emulator/uploads/accounts/${account.uniqueId}/logo/.+/logo\\.png$`)
        )
        expect((yield* accounts.get(account.uniqueId)).logoUrl).toBe(withLogo.logoUrl)
        const served = yield* send("GET", withLogo.logoUrl!)
        expect(served.headers.get("content-type")).toBe("image/png")
        expect([...served.bytes]).toEqual([...png])

        const svg = new TextEncoder().encode("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        const replaced = yield* accountDocuments.uploadLogo(account.uniqueId, svg, "image/svg+xml")
        expect(replaced.logoUrl).not.toBe(withLogo.logoUrl)
        expect(replaced.logoUrl).toMatch(/\/logo\.svg$/)
        expect((yield* send("GET", withLogo.logoUrl!)).status).toBe(404)
        expect((yield* send("GET", replaced.logoUrl!)).text).toContain("<svg")
      }))

    it.effect("a logo must be an image, uploaded under the account's logo key: 422 otherwise", () =>
      Effect.gen(function*() {
        const { accountDocuments, accounts } = yield* connect()
        const account = yield* accounts.create({ name: accountName("Wayne") })
        const pdfLogo = expectTag(
          yield* Effect.flip(
            accountDocuments.presignLogo(account.uniqueId, { filename: "a.pdf", contentType: "application/pdf" })
          ),
          "ValidationFailed"
        )
        expect(pointers(pdfLogo)).toEqual(["/content_type"])

        // Presigned without a type, then sent as text: refused when published.
        const untyped = yield* accountDocuments.presignLogo(account.uniqueId, { filename: "logo" })
        expect((yield* send("PUT", untyped.uploadUrl, { body: pdf, contentType: "text/plain" })).status).toBe(200)
        const notImage = expectTag(
          yield* Effect.flip(accountDocuments.publishLogo(account.uniqueId, { key: untyped.key })),
          "ValidationFailed"
        )
        expect(pointers(notImage)).toEqual(["/key"])
        expect(notImage.message).toContain("the upload is text/plain, not an image")

        // A document's key is not a logo's.
        const documentKey = yield* accountDocuments.presign(account.uniqueId, {
          filename: "a.png",
          contentType: "image/png"
        })
        expect((yield* send("PUT", documentKey.uploadUrl, { body: png, contentType: "image/png" })).status).toBe(200)
        const wrongScope = expectTag(
          yield* Effect.flip(accountDocuments.publishLogo(account.uniqueId, { key: documentKey.key })),
          "ValidationFailed"
        )
        expect(wrongScope.message).toContain("nothing was presigned under this key")
        expect((yield* accounts.get(account.uniqueId)).logoUrl).toBeUndefined()
      }))
  })

  describe("contact documents", () => {
    it.effect("presign, upload, register, list and delete; uploadDocument in one call", () =>
      Effect.gen(function*() {
        const { contactDocuments } = yield* connect()
        const contactId = yield* seedContact()
        const upload = yield* contactDocuments.presign(contactId, {
          filename: "passport.png",
          contentType: "image/png"
        })
        expect(upload.key.startsWith(`contacts/${contactId}/documents/`)).toBe(true)
        expect((yield* send("PUT", upload.uploadUrl, { body: png, contentType: "image/png" })).status).toBe(200)
        const passport = yield* contactDocuments.create(contactId, {
          key: upload.key,
          name: "Passport",
          categoryName: "credential",
          isExpirable: true,
          expiresAt: new Date("2031-05-01T00:00:00Z")
        })
        expect(passport).toMatchObject({
          contactUniqueId: contactId,
          name: "Passport",
          fileType: "image/png",
          fileSize: png.length,
          categoryName: "credential",
          isExpirable: true,
          expiresAt: new Date("2031-05-01T00:00:00Z")
        })
        const cv = yield* contactDocuments.uploadDocument(contactId, {
          filename: "cv.pdf",
          bytes: pdf,
          contentType: "application/pdf",
          name: "CV"
        })
        expect((yield* contactDocuments.list(contactId)).map((d) => [d.name, d.fileType, d.fileSize])).toEqual([
          ["Passport", "image/png", png.length],
          ["CV", "application/pdf", pdf.length]
        ])
        yield* contactDocuments.delete(contactId, passport.uniqueId)
        expect((yield* contactDocuments.list(contactId)).map((d) => d.uniqueId)).toEqual([cv.uniqueId])
        expect((yield* send("GET", upload.publicUrl)).status).toBe(404)
      }))

    it.effect("an unknown contact or document is NotFound; a body without an upload is a 422", () =>
      Effect.gen(function*() {
        const { contactDocuments } = yield* connect()
        for (
          const call of [
            contactDocuments.list("no-such-contact"),
            contactDocuments.presign("no-such-contact", { filename: "a.pdf" }),
            contactDocuments.create("no-such-contact", { key: "k", name: "n" }),
            contactDocuments.delete("no-such-contact", "d"),
            contactDocuments.uploadDocument("no-such-contact", { filename: "a", bytes: pdf, contentType: "text/plain" })
          ]
        ) {
          expect(expectTag(yield* Effect.flip(call), "NotFound").errors[0]?.title).toBe("Contact Not Found")
        }
        const contactId = yield* seedContact()
        expectTag(yield* Effect.flip(contactDocuments.delete(contactId, "no-such-document")), "NotFound")
        const noUpload = expectTag(
          yield* Effect.flip(contactDocuments.create(contactId, { key: "contacts/x/y", name: "n" })),
          "ValidationFailed"
        )
        expect(pointers(noUpload)).toEqual(["/document/key"])
      }))
  })

  describe("upload URLs", () => {
    const presigned = Effect.gen(function*() {
      const { accountDocuments, accounts } = yield* connect()
      const account = yield* accounts.create({ name: accountName("Cyberdyne") })
      return yield* accountDocuments.presign(account.uniqueId, { filename: "a.pdf", contentType: "application/pdf" })
    })

    it.effect("a tampered, missing or expired signature is a 403 that quotes no secret", () =>
      Effect.gen(function*() {
        const upload = yield* presigned
        const url = new URL(upload.uploadUrl)
        const signature = url.searchParams.get("signature")!
        const expires = Number(url.searchParams.get("expires"))
        const withQuery = (query: string) => `${upload.publicUrl}?${query}`
        const flipped = `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`
        const past = Date.now() - 1_000
        const cases = [
          [withQuery(`expires=${expires}&signature=${flipped}`), "signature_mismatch"],
          [withQuery(`expires=${expires + 60_000}&signature=${signature}`), "signature_mismatch"],
          [
            `${upload.publicUrl.replace("a.pdf", "b.pdf")}?expires=${expires}&signature=${signature}`,
            "signature_mismatch"
          ],
          [upload.publicUrl, "signature_missing"],
          // Validly signed, but past its expiry.
          [withQuery(`expires=${past}&signature=${sign(upload.key, past)}`), "upload_url_expired"]
        ] as const
        for (const [target, code] of cases) {
          const answer = yield* send("PUT", target, { body: pdf, contentType: "application/pdf" })
          expect(answer.status, target).toBe(403)
          expect(answer.json.errors[0].code).toBe(code)
          expect(answer.text).not.toContain(signature)
          expect(answer.text).not.toContain(SECRET)
        }
        // Nothing was stored by any of them.
        expect((yield* send("GET", upload.publicUrl)).status).toBe(404)
      }))

    it.effect("the presigned type, the size limit and a non-empty body are enforced", () =>
      Effect.gen(function*() {
        const upload = yield* presigned
        const otherType = yield* send("PUT", upload.uploadUrl, { body: pdf, contentType: "image/png" })
        expect(otherType.status).toBe(403)
        expect(otherType.json.errors[0].detail).toBe(
          "The upload was presigned for application/pdf; it was sent as image/png."
        )
        const tooLarge = yield* send("PUT", upload.uploadUrl, {
          body: new Uint8Array(MAX_BYTES + 1),
          contentType: "application/pdf"
        })
        expect(tooLarge.status).toBe(413)
        const empty = yield* send("PUT", upload.uploadUrl, { body: new Uint8Array(0), contentType: "application/pdf" })
        expect(empty.status).toBe(422)
        const withParameters = yield* send("PUT", upload.uploadUrl, {
          body: pdf,
          contentType: "Application/PDF; charset=binary"
        })
        expect(withParameters.status).toBe(200)
        expect((yield* send("DELETE", upload.uploadUrl)).status).toBe(405)
      }))

    it.effect("the signature is the upload URL's only permission; the presign needs credentials like every endpoint", () =>
      Effect.gen(function*() {
        const upload = yield* presigned
        // Wrong credentials do not matter to the upload URL: the signature is the permission.
        const answer = yield* send("PUT", upload.uploadUrl, {
          body: pdf,
          contentType: "application/pdf",
          headers: { authorization: "Bearer wrong", appid: "wrong" }
        })
        expect(answer.status).toBe(200)
        // The presign itself needs them, like every endpoint.
        const anonymous = yield* raw("PUT", "/accounts/x/presign_document", {
          body: { filename: "a.pdf" },
          token: null,
          apiKey: null
        })
        expect(anonymous.status).toBe(401)
      }))

    it.effect("another tenant sees neither the account nor its uploads", () =>
      Effect.gen(function*() {
        const a = yield* connect()
        const b = yield* connect(API_KEY_B)
        const account = yield* a.accounts.create({ name: accountName("Tenant A Corp") })
        const document = yield* a.accountDocuments.uploadDocument(account.uniqueId, {
          filename: "a.pdf",
          bytes: pdf,
          contentType: "application/pdf"
        })
        expectTag(yield* Effect.flip(b.accountDocuments.list(account.uniqueId)), "NotFound")
        expectTag(yield* Effect.flip(b.accountDocuments.delete(account.uniqueId, document.uniqueId)), "NotFound")
        const own = yield* b.accounts.create({ name: accountName("Tenant B Corp") })
        const stolen = expectTag(
          yield* Effect.flip(
            b.accountDocuments.create(own.uniqueId, { key: document.url!.split("/uploads/")[1]!, name: "x" })
          ),
          "ValidationFailed"
        )
        expect(stolen.message).toContain("nothing was presigned under this key")
      }))

    it.effect("the OpenAPI document lists the ten endpoints", () =>
      Effect.gen(function*() {
        const response = yield* raw<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json")
        const methods = (path: string) => Object.keys(response.json.paths[path] ?? {}).sort()
        expect(methods("/accounts/{accountId}/documents")).toEqual(["get", "post"])
        expect(methods("/accounts/{accountId}/presign_document")).toEqual(["put"])
        expect(methods("/accounts/{accountId}/documents/{documentId}")).toEqual(["delete"])
        expect(methods("/accounts/{accountId}/presign_logo")).toEqual(["put"])
        expect(methods("/accounts/{accountId}/logo/publish")).toEqual(["put"])
        expect(methods("/contacts/{contactId}/documents")).toEqual(["get", "post"])
        expect(methods("/contacts/{contactId}/documents/{documentId}")).toEqual(["delete"])
        expect(methods("/contacts/{contactId}/presign_document")).toEqual(["put"])
      }))
  })

  describe("property-based", () => {
    // Dates the wire can carry (a four-digit year), and no invalid Date.
    const registration = Arbitrary.make(CreateDocumentRequest).chain((request) =>
      fc.record({
        expiresAt: fc.option(
          fc.date({ min: new Date("1970-01-01"), max: new Date("2999-12-31"), noInvalidDate: true }),
          { nil: undefined }
        ),
        issuedAt: fc.option(
          fc.date({ min: new Date("1970-01-01"), max: new Date("2999-12-31"), noInvalidDate: true }),
          { nil: undefined }
        )
      }).map((dates) => {
        const { expiresAt: _e, issuedAt: _i, ...rest } = request
        return {
          ...rest,
          ...(dates.expiresAt === undefined ? {} : { expiresAt: dates.expiresAt }),
          ...(dates.issuedAt === undefined ? {} : { issuedAt: dates.issuedAt })
        }
      })
    )

    it.effect("arbitrary valid registrations round-trip client → emulator → client", () =>
      Effect.gen(function*() {
        const { accountDocuments, accounts } = yield* connect()
        const account = yield* accounts.create({ name: accountName("Property Corp") })
        for (const request of fc.sample(registration, { numRuns: 12, seed: 5 })) {
          const upload = yield* accountDocuments.presign(account.uniqueId, { filename: "p.bin" })
          expect((yield* send("PUT", upload.uploadUrl, { body: pdf, contentType: "application/octet-stream" })).status)
            .toBe(200)
          const document = yield* accountDocuments.create(account.uniqueId, { ...request, key: upload.key })
          const { key: _key, ...attributes } = request
          expect(document).toMatchObject({ ...{ originalName: "p.bin" }, ...attributes })
          const listed = (yield* accountDocuments.list(account.uniqueId)).find((d) => d.uniqueId === document.uniqueId)
          expect(listed).toStrictEqual(document)
        }
      }))

    it.effect("arbitrary invalid inputs fail with InvalidInput and send nothing", () =>
      Effect.gen(function*() {
        const { accountDocuments, contactDocuments, sent } = yield* connect()
        const invalid = fc.oneof(
          fc.record({ name: fc.constantFrom("", " \t") }),
          fc.record({ key: fc.constantFrom("", "   ") }),
          fc.record({
            categoryName: fc.string().filter((s) =>
              !["license", "certification", "insurance", "credential"].includes(s)
            )
          }),
          fc.record({ expiresAt: fc.constant(new Date(Number.NaN)) }),
          fc.record({ isExpirable: fc.constantFrom<unknown>("yes", 1, null) })
        )
        for (const [valid, broken] of fc.sample(fc.tuple(registration, invalid), { numRuns: 30, seed: 3 })) {
          const request = { ...valid, ...broken } as CreateDocumentRequest
          expectTag(yield* Effect.flip(accountDocuments.create("some-account", request)), "InvalidInput")
          expectTag(yield* Effect.flip(contactDocuments.create("some-contact", request)), "InvalidInput")
        }
        for (const filename of ["", "dir/x.pdf", "x".repeat(256)]) {
          expectTag(yield* Effect.flip(accountDocuments.presign("some-account", { filename })), "InvalidInput")
          expectTag(yield* Effect.flip(contactDocuments.presign("some-contact", { filename })), "InvalidInput")
        }
        expect(sent).toEqual([])
      }))
  })

  it.effect("no secret reaches an error: the token and API key stay out of every failure's text", () =>
    Effect.gen(function*() {
      const { accountDocuments } = yield* connect()
      const failures = [
        yield* Effect.flip(accountDocuments.list("no-such-account")),
        yield* Effect.flip(accountDocuments.publishLogo("no-such-account", { key: "k" })),
        yield* Effect.flip(accountDocuments.presign("bad/id", { filename: "a" }))
      ]
      for (const failure of failures) {
        const text = `${failure.message} ${JSON.stringify(failure)}`
        expect(text).not.toContain(TOKEN)
        expect(text).not.toContain(API_KEY_A)
        expect(text).not.toContain(SECRET)
      }
    }))
})
