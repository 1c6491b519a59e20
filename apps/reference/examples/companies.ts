/**
 * The companies package on its own: what a team that installed only `@blocks-crm/companies` and
 * `@blocks-crm/core-http` writes. The package README's snippets are excerpts of this file.
 *
 *   BLOCKS_API_URL=... BLOCKS_AUTH_TOKEN=... BLOCKS_API_KEY=... tsx examples/companies.ts
 */
import { CompaniesService, CompaniesServicesLive, CompanyKeysService } from "@blocks-crm/companies"
import { CrmTransport } from "@blocks-crm/core-http"
import { Console, Effect, Layer } from "effect"
import type { Redacted } from "effect"

// Companies: read the company and its settings, or create another one under a free url id.
const company = Effect.gen(function*() {
  const companies = yield* CompaniesService
  const mine = yield* companies.get("my-company")
  yield* Console.log(`${mine.name} (${mine.urlId}), settings: ${JSON.stringify(mine.settings ?? {})}`)
  return yield* companies.create({ urlId: "acme-eu", name: "Acme EU", settings: { timezone: "Europe/Berlin" } }).pipe(
    Effect.catchTag("ValidationFailed", () => companies.get("acme-eu")) // the url id is taken
  )
})

// API keys: the secret comes once, as a Redacted; later reads show its prefix and last four only.
const integrationKey = Effect.gen(function*() {
  const keys = yield* CompanyKeysService
  const key = yield* keys.create("my-company", { name: "integration" })
  yield* Console.log(`created ${key.prefix}…${key.lastFour}`) // printing `key` never shows the secret
  // Disabled, the key is refused at once (401); `delete` revokes it for good.
  yield* keys.update("my-company", key.uniqueId, { enabled: false })
  return key
})

// Exchange a key for a short-lived token; impersonate a user (admin tokens only); read the storage.
const tokensAndStorage = (apiKey: Redacted.Redacted<string>) =>
  Effect.gen(function*() {
    const companies = yield* CompaniesService
    const token = yield* companies.exchange("my-company", apiKey)
    yield* Console.log(`a bearer token for ${token.expiresIn} s, until ${token.expiresAt.toISOString()}`)
    const acting = yield* companies.impersonate("my-company", "user-uuid-7").pipe(
      Effect.catchTag("Forbidden", (e) => Effect.as(Console.log(`not allowed: ${e.message}`), undefined))
    )
    if (acting !== undefined) yield* Console.log(`acting as ${acting.userUniqueId ?? "?"}`)
    const storage = yield* companies.storage("my-company")
    yield* Console.log(`${storage.usedBytes} of ${storage.quotaBytes} bytes, ${storage.objectCount} files`)
  })

const program = Effect.gen(function*() {
  yield* company
  const key = yield* integrationKey
  yield* tokensAndStorage(key.secret)
})

program.pipe(
  Effect.provide(CompaniesServicesLive.pipe(Layer.provide(CrmTransport.layerFetchFromEnv()))),
  Effect.runPromise
)
