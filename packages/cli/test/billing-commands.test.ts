/**
 * The billing commands of `crm`, reflected from the billing contract with no CLI code of the domain's
 * own, against the emulator: a meeting billed, a payment recorded, the split and the reports read back,
 * and the rules (a second billing, an overpayment, deleting a paid billing) refused with their message.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Cli from "./support/Cli.js"

describe("crm billing commands against the emulator", () => {
  const emulator = Cli.onEmulator()

  const crm = (...args: ReadonlyArray<string>) => emulator.run(args)
  const json = async (...args: ReadonlyArray<string>) => {
    const run = await crm(...args, "--json")
    expect([run.code, run.stderr]).toEqual([0, ""])
    return JSON.parse(run.stdout) as Record<string, any>
  }

  const meeting = (title: string) =>
    json(
      "meetings",
      "create",
      "--title",
      title,
      "--start-time",
      "2031-04-01T14:00:00Z",
      "--end-time",
      "2031-04-01T15:00:00Z"
    )

  it("bills a meeting, records a payment, and reads the split and the reports back", async () => {
    const review = await meeting("Quarterly Review")
    const billing = await json(
      "billings",
      "create",
      review.uniqueId,
      "--amount",
      "100.00",
      "--currency",
      "EUR",
      "--payer-name",
      "Globex",
      "--participant-email",
      "cfo@globex.example",
      "--due-at",
      "2031-04-15T00:00:00Z",
      "--payment-split",
      JSON.stringify([
        { payer_name: "Globex", amount: "66.67" },
        { payer_name: "Ada Guest", amount: "33.33" }
      ])
    )
    expect(billing).toMatchObject({ amount: "100.00", currency: "EUR", payerName: "Globex" })
    expect(await json("billings", "for-meeting", review.uniqueId)).toMatchObject({ uniqueId: billing.uniqueId })

    const paid = await json("billings", "update", billing.uniqueId, "--payment-amount", "33.33")
    expect(paid).toMatchObject({ amountPaid: "33.33", billingStatus: "partially_paid" })

    const split = await json("billings", "payment-split", billing.uniqueId)
    expect(split).toMatchObject({ billingUniqueId: billing.uniqueId, amount: "100.00", currency: "EUR" })
    expect((split.parts as ReadonlyArray<{ payerName: string; amount: string }>).map((p) => [p.payerName, p.amount]))
      .toEqual([["Globex", "66.67"], ["Ada Guest", "33.33"]])

    // 100.00 billed, 33.33 paid.
    const outstanding = await json("billing-reports", "outstanding-by-payer") as unknown as ReadonlyArray<
      { payerName: string; currency: string; totalOutstanding: string }
    >
    expect(outstanding.map((row) => [row.payerName, row.currency, row.totalOutstanding])).toEqual([
      ["Globex", "EUR", "66.67"]
    ])
    const participant = await json("billing-reports", "participant", "cfo@globex.example")
    expect(JSON.stringify(participant)).toContain(billing.uniqueId)
  })

  it("refuses a second billing, an overpayment and deleting a paid billing, with the rule named", async () => {
    const workshop = await meeting("Workshop")
    const billWorkshop = ["billings", "create", workshop.uniqueId, "--amount", "50.00", "--currency", "USD"]
    const billing = await json(...billWorkshop, "--payer-name", "Initech")
    const again = await crm(...billWorkshop, "--payer-name", "Initech")
    expect(again.code).not.toBe(0)
    expect(again.stderr).not.toContain("    at ")

    const over = await crm("billings", "update", billing.uniqueId, "--payment-amount", "50.01")
    expect(over.code).not.toBe(0)
    expect(over.stderr).not.toContain("    at ")

    await json("billings", "update", billing.uniqueId, "--payment-amount", "50.00")
    const deleted = await crm("billings", "delete", billing.uniqueId)
    expect(deleted.code).not.toBe(0)
    expect(deleted.stderr).toMatch(/void/i)
    // Still there, paid.
    expect(await json("billings", "get", billing.uniqueId)).toMatchObject({ billingStatus: "paid" })

    // A currency that is not ISO 4217 is refused before anything is sent.
    const bogus = await crm(
      "billings",
      "create",
      workshop.uniqueId,
      "--amount",
      "1",
      "--currency",
      "XXY",
      "--payer-name",
      "X"
    )
    expect(bogus.code).not.toBe(0)
    expect(bogus.stderr).toContain("currency")

    const unknown = await crm("billings", "get", "no-such-billing")
    expect(unknown.code).not.toBe(0)
    expect(unknown.stderr).toContain("could not be found")
  })
})
