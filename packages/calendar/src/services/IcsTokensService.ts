/**
 * A user's ICS feed tokens: list, create, delete (which revokes the feed).
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import { IcsTokensGroup } from "../contract/IcsTokensGroup.js"
import type { CreateIcsTokenRequest, IcsToken, ListIcsTokensParams } from "../models/IcsToken.js"

/**
 * The ICS token methods, each under the user (`userId`).
 *
 * @since 0.1.0
 */
export interface IcsTokens {
  /** The user's tokens, in `sort` order. */
  readonly list: (userId: string, params?: ListIcsTokensParams) => Effect.Effect<ReadonlyArray<IcsToken>, CrmError>
  /** A new token; its `token` is `Redacted` (`Redacted.value` to build the feed URL). */
  readonly create: (userId: string, data: CreateIcsTokenRequest) => Effect.Effect<IcsToken, CrmError>
  /** Deletes the token; its feed answers 404 from then on. */
  readonly delete: (userId: string, tokenId: string) => Effect.Effect<void, CrmError>
}

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
  effect: Effect.map(ApiClient.group(IcsTokensGroup), (api): IcsTokens => ({
    list: (userId, params) => api.list({ path: { userId }, urlParams: params ?? {} }),
    create: (userId, data) => api.create({ path: { userId }, payload: data }),
    delete: (userId, tokenId) => api.delete({ path: { userId, tokenId } })
  }))
}) {}
