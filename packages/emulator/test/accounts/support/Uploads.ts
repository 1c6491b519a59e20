/**
 * What the upload tests share: the emulator with a known upload secret, the accounts services over
 * loopback, a contact created through the contacts endpoint, and raw requests to upload URLs.
 */
import { AccountDocumentsService, AccountsService, ContactDocumentsService } from "@blocks-crm/accounts"
import { Emulator } from "@blocks-crm/emulator"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { createHmac } from "node:crypto"
import * as TestEmulator from "../../support/TestEmulator.js"
import type { SentRequest } from "../../support/TestEmulator.js"

/** The upload secret of the tests' emulators: known here, so a test can sign a URL that has expired. */
export const SECRET = "upload_secret_for_tests_3f9c2a"

/** The largest upload the tests' emulators accept. */
export const MAX_BYTES = 64 * 1024

/** Emulator options for upload tests (overrides win). */
export const options = (overrides: Partial<Emulator.EmulatorOptions> = {}): Partial<Emulator.EmulatorOptions> => ({
  uploads: { secret: Redacted.make(SECRET), maxBytes: MAX_BYTES },
  ...overrides
})

/** The file's emulator. */
export const layer = (overrides: Partial<Emulator.EmulatorOptions> = {}) => TestEmulator.layer(options(overrides))

/** The accounts services over the emulator (tenant A unless `apiKey` says otherwise), and what they sent. */
export const connect = (apiKey: string = TestEmulator.API_KEY_A) =>
  Effect.gen(function*() {
    const info = yield* Emulator.Emulator
    const sent: Array<SentRequest> = []
    const services = Layer.mergeAll(
      AccountsService.Default,
      AccountDocumentsService.Default,
      ContactDocumentsService.Default
    ).pipe(Layer.provide(TestEmulator.transportLayer(TestEmulator.transportOptions(info, { apiKey }), sent)))
    const clients = yield* Effect.all({
      accounts: AccountsService,
      accountDocuments: AccountDocumentsService,
      contactDocuments: ContactDocumentsService
    }).pipe(Effect.provide(services))
    return { ...clients, sent, info }
  })

/** A new contact of tenant A (or the given key's tenant), created through the contacts endpoint. */
export const seedContact = (apiKey: string = TestEmulator.API_KEY_A) =>
  Effect.map(
    TestEmulator.raw<{ data: { id: string } }>("POST", "/contacts/", {
      apiKey,
      body: { contact: { first_name: "Ada", last_name: "Lovelace", email: "ada@example.com" } }
    }),
    (response) => response.json.data.id
  )

let accountNames = 0
/** An account name no other test of the file uses (account names are unique per tenant). */
export const accountName = (name: string) => `${name} ${++accountNames}`

/** A raw request to an upload URL: no credentials, only what is given. */
export const send = (
  method: string,
  url: string,
  options: { readonly body?: Uint8Array; readonly contentType?: string; readonly headers?: Record<string, string> } = {}
) =>
  Effect.promise(async () => {
    const headers: Record<string, string> = { ...options.headers }
    if (options.contentType !== undefined) headers["content-type"] = options.contentType
    const response = await fetch(url, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: options.body as Uint8Array<ArrayBuffer> })
    })
    const bytes = new Uint8Array(await response.arrayBuffer())
    const text = new TextDecoder().decode(bytes)
    let json: any = undefined
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status: response.status, headers: response.headers, bytes, text, json }
  })

/** A signature as the emulator computes it (`PUT\n<key>\n<expires>`), for URLs the test builds itself. */
export const sign = (key: string, expires: number) =>
  createHmac("sha256", SECRET).update(`PUT\n${key}\n${expires}`).digest("base64url")
