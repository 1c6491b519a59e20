/**
 * The companies domain's collections and settings, declared once: its handlers open them here, and so
 * do other domains that address a tenant's company (the calendar feed, the Cal.com webhook), through
 * `tenantCompany`.
 */
import { ApiKey, Company } from "@blocks-crm/companies"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { RecordStore } from "../../RecordStore.js"
import { created } from "../Resources.js"

/** The companies domain's settings: the company every tenant starts with, the storage quota. */
export interface Options {
  /** The company every tenant has from the start. Default: url id `my-company`, name "My Company". */
  readonly seededCompany?: { readonly urlId: string; readonly name: string } | undefined
  /** The bytes each company may store. Default: 1 GiB. */
  readonly storageQuotaBytes?: number | undefined
}

/** The company every tenant has from the start, unless configured. */
export const defaultSeededCompany = { urlId: "my-company", name: "My Company" } as const
/** The bytes each company may store, unless configured: 1 GiB. */
export const defaultStorageQuotaBytes = 1024 ** 3

/** The companies domain's settings in force, as a service. */
export class CompanyOptions extends Context.Tag("@blocks-crm/emulator/companies/CompanyOptions")<
  CompanyOptions,
  { readonly seededCompany: { readonly urlId: string; readonly name: string }; readonly storageQuotaBytes: number }
>() {}

/** The companies domain's settings, the defaults where none are given. */
export const optionsLayer = (options: Options = {}) =>
  Layer.succeed(CompanyOptions, {
    seededCompany: options.seededCompany ?? defaultSeededCompany,
    storageQuotaBytes: options.storageQuotaBytes ?? defaultStorageQuotaBytes
  })

/** The settings in force: the emulator's, or the defaults where none were provided. */
export const companyOptions = Effect.map(
  Effect.serviceOption(CompanyOptions),
  Option.getOrElse(() => ({ seededCompany: defaultSeededCompany, storageQuotaBytes: defaultStorageQuotaBytes }))
)

/** Companies by url id (unique per tenant: the store keeps one record per id). */
export const companyRecords = Effect.map(RecordStore, (store) =>
  store.collection("companies", Company, {
    idOf: (company) => company.urlId,
    searchText: (company) => `${company.urlId} ${company.name}`
  }))

/** API keys, each under its company's url id (the secrets are in `Credentials`, hashed). */
export const keyRecords = Effect.map(
  RecordStore,
  (store) => store.collection("company_keys", ApiKey, { idOf: (key) => key.uniqueId, searchText: (key) => key.name })
)

/** Creates the tenant's seeded company the first time anything needs it. */
export const ensureSeeded = (tenantId: string) =>
  Effect.gen(function*() {
    const companies = yield* companyRecords
    const { seededCompany } = yield* companyOptions
    const found = yield* Effect.orDie(companies.find(tenantId, seededCompany.urlId))
    if (Option.isSome(found)) return found.value
    const now = new Date()
    const company: Company = { ...created(now), ...seededCompany }
    // Two first requests at once: the second insert meets the unique id, and reads the first's.
    return yield* companies.insert(tenantId, company).pipe(
      Effect.catchAll(() =>
        Effect.flatMap(
          companies.find(tenantId, seededCompany.urlId),
          Option.match({
            onNone: () => Effect.die(new Error("the seeded company could not be stored")),
            onSome: Effect.succeed
          })
        )
      ),
      Effect.orDie
    )
  })

/** A tenant's company (its seeded one unless `urlId` names another), for other domains to address. */
export const tenantCompany = (tenantId: string, urlId?: string) =>
  Effect.flatMap(ensureSeeded(tenantId), (seeded) =>
    urlId === undefined || urlId === seeded.urlId
      ? Effect.succeed(Option.some(seeded))
      : Effect.flatMap(companyRecords, (companies) => Effect.orDie(companies.find(tenantId, urlId))))
