/**
 * Upload URLs over time: one that expires unused leaves nothing to register, and uploaded bytes outlive
 * the emulator (SQLite), counted per tenant by `Uploads.storedBytes`.
 */
import { Credentials, Database, Emulator, Uploads } from "@blocks-crm/emulator"
import { expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { API_KEY_A, API_KEY_B, expectTag } from "../support/TestEmulator.js"
import * as TestEmulator from "../support/TestEmulator.js"
import { accountName, connect, send } from "./support/Uploads.js"
import * as UploadTests from "./support/Uploads.js"

/** Runs `f` against an emulator started with `overrides`, stopping it when `f` is done. */
const withEmulator = <A, E, R>(
  overrides: Partial<Emulator.EmulatorOptions>,
  f: Effect.Effect<A, E, R | Emulator.Emulator>
) =>
  Effect.scoped(
    Effect.flatMap(
      TestEmulator.start(UploadTests.options(overrides)),
      (info) => Effect.provideService(f, Emulator.Emulator, info)
    )
  )

it.scopedLive("a URL that expired unused: its PUT is a 403 and its key a 422 with the reason", () =>
  withEmulator(
    { uploads: { ...UploadTests.options().uploads, urlTtl: "300 millis" } },
    Effect.gen(function*() {
      const { accountDocuments, accounts } = yield* connect()
      const account = yield* accounts.create({ name: accountName("Slow Corp") })
      const document = yield* accountDocuments.presign(account.uniqueId, { filename: "late.pdf" })
      const logo = yield* accountDocuments.presignLogo(account.uniqueId, { filename: "logo.png" })
      // Well past the 300 ms the URLs live.
      yield* Effect.sleep("1 second")
      const put = yield* send("PUT", document.uploadUrl, { body: new Uint8Array([1]), contentType: "application/pdf" })
      expect(put.status).toBe(403)
      expect(put.json.errors[0].code).toBe("upload_url_expired")
      const late = expectTag(
        yield* Effect.flip(accountDocuments.create(account.uniqueId, { key: document.key, name: "Late" })),
        "ValidationFailed"
      )
      expect(late.errors.map((e) => e.source?.pointer)).toEqual(["/document/key"])
      expect(late.message).toContain("the upload URL expired before anything was uploaded")
      const lateLogo = expectTag(
        yield* Effect.flip(accountDocuments.publishLogo(account.uniqueId, { key: logo.key })),
        "ValidationFailed"
      )
      expect(lateLogo.errors.map((e) => e.source?.pointer)).toEqual(["/key"])
      expect(lateLogo.message).toContain("expired")
    })
  ))

it.scopedLive("uploaded bytes survive a restart on the same SQLite file and count per tenant", () =>
  Effect.gen(function*() {
    const dir = yield* Effect.acquireRelease(
      Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "crm-uploads-test-"))),
      (dir) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
    )
    const database = path.join(dir, "emulator.db")
    const pdf = new Uint8Array(1_000).fill(7)
    const png = new Uint8Array([137, 80, 78, 71])

    const before = yield* withEmulator(
      { database },
      Effect.gen(function*() {
        const { accountDocuments, accounts, contactDocuments } = yield* connect()
        const account = yield* accounts.create({ name: accountName("Durable Corp") })
        const document = yield* accountDocuments.uploadDocument(account.uniqueId, {
          filename: "kept.pdf",
          bytes: pdf,
          contentType: "application/pdf"
        })
        const withLogo = yield* accountDocuments.uploadLogo(account.uniqueId, png, "image/png")
        const contactId = yield* UploadTests.seedContact()
        yield* contactDocuments.uploadDocument(contactId, { filename: "id.png", bytes: png, contentType: "image/png" })
        // Presigned and never uploaded: no bytes to count.
        yield* accountDocuments.presign(account.uniqueId, { filename: "never.pdf" })
        return { account, document, logoUrl: withLogo.logoUrl! }
      })
    )

    // The storage the companies domain will report, read from the file with the emulator stopped.
    const stored = yield* Effect.flatMap(
      Uploads.Uploads,
      (uploads) =>
        Effect.all([
          uploads.storedBytes(Credentials.tenantIdOf(API_KEY_A)),
          uploads.storedBytes(Credentials.tenantIdOf(API_KEY_B))
        ])
    ).pipe(Effect.provide(Uploads.layer().pipe(Layer.provide(Database.layer(database)))))
    expect(stored).toEqual([pdf.length + png.length + png.length, 0])

    yield* withEmulator(
      { database },
      Effect.gen(function*() {
        const { accountDocuments, accounts } = yield* connect()
        expect(yield* accountDocuments.list(before.account.uniqueId)).toStrictEqual([before.document])
        expect((yield* accounts.get(before.account.uniqueId)).logoUrl).toBe(before.logoUrl)
        // The port changed; the path did not.
        const info = yield* Emulator.Emulator
        const pathOf = (url: string) => new URL(url).pathname
        expect([...(yield* send("GET", `${info.url}${pathOf(before.document.url!)}`)).bytes]).toEqual([...pdf])
        expect([...(yield* send("GET", `${info.url}${pathOf(before.logoUrl)}`)).bytes]).toEqual([...png])
      })
    )
  }))
