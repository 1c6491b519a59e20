/**
 * A company's API keys: list, create (the secret, once), update (rename, disable), delete (revoke).
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { CompanyKeysGroup } from "../contract/CompanyKeysGroup.js"
import { CreateApiKeyRequest, UpdateApiKeyRequest } from "../models/ApiKey.js"
import type { ApiKey, CreatedApiKey } from "../models/ApiKey.js"
import { CompanyUrlId } from "../models/CompanyUrlId.js"

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

const CompanyPath = Schema.Struct({ urlId: CompanyUrlId })
const KeyPath = Schema.Struct({ urlId: CompanyUrlId, keyId: Fields.ResourceId })

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
    effect: Effect.map(ApiClient.group(CompanyKeysGroup), (api): CompanyKeys => {
      const listPath = ApiClient.validate(CompanyPath, "companyKeys.list")
      const createPath = ApiClient.validate(CompanyPath, "companyKeys.create")
      const checkCreate = ApiClient.validate(CreateApiKeyRequest, "companyKeys.create")
      const updatePath = ApiClient.validate(KeyPath, "companyKeys.update")
      const checkUpdate = ApiClient.validate(UpdateApiKeyRequest, "companyKeys.update")
      const deletePath = ApiClient.validate(KeyPath, "companyKeys.delete")
      return {
        list: (urlId) => Effect.flatMap(listPath({ urlId }), (path) => api.list({ path })),
        create: (urlId, data) =>
          Effect.flatMap(
            Effect.all([createPath({ urlId }), checkCreate(data)]),
            ([path, payload]) => api.create({ path, payload })
          ),
        update: (urlId, keyId, data) =>
          Effect.flatMap(
            Effect.all([updatePath({ urlId, keyId }), checkUpdate(data)]),
            ([path, payload]) => api.update({ path, payload })
          ),
        delete: (urlId, keyId) => Effect.flatMap(deletePath({ urlId, keyId }), (path) => api.delete({ path }))
      }
    })
  }
) {}
