/**
 * The calendar domain through the composed client's Promise face (`createCrmClient`) against the
 * emulator: the official SDK's `calendarSync.syncUser` / `syncTenant`, busy block occurrences, a token
 * and its feed, and failures as tagged errors.
 */
import { startEmulator } from "@blocks-crm/emulator"
import type { RunningEmulator } from "@blocks-crm/emulator"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { createCrmClient } from "@blocks-crm/sdk"
import type { CrmOptions } from "@blocks-crm/sdk"

describe("calendar on the Promise face", () => {
  let emulator: RunningEmulator
  let settings: CrmOptions

  beforeAll(async () => {
    emulator = await startEmulator()
    settings = { apiUrl: emulator.url, authToken: emulator.authToken, apiKey: emulator.apiKey, retry: { times: 0 } }
  })
  afterAll(() => emulator.close())

  it("accounts, calendarSync.syncUser/syncTenant, busyBlocks.occurrences, icsTokens and icsFeed", async () => {
    const client = createCrmClient(settings)
    await client.crm.identities.register("cal-1", { email: "cal@acme.example", name: "Cal" })
    const account = await client.crm.calendarAccounts.create("cal-1", { provider: "outlook", email: "cal@outlook.com" })
    const started = await client.crm.calendarSync.syncUser("cal-1", { timeout: 5_000 })
    expect(started.message).toBe("Calendar sync initiated")
    expect((await client.crm.calendarAccounts.get("cal-1", account.uniqueId)).lastSyncedAt).toEqual(
      started.data.startedAt
    )
    expect((await client.crm.calendarSync.syncTenant()).data.accountsCount).toBe(1)

    await client.crm.busyBlocks.create("cal-1", {
      title: "Standup",
      startTime: new Date("2026-03-02T09:00:00Z"),
      endTime: new Date("2026-03-02T09:15:00Z"),
      recurring: true,
      recurrenceRule: "FREQ=DAILY;COUNT=3"
    })
    const occurrences = await client.crm.busyBlocks.occurrences(
      "cal-1",
      new Date("2026-03-01T00:00:00Z"),
      new Date("2026-03-31T00:00:00Z")
    )
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      "2026-03-02T09:00:00.000Z",
      "2026-03-03T09:00:00.000Z",
      "2026-03-04T09:00:00.000Z"
    ])

    const token = await client.crm.icsTokens.create("cal-1", { label: "Laptop" })
    const feed = await client.crm.icsFeed.calendar("my-company", token.token)
    expect(feed.events.map((e) => [e.summary, e.recurrenceRule])).toEqual([["Standup", "FREQ=DAILY;COUNT=3"]])
    await client.crm.icsTokens.delete("cal-1", token.uniqueId)
    await expect(client.crm.icsFeed.text("my-company", token.token)).rejects.toMatchObject({ _tag: "NotFound" })
    await expect(client.crm.icsFeed.text("my-company", Redacted.make("x/y"))).rejects.toMatchObject({
      _tag: "InvalidInput"
    })
    await expect(client.crm.calendarAccounts.get("someone-else", account.uniqueId)).rejects.toMatchObject({
      _tag: "NotFound"
    })
  })
})
