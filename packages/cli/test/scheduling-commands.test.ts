/**
 * The scheduling commands of `crm`, reflected from the scheduling contract with no CLI code of the
 * domain's own: run in this process against the emulator on loopback. A meeting with a participant and
 * a Zoom link, an event's check-in rules, and the Zoom webhook, signed by `--zoom-secret` (the contract's
 * `Contract.SignedRequest`) and refused without it.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { createHmac } from "node:crypto"
import * as Cli from "./support/Cli.js"

const ZOOM_SECRET = "zoom_whsec_cli_test_3b1f"

describe("crm scheduling commands against the emulator", () => {
  const emulator = Cli.onEmulator({
    seeds: { apiKeys: ["pk_cli_sched_a"], tokens: ["tok_cli_sched"] },
    zoomWebhookSecrets: { pk_cli_sched_a: Redacted.make(ZOOM_SECRET) }
  })

  const crm = (...args: ReadonlyArray<string>) => emulator.run(args)
  const json = async (...args: ReadonlyArray<string>) => {
    const run = await crm(...args, "--json")
    expect([run.code, run.stderr]).toEqual([0, ""])
    return JSON.parse(run.stdout) as Record<string, any>
  }

  it("schedules a meeting, adds a participant and a Zoom link, lists the user's meetings", async () => {
    const user = await crm("identities", "register", "cli-rep", "--email", "cli-rep@example.com", "--name", "Cli Rep")
    expect([user.code, user.stderr]).toEqual([0, ""])
    const meeting = await json(
      "meetings",
      "create",
      "--title",
      "Quarterly Review",
      "--start-time",
      "2031-03-15T14:00:00Z",
      "--end-time",
      "2031-03-15T15:00:00Z",
      "--meeting-type",
      "virtual",
      "--user-unique-id",
      "cli-rep"
    )
    expect(meeting).toMatchObject({ title: "Quarterly Review", meetingType: "virtual" })
    const added = await json("meetings", "participants", "add", meeting.uniqueId, "--email", "cfo@globex.example")
    expect(added).toMatchObject({ email: "cfo@globex.example" })
    const listed = await json("meetings", "participants", "list", meeting.uniqueId)
    expect((listed as unknown as ReadonlyArray<{ email?: string }>).map((p) => p.email)).toEqual([
      "cfo@globex.example"
    ])
    const zoom = await json("zoom-meetings", "create", "cli-rep", meeting.uniqueId, "--duration", "60")
    expect(zoom).toMatchObject({ meetingUniqueId: meeting.uniqueId, duration: 60, zoomStatus: "waiting" })
    expect(zoom.joinUrl).toMatch(/^https:\/\/zoom\.us\/j\/\d{11}\?pwd=/)
    const mine = await crm("meetings", "list-for-user", "cli-rep")
    expect(mine.code).toBe(0)
    expect(mine.stdout).toContain("Quarterly Review")

    // End before start: refused before anything is sent, with the rule named.
    const backwards = await crm(
      "meetings",
      "create",
      "--title",
      "Backwards",
      "--start-time",
      "2031-03-15T15:00:00Z",
      "--end-time",
      "2031-03-15T14:00:00Z"
    )
    expect(backwards.code).not.toBe(0)
    expect(backwards.stderr).not.toContain("    at ")
    const missing = await crm("meetings", "get", "no-such-meeting")
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain("could not be found")
  })

  it("an event's attendance: checking out before checking in is refused with the rule named", async () => {
    const contact = await json("contacts", "create", "--first-name", "Ada", "--last-name", "Guest")
    const event = await json("events", "create", "--title", "Customer day")
    const out = await crm("events", "check-out-contact", event.uniqueId, "--contact-unique-id", contact.uniqueId)
    expect(out.code).not.toBe(0)
    expect(out.stderr).toMatch(/check/i)
    await json("events", "confirm-contact", event.uniqueId, "--contact-unique-id", contact.uniqueId)
    await json("events", "check-in-contact", event.uniqueId, "--contact-unique-id", contact.uniqueId)
    const shown = await json("events", "get", event.uniqueId)
    expect(shown).toMatchObject({ confirmedCount: 1, checkedInCount: 1, checkedOutCount: 0 })
  })

  it("zoom-webhook receive: signed with --zoom-secret it is answered; unsigned, a 401", async () => {
    const plainToken = "cli-plain-token"
    const answered = await json(
      "zoom-webhook",
      "receive",
      "--event",
      "endpoint.url_validation",
      "--payload",
      JSON.stringify({ plainToken }),
      "--zoom-secret",
      ZOOM_SECRET
    )
    // The expected HMAC is computed here, independently of the SDK's signer.
    expect(answered).toStrictEqual({
      plainToken,
      encryptedToken: createHmac("sha256", ZOOM_SECRET).update(plainToken).digest("hex")
    })
    const wrong = await crm(
      "zoom-webhook",
      "receive",
      "--event",
      "endpoint.url_validation",
      "--payload",
      JSON.stringify({ plainToken }),
      "--zoom-secret",
      "not-the-secret"
    )
    expect(wrong.code).not.toBe(0)
    expect(wrong.stderr).toMatch(/401|unauthori[sz]ed|credentials/i)
    const unsigned = await crm("zoom-webhook", "receive", "--event", "meeting.started", "--payload", "{}")
    expect(unsigned.code).not.toBe(0)
    expect(`${unsigned.stdout}${unsigned.stderr}`).not.toContain(ZOOM_SECRET)
    expect(`${wrong.stdout}${wrong.stderr}`).not.toContain("not-the-secret")
  })
})
