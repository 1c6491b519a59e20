/**
 * An account's pipeline with the pipeline package alone: the account's id is all it needs (the account
 * itself is `@blocks-crm/accounts`' business).
 *
 *   BLOCKS_API_URL=... BLOCKS_AUTH_TOKEN=... BLOCKS_API_KEY=... ACCOUNT_ID=... tsx examples/account-pipeline.ts
 */
import { CrmTransport } from "@blocks-crm/core-http"
import { LeadsService, QuotesService } from "@blocks-crm/pipeline"
import { Effect, Layer } from "effect"

const accountPipeline = (accountId: string) =>
  Effect.gen(function*() {
    const leads = yield* LeadsService
    const quotes = yield* QuotesService
    // Created through the account, both carry its id (`accountId`).
    yield* leads.createForAccount(accountId, { name: "Acme renewal", value: 40_000, stage: "qualified" })
    yield* quotes.createForAccount(accountId, { title: "Acme plan 2027", amount: 9_900, currency: "USD" })
    const page = yield* leads.listForAccount(accountId, { page: 1, records: 20 })
    return `${page.meta.totalRecords} leads for account ${accountId}`
  }).pipe(Effect.catchTag("NotFound", () => Effect.succeed(`no account ${accountId}`)))

accountPipeline(process.env.ACCOUNT_ID ?? "").pipe(
  Effect.provide(
    Layer.mergeAll(LeadsService.Default, QuotesService.Default).pipe(Layer.provide(CrmTransport.layerFetchFromEnv()))
  ),
  Effect.runPromise
).then(console.log)
