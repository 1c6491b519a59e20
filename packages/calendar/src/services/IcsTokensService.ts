/**
 * A user's ICS feed tokens: list, create, delete (which revokes the feed).
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { IcsTokensGroup } from "../contract/IcsTokensGroup.js"
import { CreateIcsTokenRequest } from "../models/IcsToken.js"
import type { IcsToken } from "../models/IcsToken.js"

/**
 * The ICS token methods, each under the user (`userId`).
 *
 * @since 0.1.0
 */
export interface IcsTokens {
  readonly list: (userId: string) => Effect.Effect<ReadonlyArray<IcsToken>, CrmError>
  /** A new token; its `token` is `Redacted` (`Redacted.value` to build the feed URL). */
  readonly create: (userId: string, data: CreateIcsTokenRequest) => Effect.Effect<IcsToken, CrmError>
  /** Deletes the token; its feed answers 404 from then on. */
  readonly delete: (userId: string, tokenId: string) => Effect.Effect<void, CrmError>
}

const UserPath = Schema.Struct({ userId: Fields.ResourceId })
const TokenPath = Schema.Struct({ userId: Fields.ResourceId, tokenId: Fields.ResourceId })

/**
 * A user's ICS feed tokens as an Effect service (`IcsTokens`).
 *
 * @example
 * ```ts
 * import { IcsTokensService } from "@blocks-crm/calendar"
 * import { Effect } from "effect"
 *
 * const share = (userId: string) =>
 *   Effect.flatMap(IcsTokensService, (tokens) => tokens.create(userId, { label: "Phone" }))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class IcsTokensService extends Effect.Service<IcsTokensService>()("@blocks-crm/calendar/IcsTokensService", {
  effect: Effect.map(ApiClient.group(IcsTokensGroup), (api): IcsTokens => {
    const checkList = ApiClient.validate(UserPath, "icsTokens.list")
    const checkCreatePath = ApiClient.validate(UserPath, "icsTokens.create")
    const checkCreate = ApiClient.validate(CreateIcsTokenRequest, "icsTokens.create")
    const checkDelete = ApiClient.validate(TokenPath, "icsTokens.delete")
    return {
      list: (userId: string) => Effect.flatMap(checkList({ userId }), (path) => api.list({ path })),
      create: (userId: string, data: CreateIcsTokenRequest) =>
        Effect.flatMap(
          Effect.all([checkCreatePath({ userId }), checkCreate(data)]),
          ([path, payload]) => api.create({ path, payload })
        ),
      delete: (userId: string, tokenId: string) =>
        Effect.flatMap(checkDelete({ userId, tokenId }), (path) => api.delete({ path }))
    }
  })
}) {}
