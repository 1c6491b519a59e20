/**
 * The scheduling domain through the composed client's Promise face (`createCrmClient`) against the
 * emulator: meetings with `meetings.participants` nested, events, Zoom hosts and links, and failures as
 * tagged errors.
 */
import { startEmulator } from "@blocks-crm/emulator"
import type { RunningEmulator } from "@blocks-crm/emulator"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { createCrmClient } from "@blocks-crm/sdk"
import type { CrmOptions } from "@blocks-crm/sdk"

describe("scheduling on the Promise face", () => {
  let emulator: RunningEmulator
  let settings: CrmOptions

  beforeAll(async () => {
    emulator = await startEmulator()
    settings = { apiUrl: emulator.url, authToken: emulator.authToken, apiKey: emulator.apiKey, retry: { times: 0 } }
  })
  afterAll(() => emulator.close())

  it("meetings, meetings.participants, events and Zoom, with per-call options", async () => {
    const client = createCrmClient(settings)
    await client.crm.identities.register("rep-1", { email: "rep@acme.example", name: "Rep" })
    const review = await client.crm.meetings.create({
      title: "Quarterly Review",
      startTime: new Date("2026-03-15T14:00:00Z"),
      endTime: new Date("2026-03-15T15:00:00Z"),
      meetingType: "virtual"
    }, { idempotencyKey: "review-1" })
    expect((await client.crm.meetings.list()).data.map((m) => m.uniqueId)).toEqual([review.uniqueId])
    const guest = await client.crm.meetings.participants.add(review.uniqueId, { email: "cfo@globex.example" })
    expect((await client.crm.meetings.participants.list(review.uniqueId)).map((p) => p.uniqueId)).toEqual([
      guest.uniqueId
    ])
    await client.crm.zoomHosts.create({ email: "zoom@acme.example" })
    const zoom = await client.crm.zoomMeetings.create("rep-1", review.uniqueId, { duration: 60 }, { timeout: 5_000 })
    expect(zoom.joinUrl).toMatch(/^https:\/\/zoom\.us\/j\//)
    const day = await client.crm.events.create({ title: "Customer day" })
    await expect(client.crm.events.checkInEmployee(day.uniqueId, { employeeUniqueId: "rep-1" })).rejects
      .toMatchObject({ _tag: "ValidationFailed", status: 422 })
    await client.crm.events.confirmEmployee(day.uniqueId, { employeeUniqueId: "rep-1" })
    expect((await client.crm.events.checkInEmployee(day.uniqueId, { employeeUniqueId: "rep-1" })).checkedInCount)
      .toBe(1)
    await expect(client.crm.meetings.participants.remove(review.uniqueId, "no-such-participant")).rejects
      .toMatchObject({ _tag: "NotFound" })
    await client.close()
  })
})
