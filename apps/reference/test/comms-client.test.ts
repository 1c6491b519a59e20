/**
 * The comms domain through the composed client's Promise face (`createCrmClient`) against the
 * emulator: every comms service, the nested Mandrill one included, and its failures as tagged errors.
 */
import { startEmulator } from "@blocks-crm/emulator"
import type { RunningEmulator } from "@blocks-crm/emulator"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { createCrmClient } from "@blocks-crm/sdk"
import type { CrmOptions } from "@blocks-crm/sdk"

describe("comms on the Promise face", () => {
  let emulator: RunningEmulator
  let settings: CrmOptions

  beforeAll(async () => {
    emulator = await startEmulator()
    settings = { apiUrl: emulator.url, authToken: emulator.authToken, apiKey: emulator.apiKey, retry: { times: 0 } }
  })
  afterAll(() => emulator.close())

  it("subscribers, mail templates and mailTemplates.mandrill, with per-call options", async () => {
    const client = createCrmClient(settings)
    const ana = await client.crm.subscribers.create({ email: "ana@example.com", firstName: "Ana" }, {
      idempotencyKey: "ana-1"
    })
    const left = await client.crm.subscribers.unsubscribe("ana@example.com", { timeout: 5_000 })
    expect(left.email).toBe("ana@example.com")
    expect((await client.crm.subscribers.get(ana.uniqueId)).subscriptionStatus).toBe("unsubscribed")

    const template = await client.crm.mailTemplates.create({ name: "Welcome", subject: "Hi {{first_name}}" })
    expect(template.mergeVariables).toEqual(["first_name"])
    await client.crm.mailTemplates.mandrill.create({ templateId: template.uniqueId })
    const live = await client.crm.mailTemplates.mandrill.publish(template.uniqueId)
    expect(live.published).toEqual({ subject: "Hi {{first_name}}" })
    expect((await client.crm.mailTemplates.mandrill.stats(template.uniqueId)).sentCount).toBe(0)
    const names: Array<string> = []
    for await (const t of client.crm.mailTemplates.stream({ records: 1 })) names.push(t.name)
    expect(names).toEqual(["Welcome"])

    // A taken address rejects with the tagged error itself.
    await expect(client.crm.subscribers.create({ email: "ANA@example.com" })).rejects.toMatchObject({
      _tag: "ValidationFailed",
      status: 422
    })
    await expect(client.crm.mailTemplates.mandrill.publish("no-such-template")).rejects.toMatchObject({
      _tag: "NotFound"
    })
    await client.close()
  })
})
