/**
 * The billing domain through the composed client's Promise face (`createCrmClient`) and through the
 * `crm` CLI's commands reflected from the billing contract (no CLI code of the domain's own), against
 * the emulator.
 */
import { Emulator } from "@blocks-crm/emulator"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Scope from "effect/Scope"
import { createCrmClient } from "@blocks-crm/sdk"
import * as Cli from "./support/Cli.js"

describe("billing on the Promise face and the CLI", () => {
  const scope = Effect.runSync(Scope.make())
  let info: Emulator.EmulatorInfo

  beforeAll(async () => {
    info = await Effect.runPromise(Scope.extend(Emulator.start({ database: ":memory:", port: 0 }), scope))
  })
  afterAll(() => Effect.runPromise(Scope.close(scope, Exit.void)))

  it("client.crm.billings and client.crm.billingReports, with failures as tagged errors", async () => {
    const client = createCrmClient(Cli.settingsFor(info))
    const review = await client.crm.meetings.create({
      title: "Quarterly Review",
      startTime: new Date("2026-03-15T14:00:00Z"),
      endTime: new Date("2026-03-15T15:00:00Z")
    })
    const billing = await client.crm.billings.create(review.uniqueId, {
      amount: "100.00",
      currency: "USD",
      payerName: "Globex",
      participantEmail: "gina@globex.example"
    }, { idempotencyKey: "bill-review-1" })
    expect((await client.crm.billings.forMeeting(review.uniqueId)).uniqueId).toBe(billing.uniqueId)
    for (const amount of ["33.33", "33.33"]) {
      await client.crm.billings.update(billing.uniqueId, {
        paymentAmount: amount,
        paidAt: new Date("2026-03-16T10:00:00Z")
      })
    }
    expect(await client.crm.billingReports.outstandingByPayer()).toEqual([
      { payerName: "Globex", currency: "USD", totalOutstanding: "33.34", billingsCount: 1 }
    ])
    const revenue = await client.crm.billingReports.revenue({ from: "2026-03-01", to: "2026-03-31" })
    expect(revenue.currencies.map((c) => [c.currency, c.totalPaid])).toEqual([["USD", "66.66"]])
    await expect(client.crm.billings.delete(billing.uniqueId)).rejects.toMatchObject({
      _tag: "ValidationFailed",
      status: 422
    })
    await expect(client.crm.billings.create("no-such-meeting", { amount: "1", currency: "USD", payerName: "X" }))
      .rejects.toMatchObject({ _tag: "NotFound" })
    await expect(client.crm.billings.create(review.uniqueId, { amount: "1", currency: "usd", payerName: "X" }))
      .rejects.toMatchObject({ _tag: "InvalidInput" })
    await client.close()
  })

  it("crm billings and crm billing-reports commands come from the contract", async () => {
    const crm = (...args: ReadonlyArray<string>) => Cli.run(info, args)
    const help = await crm("--help")
    expect(help.stdout).toContain("billings")
    expect(help.stdout).toContain("billing-reports")
    const client = createCrmClient(Cli.settingsFor(info))
    const meeting = await client.crm.meetings.create({
      title: "Pricing call",
      startTime: new Date("2026-03-20T14:00:00Z"),
      endTime: new Date("2026-03-20T15:00:00Z")
    })
    await client.close()
    const created = await crm(
      "billings",
      "create",
      "--amount",
      "480.00",
      "--currency",
      "EUR",
      "--payer-name",
      "Acme Insurance",
      "--json",
      meeting.uniqueId
    )
    expect([created.code, created.stderr]).toEqual([0, ""])
    const billing = JSON.parse(created.stdout) as { uniqueId: string; amount: string; billingStatus: string }
    expect(billing).toMatchObject({ amount: "480.00", billingStatus: "pending" })
    const shown = await crm("billings", "get", billing.uniqueId)
    expect(shown.code).toBe(0)
    expect(shown.stdout).toContain("480.00")
    const aging = await crm("billing-reports", "aging", "--as-of", "2026-03-31", "--json")
    expect(aging.code).toBe(0)
    expect(JSON.parse(aging.stdout)).toMatchObject({ asOf: "2026-03-31" })
    const eap = await crm(
      "billing-reports",
      "eap-sessions",
      "--json",
      "ana@globex.example",
      "Acme Insurance"
    )
    expect([eap.code, eap.stderr]).toEqual([0, ""])
    expect(JSON.parse(eap.stdout)).toMatchObject({ payerName: "Acme Insurance", sessionCount: 0 })
    const bad = await crm(
      "billings",
      "create",
      "--amount",
      "1.5",
      "--currency",
      "JPY",
      "--payer-name",
      "X",
      meeting.uniqueId
    )
    expect(bad.code).toBe(2)
  })
})
