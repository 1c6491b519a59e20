/**
 * The demo against an emulator: the report's numbers, derived here from the demo's plan (its inputs),
 * and the same numbers on a second run in the same database.
 */
import type { Lead, LeadFollow, Opportunity, Quote } from "@blocks-crm/pipeline"
import { describe, expect, it, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Demo from "../src/Demo.js"
import * as EmbeddedEmulator from "./support/EmbeddedEmulator.js"

const { plan } = Demo

/** Each opportunity as it ends up: its closing move applied. */
const finalOpportunities = plan.opportunities.map((o) => ("close" in o ? { ...o, ...o.close } : o))
const isOpen = (o: { readonly stage: string }) => o.stage !== "closed_won" && o.stage !== "closed_lost"
const expected = {
  weighted: finalOpportunities.filter(isOpen).reduce((sum, o) => sum + o.value * o.probability / 100, 0),
  accepted: plan.quotes.filter((q) => q.accept).reduce((sum, q) => sum + q.amount, 0),
  leadStages: plan.leads.map((l) =>
    l.key === plan.conversion.lead ? plan.conversion.stages[plan.conversion.stages.length - 1]!.stage : l.stage
  ),
  overdue: plan.follows.filter((f) => f.dueInDays < 0 && !f.complete).map((f) => ({
    title: f.title,
    lead: plan.leads.find((l) => l.key === f.lead)!.name
  }))
}

const count = <A>(values: ReadonlyArray<A>, value: A) => values.filter((v) => v === value).length

const quiet = { log: () => Effect.void }

layer(EmbeddedEmulator.client(), { excludeTestServices: true })("crm demo on the emulator", (it) => {
  it.effect("reports the numbers that follow from the plan", () =>
    Effect.gen(function*() {
      // The figures quoted in the README, and how they arise from the plan.
      expect(expected.weighted).toBe(120_000 * 0.6 + 30_000 * 0.2 + 50_000 * 0.8)
      expect(expected.weighted).toBe(118_000)
      expect(expected.accepted).toBe(115_000 + 88_000)

      const lines: Array<string> = []
      const outcome = yield* Demo.runDemo({ log: (line) => Effect.sync(() => void lines.push(line)) })
      const { report } = outcome
      expect(report.weightedPipelineValue).toBe(expected.weighted)
      expect(report.openOpportunities).toBe(finalOpportunities.filter(isOpen).length)
      expect(report.acceptedQuoteTotal).toBe(expected.accepted)
      expect(report.acceptedQuotes).toBe(plan.quotes.filter((q) => q.accept).length)
      expect(Object.fromEntries(report.leadsByStage)).toEqual({
        new: count(expected.leadStages, "new"),
        contacted: count(expected.leadStages, "contacted"),
        qualified: count(expected.leadStages, "qualified"),
        proposal: count(expected.leadStages, "proposal"),
        negotiation: count(expected.leadStages, "negotiation")
      })
      expect(Object.fromEntries(report.leadsByStage)).toEqual({
        new: 2,
        contacted: 1,
        qualified: 1,
        proposal: 1,
        negotiation: 0
      })
      expect(report.convertedLeads).toBe(1)
      expect(Object.fromEntries(report.opportunitiesByStage)).toEqual({
        discovery: 1,
        qualification: 0,
        proposal: 1,
        negotiation: 1,
        closed_won: 1,
        closed_lost: 1
      })
      // Overdue: the emulator marks pending follow-ups past their due date; the completed one is not.
      expect(report.overdueFollowUps.map(({ title, lead }) => ({ title, lead }))).toEqual(expected.overdue)
      expect(outcome.follows.map((f) => f.follow.status).sort()).toEqual([
        "completed",
        "overdue",
        "overdue",
        "pending",
        "pending"
      ])
      expect(outcome.deletedOpportunities).toEqual([0, 1, 0])
      // The open deals as the API filtered and sorted them: largest value first, the closed ones left out.
      expect(outcome.openByValue.map((o) => o.name)).toEqual(
        finalOpportunities.filter(isOpen).sort((a, b) => b.value - a.value).map((o) => o.name)
      )
      expect(outcome.openByValue.map((o) => o.value)).toEqual([120_000, 50_000, 30_000])

      // What the walk did to the records, as the API returns them.
      const converted = outcome.leads.find((l) => l.name === plan.leads[1].name)!
      expect(converted).toMatchObject({ stage: "proposal", probability: 60, status: "converted" })
      expect(outcome.quotes.map((q) => q.status)).toEqual(["accepted", "sent", "accepted"])
      // The approval workflow: the first quote's jump from draft to accepted was refused, and shown.
      expect(outcome.refusedQuoteJump).toBe("Quote status cannot change from draft to accepted")
      expect(lines).toContain(
        `  - ${
          plan.quotes[0].title
        }: draft -> accepted refused: Quote status cannot change from draft to accepted (a draft quote can move to sent)`
      )
      expect(outcome.touches.map((t) => t.touchType)).toEqual(["call", "email", "meeting", "note"])
      expect(outcome.referral).toMatchObject({
        referrerName: "Dana Whitfield",
        rewardStatus: "pending",
        leadId: converted.uniqueId
      })

      const printed = Demo.formatReport(report)
      expect(printed).toContain("$118,000.00 over 3 open opportunities")
      expect(printed).toContain("$203,000.00 (2 quotes)")
      expect(printed).toContain("Send the intro deck (Northwind Traders: fleet telematics)")
    }))

  it.effect("a second run in the same database reports the same numbers", () =>
    Effect.gen(function*() {
      const now = new Date()
      const first = yield* Demo.runDemo({ ...quiet, now })
      const second = yield* Demo.runDemo({ ...quiet, now })
      expect(second.runId).not.toBe(first.runId)
      expect(second.report).toEqual(first.report)
      expect(second.deletedOpportunities).toEqual([0, 1, 0])
      expect(second.openByValue.map((o) => o.value)).toEqual(first.openByValue.map((o) => o.value))
    }))
})

describe("pipelineReport", () => {
  const at = new Date("2026-01-10T10:30:00Z")
  const lead = (name: string, stage: Lead["stage"], status: Lead["status"] = "active"): Lead => ({
    uniqueId: name,
    name,
    status,
    createdAt: at,
    ...(stage === undefined ? {} : { stage })
  })
  const opportunity = (
    value: number | undefined,
    probability: number | undefined,
    stage: Opportunity["stage"]
  ): Opportunity => ({
    uniqueId: `${value}-${stage}`,
    name: "o",
    status: "active",
    createdAt: at,
    ...(value === undefined ? {} : { value }),
    ...(probability === undefined ? {} : { probability }),
    ...(stage === undefined ? {} : { stage })
  })
  const quote = (amount: number, status: Quote["status"]): Quote => ({
    uniqueId: `${amount}`,
    title: "q",
    amount,
    status,
    createdAt: at
  })
  const follow = (title: string, status: LeadFollow["status"]): LeadFollow => ({
    uniqueId: title,
    title,
    status,
    createdAt: at
  })

  it("weights open opportunities only, treating a missing value or probability as contributing nothing", () => {
    const report = Demo.pipelineReport(
      [],
      [
        opportunity(1_000, 25, "proposal"),
        opportunity(333.33, 33, "discovery"),
        opportunity(5_000, undefined, "negotiation"),
        opportunity(undefined, 50, "qualification"),
        opportunity(9_000, 100, "closed_won"),
        opportunity(9_000, 0, "closed_lost"),
        opportunity(200, 50, undefined)
      ],
      [],
      []
    )
    expect(report.weightedPipelineValue).toBe(250 + 110 + 100)
    expect(report.openOpportunities).toBe(5)
  })

  it("counts stages (an unset stage in none), accepted quotes and overdue follow-ups", () => {
    const a = lead("A", "new")
    const b = lead("B", "proposal", "converted")
    const report = Demo.pipelineReport(
      [a, b, lead("C", undefined)],
      [],
      [
        { lead: a, follow: follow("late", "overdue") },
        { lead: a, follow: follow("done", "completed") },
        { lead: b, follow: follow("soon", "pending") }
      ],
      [quote(100.1, "accepted"), quote(200.2, "accepted"), quote(999, "rejected"), quote(50, "sent")]
    )
    expect(report.leadsByStage).toEqual([["new", 1], ["contacted", 0], ["qualified", 0], ["proposal", 1], [
      "negotiation",
      0
    ]])
    expect(report.convertedLeads).toBe(1)
    expect(report.acceptedQuotes).toBe(2)
    expect(report.acceptedQuoteTotal).toBe(300.3)
    expect(report.overdueFollowUps).toEqual([{ title: "late", lead: "A", dueDate: undefined }])
  })

  it("lists a stage a newer API added after the known ones, and counts its opportunities as open", () => {
    const report = Demo.pipelineReport(
      [lead("A", "nurturing"), lead("B", "new"), lead("C", "nurturing")],
      [opportunity(1_000, 10, "verbal_commit"), opportunity(9_000, 100, "closed_won")],
      [],
      []
    )
    expect(report.leadsByStage).toEqual([
      ["new", 1],
      ["contacted", 0],
      ["qualified", 0],
      ["proposal", 0],
      ["negotiation", 0],
      ["nurturing", 2]
    ])
    expect(report.opportunitiesByStage.at(-1)).toEqual(["verbal_commit", 1])
    expect([report.openOpportunities, report.weightedPipelineValue]).toEqual([1, 100])
  })
})
