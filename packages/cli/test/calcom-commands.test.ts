/**
 * `crm calcom-webhook receive` against an emulator whose company has a Cal.com secret: signed with
 * `--calcom-secret` (the contract's `Contract.SignedRequest`) the booking is processed; unsigned or
 * signed with another secret it is a 401, and no secret is printed.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import * as Cli from "./support/Cli.js"

const SECRET = "calcom_whsec_cli_9d2e"

describe("crm calcom-webhook receive against an emulator with a Cal.com secret", () => {
  const emulator = Cli.onEmulator({
    seeds: { apiKeys: ["pk_cli_calcom"], tokens: ["tok_cli_calcom"] },
    calcomWebhookSecrets: [{ apiKey: "pk_cli_calcom", secret: Redacted.make(SECRET) }]
  })

  const crm = (...args: ReadonlyArray<string>) => emulator.run(args)
  const booking = JSON.stringify({
    uid: "cli-booking-1",
    title: "Intro call",
    startTime: "2031-05-06T10:00:00Z",
    endTime: "2031-05-06T10:30:00Z",
    attendees: [{ email: "guest@example.com", name: "Guest" }]
  })
  const receive = (...extra: ReadonlyArray<string>) =>
    crm("calcom-webhook", "receive", "my-company", "--trigger-event", "BOOKING_CREATED", "--payload", booking, ...extra)

  it("is processed when signed with the company's secret, and a 401 otherwise", async () => {
    const unsigned = await receive()
    expect(unsigned.code).not.toBe(0)
    expect(unsigned.stderr).toMatch(/unauthori[sz]ed/i)
    const wrong = await receive("--calcom-secret", "not-the-secret")
    expect(wrong.code).not.toBe(0)
    expect(wrong.stderr).toMatch(/unauthori[sz]ed/i)

    const signed = await receive("--calcom-secret", SECRET, "--json")
    expect([signed.code, signed.stderr]).toEqual([0, ""])
    expect(JSON.parse(signed.stdout)).toStrictEqual({ message: "Webhook processed successfully" })
    // The booking became a meeting.
    const meetings = await crm("meetings", "list", "--json")
    expect(meetings.stdout).toContain("Intro call")
    for (const run of [unsigned, wrong, signed, meetings]) {
      expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET)
      expect(`${run.stdout}${run.stderr}`).not.toContain("not-the-secret")
    }
  })
})
