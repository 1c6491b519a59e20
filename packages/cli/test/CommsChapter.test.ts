/**
 * The demo's comms chapter against an emulator: the report's numbers derived from the chapter's plan,
 * the same numbers on a second run in the same database, and the chapter inside the whole demo.
 */
import { describe, expect, it, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Demo from "../src/Demo.js"
import * as CommsChapter from "../src/demo/CommsChapter.js"
import * as EmbeddedEmulator from "./support/EmbeddedEmulator.js"

const { commsPlan } = CommsChapter
const quiet = { log: () => Effect.void }

const expected = {
  subscribed: commsPlan.subscribers.filter((s) => s.key !== commsPlan.unsubscribes).length,
  unsubscribed: 1
}

layer(EmbeddedEmulator.client(), { excludeTestServices: true })("the demo's comms chapter on the emulator", (it) => {
  it.effect("reports the subscription counts, merge variables and Mandrill state that follow from the plan", () =>
    Effect.gen(function*() {
      expect(expected).toEqual({ subscribed: 2, unsubscribed: 1 })
      const outcome = yield* CommsChapter.runCommsChapter({ ...quiet, runId: "test-1" })
      expect(outcome.report).toEqual({
        ...expected,
        mergeVariables: [...commsPlan.mergeVariables],
        published: true
      })
      // The one who left is the re-added record, still out.
      const leaving = outcome.subscribers.find((s) => s.email.startsWith(`${commsPlan.unsubscribes}.`))!
      expect(leaving).toMatchObject({ subscriptionStatus: "unsubscribed", source: "import" })
      expect(outcome.subscribers.map((s) => s.email)).toEqual(
        commsPlan.subscribers.map((s) => `${s.key}.test-1@acme.example`)
      )
      expect(outcome.mandrill.published).toEqual(outcome.mandrill.draft)
      expect(outcome.mandrill.published?.subject).toBe(commsPlan.welcome.subject)

      expect(CommsChapter.formatCommsReport(outcome.report)).toContain("2 subscribed, 1 unsubscribed")
      expect(CommsChapter.formatCommsReport(outcome.report)).toContain("first_name, plan_name; live on Mandrill")
    }))

  it.effect("a second run in the same database reports the same numbers", () =>
    Effect.gen(function*() {
      const first = yield* CommsChapter.runCommsChapter({ ...quiet, runId: "test-2" })
      const second = yield* CommsChapter.runCommsChapter({ ...quiet, runId: "test-3" })
      expect(second.report).toEqual(first.report)
    }))

  it.effect("the whole demo runs the chapter and returns its report", () =>
    Effect.gen(function*() {
      const outcome = yield* Demo.runDemo(quiet)
      expect(outcome.comms.report).toMatchObject(expected)
      expect(outcome.comms.subscribers.every((s) => s.email.includes(`.${outcome.runId}@`))).toBe(true)
    }))
})

describe("commsReport", () => {
  const at = new Date("2026-01-10T10:30:00Z")
  const subscriber = (email: string, subscriptionStatus?: "subscribed" | "unsubscribed") => ({
    uniqueId: email,
    email,
    status: "active" as const,
    enabled: true,
    createdAt: at,
    ...(subscriptionStatus === undefined ? {} : { subscriptionStatus })
  })
  const template = { uniqueId: "t", name: "Welcome", status: "active" as const, enabled: true, createdAt: at }
  const mandrill = { uniqueId: "t", slug: "welcome", name: "Welcome", draft: {}, createdAt: at }

  it("counts each state; a subscriber without one counts in neither; an unpublished copy is not live", () => {
    const report = CommsChapter.commsReport(
      [subscriber("a", "subscribed"), subscriber("b", "unsubscribed"), subscriber("c"), subscriber("d", "subscribed")],
      template,
      mandrill
    )
    expect(report).toEqual({ subscribed: 2, unsubscribed: 1, mergeVariables: [], published: false })
    expect(CommsChapter.commsReport([], template, { ...mandrill, published: {} }).published).toBe(true)
  })
})
