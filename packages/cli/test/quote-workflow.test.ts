/**
 * A refused quote status change through `crm quotes update`: the API's 422 (current and requested
 * status), then the statuses the quote may move to, read from the pipeline model's graph; exit code 3.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Cli from "./support/Cli.js"

describe("crm quotes update and the approval workflow", () => {
  const crm = Cli.onEmulator()

  const newQuote = async () => {
    const created = await crm.run(["quotes", "create", "--title", "Workflow plan", "--amount", "500", "--json"])
    expect(created.code, created.stderr).toBe(0)
    return (JSON.parse(created.stdout) as { readonly uniqueId: string }).uniqueId
  }

  it("a jump from draft to accepted is refused with the API's words and the allowed next statuses", async () => {
    const id = await newQuote()
    const jump = await crm.run(["quotes", "update", id, "--status", "accepted"])
    expect(jump.code).toBe(3)
    expect(jump.stdout).toBe("")
    const [error, hint, ...rest] = jump.stderr.split("\n")
    expect(error).toMatch(
      /^Error: \/quote\/status: Invalid Attribute: Quote status cannot change from draft to accepted \(status 422, request id .+\)$/
    )
    expect(hint).toBe("Allowed next statuses of a draft quote: sent.")
    expect(rest).toEqual([])

    const sent = await crm.run(["quotes", "update", id, "--status", "sent", "--json"])
    expect(sent.code, sent.stderr).toBe(0)
    const back = await crm.run(["quotes", "update", id, "--status", "rejected"])
    expect(back.code, back.stderr).toBe(0)
    const final = await crm.run(["quotes", "update", id, "--status", "sent"])
    expect(final.code).toBe(3)
    expect(final.stderr.split("\n")[1]).toBe("A rejected quote is final: it has no next status.")
  })

  it("a 422 on another attribute gets no workflow line", async () => {
    const id = await newQuote()
    await crm.run(["quotes", "update", id, "--status", "sent"])
    await crm.run(["quotes", "update", id, "--status", "accepted"])
    const locked = await crm.run(["quotes", "update", id, "--amount", "700"])
    expect(locked.code).toBe(3)
    expect(locked.stderr).toMatch(
      /^Error: \/quote\/amount: Invalid Attribute: An accepted quote's amount cannot change \(it is 500\) \(status 422, request id .+\)$/
    )
  })
})
