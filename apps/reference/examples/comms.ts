/**
 * The comms package on its own: what a team that installed only `@blocks-crm/comms` and
 * `@blocks-crm/core-http` writes. The package README's snippets are excerpts of this file.
 *
 *   BLOCKS_API_URL=... BLOCKS_AUTH_TOKEN=... BLOCKS_API_KEY=... tsx examples/comms.ts
 */
import {
  CommsServicesLive,
  MailTemplatesService,
  MandrillTemplatesService,
  SubscribersService
} from "@blocks-crm/comms"
import { CrmTransport } from "@blocks-crm/core-http"
import { Console, Effect, Layer } from "effect"

// Subscribers: add one, honour an unsubscribe, and re-subscribe only when the person asks to.
const newsletter = Effect.gen(function*() {
  const subscribers = yield* SubscribersService
  const ana = yield* subscribers.create({ email: "ana@example.com", firstName: "Ana", tags: ["newsletter"] })
  // The same answer whether or not the address is a subscriber: it reveals no one.
  const { unsubscribedAt } = yield* subscribers.unsubscribe("ana@example.com")
  yield* Console.log(`unsubscribed since ${unsubscribedAt?.toISOString() ?? "(not said)"}`)
  // Added again later, the address stays unsubscribed until an explicit re-subscribe.
  return yield* subscribers.update(ana.uniqueId, { subscriptionStatus: "subscribed" })
}).pipe(
  Effect.catchTag("ValidationFailed", (e) => Console.log(e.errors.map((error) => error.detail).join("; ")))
)

// Mail templates: the API extracts the merge variables the template uses.
const welcomeTemplate = Effect.gen(function*() {
  const templates = yield* MailTemplatesService
  const template = yield* templates.create({
    name: "Welcome",
    subject: "Welcome to Acme, {{first_name}}",
    htmlContent: "<p>Hi {{first_name}}, your {{plan_name}} trial starts today.</p>"
  })
  yield* Console.log(template.mergeVariables) // ["first_name", "plan_name"]
  return yield* templates.update(template.uniqueId, { fromName: "The Acme team" })
})

// Mandrill: push the template as a draft, change the draft, publish it, read its counters.
const goLive = (templateId: string) =>
  Effect.gen(function*() {
    const mandrill = yield* MandrillTemplatesService
    yield* mandrill.create({ templateId })
    yield* mandrill.update({ templateId, subject: "Welcome aboard, {{first_name}}" })
    const live = yield* mandrill.publish(templateId)
    const stats = yield* mandrill.stats(templateId)
    yield* Console.log(`${live.slug}: ${stats.sentCount} sent, ${stats.openCount} opened, ${stats.bounceCount} bounced`)
  })

const program = Effect.gen(function*() {
  yield* newsletter
  const template = yield* welcomeTemplate
  yield* goLive(template.uniqueId)
})

program.pipe(
  Effect.provide(CommsServicesLive.pipe(Layer.provide(CrmTransport.layerFetchFromEnv()))),
  Effect.runPromise
)
