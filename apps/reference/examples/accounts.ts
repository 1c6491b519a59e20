/**
 * The accounts package on its own: what a team that installed only `@blocks-crm/accounts` and
 * `@blocks-crm/core-http` writes. The package README's snippets are excerpts of this file.
 *
 *   BLOCKS_API_URL=... BLOCKS_AUTH_TOKEN=... BLOCKS_API_KEY=... tsx examples/accounts.ts
 */
import {
  AccountDetailsService,
  AccountLocationsService,
  AccountsService,
  AccountsServicesLive,
  CategoriesService
} from "@blocks-crm/accounts"
import { CrmTransport } from "@blocks-crm/core-http"
import { Console, Effect, Layer } from "effect"

// Accounts: validate first (the reference's best practice), then create; check a tax id; archive and recover.
const onboard = Effect.gen(function*() {
  const accounts = yield* AccountsService
  const acme = {
    name: "Acme Corp",
    industry: "Technology",
    website: "https://acme.com",
    phone: "+1-555-0100",
    email: "info@acme.com"
  }
  const check = yield* accounts.validate(acme)
  if (!check.valid) return yield* Effect.fail(new Error(check.problems.map((p) => p.detail).join("; ")))
  const account = yield* accounts.create(acme)
  const vat = yield* accounts.validateTaxId({ taxId: "DE129273398" })
  if (!vat.valid) yield* Console.log(`tax id refused: ${vat.reason} (${vat.detail})`)
  yield* accounts.archive(account.uniqueId) // leaves accounts.list, shows in accounts.listArchived
  return yield* accounts.recover(account.uniqueId)
})

// Details (one set per account) and locations.
const describeAccount = (accountId: string) =>
  Effect.gen(function*() {
    const details = yield* AccountDetailsService
    const locations = yield* AccountLocationsService
    yield* details.create(accountId, { preferredDomain: "acme.com" })
    yield* details.update(accountId, { preferredLanguage: "en" })
    yield* locations.create(accountId, { name: "Head office", city: "Berlin", country: "DE" })
    return yield* locations.list(accountId)
  })

// Categories (an official-SDK extra): create one, then assign it to an account.
const categorise = (accountId: string) =>
  Effect.gen(function*() {
    const categories = yield* CategoriesService
    const accounts = yield* AccountsService
    const enterprise = yield* categories.create({ name: "Enterprise", code: "ent" })
    return yield* accounts.assignCategory(accountId, { categoryUniqueId: enterprise.uniqueId })
  })

const program = Effect.gen(function*() {
  const account = yield* onboard
  yield* describeAccount(account.uniqueId)
  yield* categorise(account.uniqueId)
}).pipe(Effect.catchTag("ValidationFailed", (e) => Effect.logWarning(e.message)))

program.pipe(
  Effect.provide(AccountsServicesLive.pipe(Layer.provide(CrmTransport.layerFetchFromEnv()))),
  Effect.runPromise
)
