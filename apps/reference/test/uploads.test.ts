/**
 * The one-call uploads on the Promise face: `client.crm.accountDocuments` and
 * `client.crm.contactDocuments` against the emulator, call options after the method's own arguments.
 */
import { startEmulator } from "@blocks-crm/emulator"
import type { RunningEmulator } from "@blocks-crm/emulator"
import { afterAll, beforeAll, expect, it } from "@effect/vitest"
import { createCrmClient } from "@blocks-crm/sdk"
import type { CrmOptions } from "@blocks-crm/sdk"

let emulator: RunningEmulator
let settings: CrmOptions

beforeAll(async () => {
  emulator = await startEmulator()
  settings = { apiUrl: emulator.url, authToken: emulator.authToken, apiKey: emulator.apiKey, retry: { times: 0 } }
})
afterAll(() => emulator.close())

it("uploadLogo and uploadDocument in one call each, with call options after the arguments", async () => {
  const client = createCrmClient(settings)
  const account = await client.crm.accounts.create({ name: "Acme Corp" })
  const png = new Uint8Array([137, 80, 78, 71])
  const withLogo = await client.crm.accountDocuments.uploadLogo(account.uniqueId, png, "image/png", { timeout: 5_000 })
  expect(withLogo.logoUrl).toMatch(/\/logo\.png$/)
  const logo = await fetch(withLogo.logoUrl!)
  expect(new Uint8Array(await logo.arrayBuffer())).toEqual(png)

  const document = await client.crm.accountDocuments.uploadDocument(account.uniqueId, {
    filename: "terms.txt",
    bytes: new TextEncoder().encode("net 30"),
    contentType: "text/plain"
  }, { requestId: "upload-terms" })
  expect(document).toMatchObject({ name: "terms.txt", fileType: "text/plain", fileSize: 6 })
  expect((await client.crm.accountDocuments.list(account.uniqueId)).map((d) => d.uniqueId)).toEqual([document.uniqueId])

  await expect(client.crm.accountDocuments.uploadLogo(account.uniqueId, png, "application/pdf")).rejects.toMatchObject({
    _tag: "InvalidInput"
  })
  await expect(
    client.crm.contactDocuments.uploadDocument("no-such-contact", {
      filename: "a.txt",
      bytes: png,
      contentType: "text/plain"
    })
  ).rejects.toMatchObject({ _tag: "NotFound", status: 404 })
  await client.close()
})
