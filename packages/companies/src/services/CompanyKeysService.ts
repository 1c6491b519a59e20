/**
 * A company's API keys: list, create (the secret, once), update (rename, disable), delete (revoke).
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import { CompanyKeysGroup } from "../contract/CompanyKeysGroup.js"
import type { ApiKey, CreateApiKeyRequest, CreatedApiKey, UpdateApiKeyRequest } from "../models/ApiKey.js"

/**
 * The key methods, each under the company (`urlId`) the keys belong to.
 *
 * @since 0.1.0
 */
export interface CompanyKeys {
  /** Every key of the company (prefix and last four; never a secret). */
  readonly list: (urlId: string) => Effect.Effect<ReadonlyArray<ApiKey>, CrmError>
  /** A new key, accepted at once; `secret` (`Redacted`) is in this answer only. */
  readonly create: (urlId: string, data: CreateApiKeyRequest) => Effect.Effect<CreatedApiKey, CrmError>
  /** Renames the key, or disables it (`enabled: false`): a disabled key is refused at once. */
  readonly update: (urlId: string, keyId: string, data: UpdateApiKeyRequest) => Effect.Effect<ApiKey, CrmError>
  /** Revokes the key, and the tokens exchanged for it. */
  readonly delete: (urlId: string, keyId: string) => Effect.Effect<void, CrmError>
}

/**
 * A company's API keys as an Effect service (`CompanyKeys`). Inputs are validated before anything is sent.
 *
 * @example
 * ```ts
 * import { CompanyKeysService } from "@blocks-crm/companies"
 * import { Effect } from "effect"
 *
 * const rotate = (oldKeyId: string) =>
 *   Effect.gen(function*() {
 *     const keys = yield* CompanyKeysService
 *     const fresh = yield* keys.create("my-company", { name: "integration" })
 *     yield* keys.delete("my-company", oldKeyId)
 *     return fresh.secret // Redacted: store it now, it is not shown again
 *   })
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class CompanyKeysService extends Effect.Service<CompanyKeysService>()(
  "@blocks-crm/companies/CompanyKeysService",
  {
    effect: Effect.map(ApiClient.group(CompanyKeysGroup), (api): CompanyKeys => ({
      list: (urlId) => api.list({ path: { urlId } }),
      create: (urlId, data) => api.create({ path: { urlId }, payload: data }),
      update: (urlId, keyId, data) => api.update({ path: { urlId, keyId }, payload: data }),
      delete: (urlId, keyId) => api.delete({ path: { urlId, keyId } })
    }))
  }
) {}
