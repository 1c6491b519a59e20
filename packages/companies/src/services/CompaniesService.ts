/**
 * Companies: get, create, exchange a key for a token, impersonate a user, storage.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { CompaniesGroup } from "../contract/CompaniesGroup.js"
import type { AccessToken, Company, CompanyStorage, CreateCompanyRequest } from "../models/Company.js"

/**
 * The company methods, each naming the company by its url id (`my-company`).
 *
 * @since 0.1.0
 */
export interface Companies {
  readonly get: (urlId: string) => Effect.Effect<Company, CrmError>
  /** Creates a company; a url id already taken is `ValidationFailed` on `/url_id`. */
  readonly create: (data: CreateCompanyRequest) => Effect.Effect<Company, CrmError>
  /**
   * Trades an API key of the company for a short-lived bearer token (`expiresIn` seconds). A string key
   * is wrapped in `Redacted` at once, so no error can quote it.
   */
  readonly exchange: (
    urlId: string,
    apiKey: Redacted.Redacted<string> | string
  ) => Effect.Effect<AccessToken, CrmError>
  /** A token acting as the user; only an admin's token may ask (`Forbidden` otherwise). */
  readonly impersonate: (urlId: string, userUniqueId: string) => Effect.Effect<AccessToken, CrmError>
  /** Bytes and files the company stores (documents and logos), and its quota. */
  readonly storage: (urlId: string) => Effect.Effect<CompanyStorage, CrmError>
}

/**
 * Companies as an Effect service (`Companies`). Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { CompaniesService } from "@blocks-crm/companies"
 * import { Effect } from "effect"
 *
 * const tokenFor = (apiKey: string) =>
 *   Effect.gen(function*() {
 *     const companies = yield* CompaniesService
 *     const token = yield* companies.exchange("my-company", apiKey)
 *     return token.accessToken // Redacted: valid for token.expiresIn seconds
 *   })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class CompaniesService extends Effect.Service<CompaniesService>()("@blocks-crm/companies/CompaniesService", {
  effect: Effect.map(ApiClient.group(CompaniesGroup), (api): Companies => ({
    get: (urlId) => api.get({ path: { urlId } }),
    create: (data) => api.create({ payload: data }),
    exchange: (urlId, apiKey) =>
      api.exchange({
        path: { urlId },
        payload: { apiKey: Redacted.isRedacted(apiKey) ? apiKey : Redacted.make(apiKey) }
      }),
    impersonate: (urlId, userUniqueId) => api.impersonate({ path: { urlId }, payload: { userUniqueId } }),
    storage: (urlId) => api.storage({ path: { urlId } })
  }))
}) {}
