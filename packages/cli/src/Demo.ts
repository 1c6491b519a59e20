/**
 * `crm demo`: a sales pipeline walked through the public client only (the Effect face), then a short
 * report. The report is a pure function of records fetched back through the client, and covers only
 * the records this run created, so every run reports the same numbers whatever the database holds.
 *
 * @since 0.1.0
 */
import type { UploadFailed } from "@blocks-crm/accounts"
import type { ConfigurationError, CrmError } from "@blocks-crm/core-http/CrmError"
import type { CrmTransport } from "@blocks-crm/core-http/CrmTransport"
import type { Open } from "@blocks-crm/core-http/Fields"
import { LeadStage, nextQuoteStatuses, OpportunityStage } from "@blocks-crm/pipeline"
import type {
  Lead,
  LeadFollow,
  OpportunityStatus,
  Opportunity,
  Quote,
  Referral,
  Touch,
  TouchType
} from "@blocks-crm/pipeline"
import * as Chunk from "effect/Chunk"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Stream from "effect/Stream"
import { CrmClient } from "@blocks-crm/sdk"
import { runAccountsChapter } from "./demo/AccountsChapter.js"
import type { AccountsOutcome } from "./demo/AccountsChapter.js"
import { runCommsChapter } from "./demo/CommsChapter.js"
import type { CommsOutcome } from "./demo/CommsChapter.js"
import { runCompaniesChapter } from "./demo/CompaniesChapter.js"
import type { CompaniesOutcome } from "./demo/CompaniesChapter.js"
import { runBillingChapter } from "./demo/BillingChapter.js"
import type { BillingOutcome } from "./demo/BillingChapter.js"
import { runSchedulingChapter } from "./demo/SchedulingChapter.js"
import type { SchedulingOutcome } from "./demo/SchedulingChapter.js"
import { runCalendarChapter } from "./demo/CalendarChapter.js"
import type { CalendarOutcome } from "./demo/CalendarChapter.js"

const DAY = 24 * 60 * 60 * 1000

/**
 * What the demo creates, and what it does to it. Exported so that tests can derive the expected
 * report from the inputs rather than from the code under test.
 *
 * @since 0.1.0
 */
export const plan = {
  leads: [
    {
      key: "northwind",
      name: "Northwind Traders: fleet telematics",
      source: "website",
      value: 48_000,
      stage: "new",
      probability: 10
    },
    {
      key: "contoso",
      name: "Contoso Health: patient portal",
      source: "referral",
      value: 120_000,
      stage: "new",
      probability: 20
    },
    {
      key: "fabrikam",
      name: "Fabrikam: warehouse robotics",
      source: "cold_call",
      value: 75_000,
      stage: "contacted",
      probability: 20
    },
    {
      key: "tailspin",
      name: "Tailspin Toys: expo follow-up",
      source: "event",
      value: 15_000,
      stage: "qualified",
      probability: 40
    },
    {
      key: "wideworld",
      name: "Wide World Importers: ERP migration",
      source: "partner",
      value: 60_000,
      stage: "new",
      probability: 10
    }
  ],
  /** Follow-ups, due `dueInDays` from now (negative: already past due). */
  follows: [
    { lead: "northwind", title: "Send the intro deck", dueInDays: -3, complete: false },
    { lead: "fabrikam", title: "Call back about the budget", dueInDays: -1, complete: false },
    { lead: "contoso", title: "Send the proposal document", dueInDays: -2, complete: true },
    { lead: "tailspin", title: "Book a debrief after the expo", dueInDays: 5, complete: false },
    { lead: "wideworld", title: "Intro call with the CIO", dueInDays: 2, complete: false }
  ],
  touches: [
    { lead: "fabrikam", touchType: "call", subject: "Discovery call", outcome: "Interested; budget lands in Q3" },
    { lead: "northwind", touchType: "email", subject: "Pricing overview", outcome: "Opened, no reply yet" },
    { lead: "contoso", touchType: "meeting", subject: "Proposal walkthrough", outcome: "Asked for a formal quote" },
    {
      lead: "tailspin",
      touchType: "note",
      subject: "Met at the expo booth",
      outcome: "Wants a demo for their ops team"
    }
  ],
  referral: {
    lead: "contoso",
    referrerName: "Dana Whitfield",
    referrerEmail: "dana@whitfield.example",
    rewardAmount: 500
  },
  /** The lead walked through every stage and converted. */
  conversion: {
    lead: "contoso",
    stages: [
      { stage: "contacted", probability: 30 },
      { stage: "qualified", probability: 45 },
      { stage: "proposal", probability: 60 }
    ]
  },
  /** `close` moves an opportunity to its final stage after it is created. */
  opportunities: [
    {
      key: "contoso",
      name: "Contoso Health: patient portal",
      value: 120_000,
      stage: "proposal",
      probability: 60,
      closeInDays: 45
    },
    {
      key: "northwind",
      name: "Northwind Traders: telematics pilot",
      value: 30_000,
      stage: "discovery",
      probability: 20,
      closeInDays: 90
    },
    {
      key: "adventure",
      name: "Adventure Works: support renewal",
      value: 50_000,
      stage: "negotiation",
      probability: 80,
      closeInDays: 20
    },
    {
      key: "litware",
      name: "Litware: analytics suite",
      value: 90_000,
      stage: "negotiation",
      probability: 70,
      closeInDays: 10,
      close: { stage: "closed_won", status: "won", probability: 100 }
    },
    {
      key: "proseware",
      name: "Proseware: data migration",
      value: 40_000,
      stage: "qualification",
      probability: 30,
      closeInDays: 30,
      close: { stage: "closed_lost", status: "lost", probability: 0 }
    }
  ],
  /** The opportunity soft-deleted and recovered. */
  softDeleted: "northwind",
  /** Quotes walk draft → sent, then to `accept` → accepted. */
  quotes: [
    { opportunity: "contoso", title: "Patient portal: year one", amount: 115_000, accept: true },
    { opportunity: "adventure", title: "Support renewal 2026", amount: 48_500, accept: false },
    { opportunity: "litware", title: "Analytics suite licence", amount: 88_000, accept: true }
  ]
} as const satisfies {
  readonly leads: ReadonlyArray<{ readonly key: string; readonly stage: LeadStage } & Record<string, unknown>>
  readonly opportunities: ReadonlyArray<
    {
      readonly key: string
      readonly stage: OpportunityStage
      readonly close?: {
        readonly stage: OpportunityStage
        readonly status: OpportunityStatus
        readonly probability: number
      }
    } & Record<string, unknown>
  >
  readonly touches: ReadonlyArray<{ readonly touchType: TouchType } & Record<string, unknown>>
  readonly [key: string]: unknown
}

type LeadKey = (typeof plan.leads)[number]["key"]
type OpportunityKey = (typeof plan.opportunities)[number]["key"]

/**
 * What the pipeline report prints: the demo run's leads, opportunities and quotes, summed up.
 *
 * @since 0.1.0
 */
export interface PipelineReport {
  /** The known stages in order, then any stage a newer API sent. */
  readonly leadsByStage: ReadonlyArray<readonly [Open<LeadStage>, number]>
  readonly convertedLeads: number
  readonly opportunitiesByStage: ReadonlyArray<readonly [Open<OpportunityStage>, number]>
  readonly openOpportunities: number
  /** Σ value × probability / 100 over open opportunities (neither `closed_won` nor `closed_lost`). */
  readonly weightedPipelineValue: number
  readonly acceptedQuotes: number
  readonly acceptedQuoteTotal: number
  readonly overdueFollowUps: ReadonlyArray<
    { readonly title: string; readonly lead: string; readonly dueDate: Date | undefined }
  >
}

/**
 * A follow-up with the lead it belongs to (the API's follow-up does not name its lead).
 *
 * @since 0.1.0
 */
export interface LeadFollowUp {
  readonly lead: Lead
  readonly follow: LeadFollow
}

// A stage a newer API adds is not one of these, so its opportunities count as open.
const closedStages: ReadonlySet<string> = new Set<OpportunityStage>(["closed_won", "closed_lost"])

const cents = (amount: number) => Math.round(amount * 100) / 100

/** Records per stage: every known stage in order (zero included), then the others as first seen. */
const countBy = <S extends string>(
  stages: ReadonlyArray<S>,
  values: ReadonlyArray<Open<S> | undefined>
): ReadonlyArray<readonly [Open<S>, number]> => {
  const counts = new Map<Open<S>, number>(stages.map((stage) => [stage, 0]))
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts]
}

/**
 * The pipeline report over the given records. Overdue follow-ups are the ones the API reports as
 * `overdue` (a pending follow-up past its due date).
 *
 * @since 0.1.0
 */
export const pipelineReport = (
  leads: ReadonlyArray<Lead>,
  opportunities: ReadonlyArray<Opportunity>,
  follows: ReadonlyArray<LeadFollowUp>,
  quotes: ReadonlyArray<Quote>
): PipelineReport => {
  const open = opportunities.filter((o) => o.stage === undefined || !closedStages.has(o.stage))
  const accepted = quotes.filter((q) => q.status === "accepted")
  return {
    leadsByStage: countBy(LeadStage.literals, leads.map((lead) => lead.stage)),
    convertedLeads: leads.filter((lead) => lead.status === "converted").length,
    opportunitiesByStage: countBy(OpportunityStage.literals, opportunities.map((o) => o.stage)),
    openOpportunities: open.length,
    weightedPipelineValue: cents(open.reduce((sum, o) => sum + (o.value ?? 0) * (o.probability ?? 0) / 100, 0)),
    acceptedQuotes: accepted.length,
    acceptedQuoteTotal: cents(accepted.reduce((sum, q) => sum + (q.amount ?? 0), 0)),
    overdueFollowUps: follows
      .filter(({ follow }) => follow.status === "overdue")
      .map(({ follow, lead }) => ({ title: follow.title, lead: lead.name, dueDate: follow.dueDate }))
  }
}

const money = (amount: number) =>
  amount.toLocaleString("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2 })

const counts = (pairs: ReadonlyArray<readonly [string, number]>) => pairs.map(([name, n]) => `${name} ${n}`).join(", ")

/**
 * The report as the CLI prints it.
 *
 * @since 0.1.0
 */
export const formatReport = (report: PipelineReport): string => {
  const rows: Array<readonly [string, string]> = [
    ["Leads by stage", `${counts(report.leadsByStage)} (${report.convertedLeads} converted)`],
    ["Opportunities by stage", counts(report.opportunitiesByStage)],
    ["Weighted pipeline", `${money(report.weightedPipelineValue)} over ${report.openOpportunities} open opportunities`],
    ["Accepted quotes", `${money(report.acceptedQuoteTotal)} (${report.acceptedQuotes} quotes)`],
    ["Overdue follow-ups", String(report.overdueFollowUps.length)]
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  return [
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    ...report.overdueFollowUps.map((f) =>
      `    - ${f.title} (${f.lead})${f.dueDate === undefined ? "" : `, due ${f.dueDate.toISOString().slice(0, 10)}`}`
    )
  ].join("\n")
}

/**
 * What a demo run created and the report over it.
 *
 * @since 0.1.0
 */
export interface DemoOutcome {
  readonly runId: string
  readonly leads: ReadonlyArray<Lead>
  readonly opportunities: ReadonlyArray<Opportunity>
  readonly follows: ReadonlyArray<LeadFollowUp>
  readonly quotes: ReadonlyArray<Quote>
  /** Why the API refused the first quote's jump from draft to accepted (undefined: it took it). */
  readonly refusedQuoteJump: string | undefined
  readonly touches: ReadonlyArray<Touch>
  readonly referral: Referral
  /** `listDeleted` totals before the soft delete, after it, and after the recovery. */
  readonly deletedOpportunities: readonly [before: number, afterDelete: number, afterRecover: number]
  /** This run's open opportunities as `list({ status: "active", sort: "-value" })` orders them. */
  readonly openByValue: ReadonlyArray<Opportunity>
  readonly report: PipelineReport
  /** The accounts chapter: Acme Corp with its logo, contacts, a lead and a quote. */
  readonly accounts: AccountsOutcome
  /** The comms chapter: subscribers, an unsubscribe, a welcome template on Mandrill. */
  readonly comms: CommsOutcome
  /** The companies chapter: an integration's key, its token, the key disabled, and storage. */
  readonly companies: CompaniesOutcome
  /** The scheduling chapter: meetings with an account, a Zoom link, a customer day's attendance. */
  readonly scheduling: SchedulingOutcome
  /** The calendar chapter: a Google calendar, a weekday lunch, a sync and the rep's ICS feed. */
  readonly calendar: CalendarOutcome
  /** The billing chapter: the quarterly review and a workshop billed, a partial payment, revenue and aging. */
  readonly billing: BillingOutcome
}

/**
 * How to run the demo (the run's name, for records that must not clash between runs).
 *
 * @since 0.1.0
 */
export interface DemoOptions {
  /** Where progress goes; `Console.log` by default. */
  readonly log?: ((line: string) => Effect.Effect<void>) | undefined
  /** The clock the due dates are relative to. */
  readonly now?: Date | undefined
}

const calendarDate = (date: Date) => date.toISOString().slice(0, 10)

/**
 * Walks the pipeline of `plan` through the client and reports on it.
 *
 * @since 0.1.0
 */
export const runDemo = (
  options: DemoOptions = {}
): Effect.Effect<DemoOutcome, CrmError | UploadFailed | ConfigurationError, CrmClient | CrmTransport> =>
  Effect.gen(function*() {
    const crm = yield* CrmClient
    const log = options.log ?? Console.log
    const now = options.now ?? new Date()
    const runId = crypto.randomUUID().slice(0, 8)
    const tag = `demo run ${runId}`
    yield* log(`Demo run ${runId}: a sales pipeline through the CRM client`)

    // Leads from several sources.
    const leadIds = {} as Record<LeadKey, string>
    for (const { key, ...lead } of plan.leads) {
      leadIds[key] = (yield* crm.leads.create(lead)).uniqueId
    }
    yield* log(`  - ${plan.leads.length} leads from ${plan.leads.map((l) => l.source).join(", ")}`)

    // Follow-ups, some already past due; one is done.
    for (const follow of plan.follows) {
      const created = yield* crm.leads.follows.create(leadIds[follow.lead], {
        title: follow.title,
        description: tag,
        dueDate: new Date(now.getTime() + follow.dueInDays * DAY)
      })
      if (follow.complete) {
        yield* crm.leads.follows.update(leadIds[follow.lead], created.uniqueId, { status: "completed" })
      }
    }
    yield* log(
      `  - ${plan.follows.length} follow-ups, ${
        plan.follows.filter((f) => f.dueInDays < 0).length
      } of them due in the past; ${plan.follows.filter((f) => f.complete).length} completed`
    )

    // Touches and a referral.
    const touches: Array<Touch> = []
    for (const { lead, ...touch } of plan.touches) {
      touches.push(yield* crm.touches.create({ ...touch, notes: tag, leadId: leadIds[lead], occurredAt: now }))
    }
    yield* log(`  - ${touches.length} touches: ${plan.touches.map((t) => t.touchType).join(", ")}`)
    const { lead: referredLead, ...referral } = plan.referral
    const referred = plan.leads.find((l) => l.key === referredLead)!
    const createdReferral = yield* crm.referrals.create({
      ...referral,
      referredName: referred.name,
      leadId: leadIds[referredLead],
      notes: tag
    })
    yield* log(`  - a referral from ${referral.referrerName} for ${referred.name}`)

    // One lead through every stage, then converted into an opportunity.
    const convertedId = leadIds[plan.conversion.lead]
    for (const step of plan.conversion.stages) yield* crm.leads.update(convertedId, step)
    yield* crm.leads.update(convertedId, { status: "converted" })
    const converted = plan.leads.find((l) => l.key === plan.conversion.lead)!
    yield* log(
      `  - ${converted.name}: ${
        [converted.stage, ...plan.conversion.stages.map((s) => s.stage)].join(" -> ")
      }, converted`
    )

    const opportunityIds = {} as Record<OpportunityKey, string>
    for (const opportunity of plan.opportunities) {
      const { key, closeInDays, name, value, stage, probability } = opportunity
      const closeDate = calendarDate(new Date(now.getTime() + closeInDays * DAY))
      opportunityIds[key] = (yield* crm.opportunities.create({ name, value, stage, probability, closeDate })).uniqueId
      if ("close" in opportunity) yield* crm.opportunities.update(opportunityIds[key], opportunity.close)
    }
    yield* log(
      `  - ${plan.opportunities.length} opportunities; ${
        plan.opportunities.flatMap((o) => ("close" in o ? [`${o.name.split(":")[0]} ${o.close.status}`] : [])).join(
          ", "
        )
      }`
    )

    // Quotes: draft -> sent -> accepted; the first one is tried straight from draft to accepted first,
    // which the approval workflow refuses.
    const quoteIds: Array<string> = []
    let refusedQuoteJump: string | undefined
    for (const quote of plan.quotes) {
      const draft = yield* crm.quotes.create({
        title: quote.title,
        amount: quote.amount,
        currency: "USD",
        opportunityId: opportunityIds[quote.opportunity],
        validUntil: calendarDate(new Date(now.getTime() + 30 * DAY)),
        notes: tag
      })
      if (quoteIds.length === 0) {
        const jump = yield* Effect.either(crm.quotes.update(draft.uniqueId, { status: "accepted" }))
        refusedQuoteJump = Either.match(jump, {
          onLeft: (error) => ("errors" in error ? error.errors[0]?.detail : undefined) ?? error.message,
          onRight: () => undefined
        })
        yield* log(
          refusedQuoteJump === undefined
            ? `  - ${quote.title}: draft -> accepted taken (this API does not enforce the approval workflow)`
            : `  - ${quote.title}: draft -> accepted refused: ${refusedQuoteJump} (a draft quote can move to ${
              nextQuoteStatuses("draft").join(", ")
            })`
        )
      }
      yield* crm.quotes.update(draft.uniqueId, { status: "sent" })
      if (quote.accept) yield* crm.quotes.update(draft.uniqueId, { status: "accepted" })
      quoteIds.push(draft.uniqueId)
    }
    yield* log(`  - ${plan.quotes.length} quotes sent, ${plan.quotes.filter((q) => q.accept).length} accepted`)

    // Soft delete and recover.
    const deletedTotal = Effect.map(crm.opportunities.listDeleted({ records: 1 }), (page) => page.meta.totalRecords)
    const before = yield* deletedTotal
    yield* crm.opportunities.delete(opportunityIds[plan.softDeleted])
    const afterDelete = yield* deletedTotal
    yield* crm.opportunities.recover(opportunityIds[plan.softDeleted])
    const afterRecover = yield* deletedTotal
    const softDeleted = plan.opportunities.find((o) => o.key === plan.softDeleted)!
    yield* log(
      `  - ${softDeleted.name} deleted and recovered (deleted opportunities: ${before} -> ${afterDelete} -> ${afterRecover})`
    )

    // The open deals, largest first: filtered and sorted by the API, every page (the tenant may hold
    // other runs' deals, which the stream walks past).
    const ours = new Set(Object.values<string>(opportunityIds))
    const openByValue = Chunk.toReadonlyArray(
      yield* Stream.runCollect(
        crm.opportunities.stream({ status: "active", sort: "-value", records: 100 }).pipe(
          Stream.filter((opportunity) => ours.has(opportunity.uniqueId))
        )
      )
    )
    yield* log(
      `  - open opportunities by value (status active, sort -value): ${
        openByValue.map((o) => `${o.name.split(":")[0]} ${money(o.value ?? 0)}`).join(", ")
      }`
    )

    const accounts = yield* runAccountsChapter({ runId, log })
    const comms = yield* runCommsChapter({ runId, log })
    const scheduling = yield* runSchedulingChapter({ runId, log })
    const calendar = yield* runCalendarChapter({ runId, log })
    const review = scheduling.meetings.find((meeting) => meeting.title === "Quarterly Review") ??
      scheduling.meetings[0]!
    const billing = yield* runBillingChapter({ runId, log, review, now })
    // After the accounts chapter, so that storage counts its logo and documents.
    const companies = yield* runCompaniesChapter({ runId, log })

    // The report, over what this run created, as the API now returns it.
    const leads = yield* Effect.forEach(Object.values<string>(leadIds), (id) => crm.leads.get(id), { concurrency: 4 })
    const opportunities = yield* Effect.forEach(
      Object.values<string>(opportunityIds),
      (id) => crm.opportunities.get(id),
      { concurrency: 4 }
    )
    const follows = yield* Effect.forEach(
      leads,
      (lead) => Effect.map(crm.leads.follows.list(lead.uniqueId), (all) => all.map((follow) => ({ lead, follow }))),
      { concurrency: 4 }
    )
    const quotes = yield* Effect.forEach(quoteIds, (id) => crm.quotes.get(id), { concurrency: 4 })
    const report = pipelineReport(leads, opportunities, follows.flat(), quotes)
    return {
      runId,
      leads,
      opportunities,
      follows: follows.flat(),
      quotes,
      refusedQuoteJump,
      touches,
      referral: createdReferral,
      deletedOpportunities: [before, afterDelete, afterRecover] as const,
      openByValue,
      report,
      accounts,
      comms,
      scheduling,
      calendar,
      billing,
      companies
    }
  })
