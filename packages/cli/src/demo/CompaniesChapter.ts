/**
 * The demo's companies chapter: an API key for an "integration" on the seeded company, traded for a
 * short-lived token; the integration lists the leads with its own credentials; the key is disabled and
 * the integration's next call is refused (401); then the storage the company uses. Its report holds
 * what the API answered at each step.
 *
 * @since 0.1.0
 */
import type { ApiKey, CompanyStorage } from "@blocks-crm/companies"
import * as CrmConfig from "@blocks-crm/core-http/CrmConfig"
import type { ConfigurationError, CrmError } from "@blocks-crm/core-http/CrmError"
import * as CrmTransport from "@blocks-crm/core-http/CrmTransport"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Redacted from "effect/Redacted"
import { CrmClient } from "@blocks-crm/sdk"

/**
 * What the chapter does it to. Exported so that tests derive the expected report from it.
 *
 * @since 0.1.0
 */
export const companiesPlan = { company: "my-company", keyName: "integration" } as const

/**
 * What the companies chapter reports: the integration's key, its calls, and the storage used.
 *
 * @since 0.1.0
 */
export interface CompaniesReport {
  /** The leads the integration saw with its own key and token (the tenant's total). */
  readonly integrationLeads: number
  /** The token's lifetime, in seconds, as the exchange answered it. */
  readonly tokenExpiresIn: number
  /** The HTTP status of the integration's call after its key was disabled. */
  readonly statusAfterDisable: number | undefined
  readonly storage: CompanyStorage
}

/**
 * The report as the CLI prints it, after the comms report.
 *
 * @since 0.1.0
 */
export const formatCompaniesReport = (report: CompaniesReport): string => {
  const { storage } = report
  const rows: ReadonlyArray<readonly [string, string]> = [
    ["Integration key", `listed ${report.integrationLeads} leads with a ${report.tokenExpiresIn} s token`],
    [
      "After disabling",
      report.statusAfterDisable === undefined ? "still accepted" : `refused (${report.statusAfterDisable})`
    ],
    [
      "Storage",
      `${storage.usedBytes} of ${storage.quotaBytes} bytes in ${storage.objectCount} files (${storage.documentCount} documents, ${storage.logoCount} logos)`
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
export interface CompaniesOutcome {
  /** The integration's key as the API lists it after the chapter (disabled). */
  readonly key: ApiKey
  readonly report: CompaniesReport
}

/**
 * The client with other credentials on the same API, over the same HttpClient: how an integration
 * holding only a key and its token would call.
 */
const withCredentials = (
  settings: CrmConfig.CrmSettings,
  plainClient: HttpClient.HttpClient,
  credentials: { readonly apiKey: Redacted.Redacted<string>; readonly authToken: Redacted.Redacted<string> }
) =>
  CrmClient.layerWithTransport(
    CrmTransport.layer.pipe(
      Layer.provide([
        CrmConfig.layer({
          apiUrl: settings.apiUrl,
          apiKeyHeader: settings.apiKeyHeader,
          timeout: settings.timeout,
          retry: settings.retry,
          maxResponseBytes: settings.maxResponseBytes,
          ...credentials
        }),
        Layer.succeed(HttpClient.HttpClient, plainClient)
      ])
    )
  )

/**
 * Runs the chapter. A `ConfigurationError` means the API issued a key or token that cannot go in a
 * header. The key's name carries the run id, so runs in one database tell their keys apart.
 *
 * @since 0.1.0
 */
export const runCompaniesChapter = (options: {
  readonly runId: string
  readonly log?: ((line: string) => Effect.Effect<void>) | undefined
}): Effect.Effect<CompaniesOutcome, CrmError | ConfigurationError, CrmClient | CrmTransport.CrmTransport> =>
  Effect.gen(function*() {
    const crm = yield* CrmClient
    const { plainClient, settings } = yield* CrmTransport.CrmTransport
    const log = options.log ?? Console.log
    const urlId = companiesPlan.company

    const company = yield* crm.companies.get(urlId)
    const key = yield* crm.companies.keys.create(urlId, {
      name: `${companiesPlan.keyName} (demo run ${options.runId})`
    })
    yield* log(
      `  - ${company.name}: API key "${key.name}" created (${key.prefix}…${key.lastFour}; the secret is shown once)`
    )
    const token = yield* crm.companies.exchange(urlId, key.secret)
    yield* log(`  - the key traded for a bearer token valid ${token.expiresIn} s`)

    const integration = withCredentials(settings, plainClient, { apiKey: key.secret, authToken: token.accessToken })
    const listLeads = Effect.flatMap(CrmClient, (client) => client.leads.list({ records: 1 })).pipe(
      Effect.provide(integration)
    )
    const integrationLeads = (yield* listLeads).meta.totalRecords
    yield* log(`  - the integration lists ${integrationLeads} leads with its own key and token`)

    yield* crm.companies.keys.update(urlId, key.uniqueId, { enabled: false })
    const refused = yield* Effect.flip(listLeads).pipe(Effect.option)
    const statusAfterDisable = refused._tag === "Some" && refused.value._tag === "Unauthorized"
      ? refused.value.status
      : undefined
    yield* log(
      `  - key disabled: the integration's next call is ${
        statusAfterDisable === undefined ? "still accepted" : `refused with ${statusAfterDisable}`
      }`
    )

    const storage = yield* crm.companies.storage(urlId)
    yield* log(`  - storage: ${storage.usedBytes} bytes in ${storage.objectCount} files (quota ${storage.quotaBytes})`)

    const listed = (yield* crm.companies.keys.list(urlId)).find((k) => k.uniqueId === key.uniqueId)
    const { secret: _secret, ...shown } = key
    return {
      key: listed ?? shown,
      report: { integrationLeads, tokenExpiresIn: token.expiresIn, statusAfterDisable, storage }
    }
  })
