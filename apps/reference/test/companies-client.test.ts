/**
 * The companies domain through the composed client's Promise face (`createCrmClient`) against the
 * emulator: companies and the nested keys service, a key's secret as a `Redacted`, a second client
 * holding only the key and its token, and failures as tagged errors.
 */
import { startEmulator } from "@blocks-crm/emulator"
import type { RunningEmulator } from "@blocks-crm/emulator"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { createCrmClient } from "@blocks-crm/sdk"
import type { CrmOptions } from "@blocks-crm/sdk"

describe("companies on the Promise face", () => {
  let emulator: RunningEmulator
  let settings: CrmOptions

  beforeAll(async () => {
    emulator = await startEmulator()
    settings = { apiUrl: emulator.url, authToken: emulator.authToken, apiKey: emulator.apiKey, retry: { times: 0 } }
  })
  afterAll(() => emulator.close())

  it("companies and companies.keys; an integration with only a key and its token; a disabled key rejects", async () => {
    const client = createCrmClient(settings)
    expect((await client.crm.companies.get("my-company")).urlId).toBe("my-company")
    const key = await client.crm.companies.keys.create("my-company", { name: "integration" }, {
      idempotencyKey: "integration-key-1"
    })
    expect(Redacted.isRedacted(key.secret)).toBe(true)
    const token = await client.crm.companies.exchange("my-company", key.secret, { timeout: 5_000 })
    expect(token.tokenType).toBe("Bearer")

    const integration = createCrmClient({ ...settings, apiKey: key.secret, authToken: token.accessToken })
    expect((await integration.crm.leads.list()).meta.totalRecords).toBe(0)

    await client.crm.companies.keys.update("my-company", key.uniqueId, { enabled: false })
    await expect(integration.crm.leads.list()).rejects.toMatchObject({ _tag: "Unauthorized", status: 401 })
    await expect(client.crm.companies.impersonate("my-company", "nobody")).rejects.toMatchObject({
      _tag: "ValidationFailed",
      status: 422
    })
    await expect(client.crm.companies.storage("Not A Slug")).rejects.toMatchObject({ _tag: "InvalidInput" })
    expect((await client.crm.companies.keys.list("my-company")).map((k) => k.enabled)).toEqual([false])
    await integration.close()
    await client.close()
  })
})
