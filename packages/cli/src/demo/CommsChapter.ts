/**
 * The demo's comms chapter: three subscribers, one unsubscribes and stays out when added again, and a
 * welcome template with two merge variables pushed to Mandrill and published. Its report counts the
 * chapter's own subscribers by subscription state, as the API returns them.
 *
 * @since 0.1.0
 */
import type { MailTemplate, MandrillTemplate, Subscriber } from "@blocks-crm/comms"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { CrmClient } from "@blocks-crm/sdk"

/**
 * What the chapter creates and does. Exported so that tests derive the expected report from it.
 *
 * @since 0.1.0
 */
export const commsPlan = {
  subscribers: [
    { key: "maya", firstName: "Maya", lastName: "Patel", source: "website", tags: ["newsletter"] },
    { key: "tom", firstName: "Tom", lastName: "Baker", source: "event", tags: ["newsletter", "product-updates"] },
    { key: "ines", firstName: "Ines", lastName: "Garcia", source: "referral", tags: ["product-updates"] }
  ],
  /** Unsubscribes, is deleted, and is added again: still unsubscribed. */
  unsubscribes: "tom",
  welcome: {
    subject: "Welcome to Acme, {{first_name}}",
    htmlContent: "<p>Hi {{first_name}}, your {{plan_name}} trial starts today.</p>",
    textContent: "Hi {{first_name}}, your {{plan_name}} trial starts today.",
    fromName: "The Acme team"
  },
  /** The merge variables the welcome template uses, in order. */
  mergeVariables: ["first_name", "plan_name"]
} as const

/**
 * What the comms chapter reports: subscribed and unsubscribed counts, the published template.
 *
 * @since 0.1.0
 */
export interface CommsReport {
  readonly subscribed: number
  readonly unsubscribed: number
  /** The welcome template's merge variables, as the API extracted them. */
  readonly mergeVariables: ReadonlyArray<string>
  /** Whether the welcome template is live on Mandrill. */
  readonly published: boolean
}

/**
 * The report over the given records.
 *
 * @since 0.1.0
 */
export const commsReport = (
  subscribers: ReadonlyArray<Subscriber>,
  template: MailTemplate,
  mandrill: MandrillTemplate
): CommsReport => ({
  subscribed: subscribers.filter((s) => s.subscriptionStatus === "subscribed").length,
  unsubscribed: subscribers.filter((s) => s.subscriptionStatus === "unsubscribed").length,
  mergeVariables: template.mergeVariables ?? [],
  published: mandrill.published !== undefined
})

/**
 * The report as the CLI prints it, after the pipeline report.
 *
 * @since 0.1.0
 */
export const formatCommsReport = (report: CommsReport): string => {
  const rows: ReadonlyArray<readonly [string, string]> = [
    ["Subscribers", `${report.subscribed} subscribed, ${report.unsubscribed} unsubscribed`],
    [
      "Welcome template",
      `merge variables ${report.mergeVariables.join(", ")}; ${report.published ? "live on Mandrill" : "not published"}`
    ]
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join("\n")
}

/**
 * What the chapter created and its report.
 *
 * @since 0.1.0
 */
export interface CommsOutcome {
  readonly subscribers: ReadonlyArray<Subscriber>
  readonly template: MailTemplate
  readonly mandrill: MandrillTemplate
  readonly report: CommsReport
}

/**
 * Runs the chapter. Addresses and the template's name carry the run id: both are unique per tenant,
 * and a second run in the same database must report the same numbers.
 *
 * @since 0.1.0
 */
export const runCommsChapter = (options: {
  readonly runId: string
  readonly log?: ((line: string) => Effect.Effect<void>) | undefined
}): Effect.Effect<CommsOutcome, CrmError, CrmClient> =>
  Effect.gen(function*() {
    const crm = yield* CrmClient
    const log = options.log ?? Console.log
    const emailOf = (key: string) => `${key}.${options.runId}@acme.example`

    const ids: Record<string, string> = {}
    for (const { key, ...subscriber } of commsPlan.subscribers) {
      ids[key] = (yield* crm.subscribers.create({ ...subscriber, email: emailOf(key) })).uniqueId
    }
    yield* log(`  - ${commsPlan.subscribers.length} subscribers to the newsletter and product updates`)

    // One unsubscribes, is removed, and is added again by a later import: the address stays out.
    const leaving = emailOf(commsPlan.unsubscribes)
    yield* crm.subscribers.unsubscribe(leaving)
    yield* crm.subscribers.delete(ids[commsPlan.unsubscribes]!)
    const readded = yield* crm.subscribers.create({ email: leaving, source: "import" })
    ids[commsPlan.unsubscribes] = readded.uniqueId
    yield* log(`  - ${leaving} unsubscribed; added again, still ${readded.subscriptionStatus ?? "unknown"}`)

    // A welcome e-mail with two merge variables, pushed to Mandrill and published.
    const template = yield* crm.mailTemplates.create({
      name: `Welcome (demo run ${options.runId})`,
      ...commsPlan.welcome
    })
    yield* crm.mailTemplates.mandrill.create({ templateId: template.uniqueId })
    const live = yield* crm.mailTemplates.mandrill.publish(template.uniqueId)
    yield* log(`  - welcome template (${(template.mergeVariables ?? []).join(", ")}) live on Mandrill as ${live.slug}`)

    const subscribers = yield* Effect.forEach(Object.values(ids), (id) => crm.subscribers.get(id), { concurrency: 3 })
    return { subscribers, template, mandrill: live, report: commsReport(subscribers, template, live) }
  })
