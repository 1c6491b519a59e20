/**
 * A user's calendar accounts: list, get, create, update (sync on or off), delete.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Effect from "effect/Effect"
import { CalendarAccountsGroup } from "../contract/CalendarAccountsGroup.js"
import type {
  CalendarAccount,
  CreateCalendarAccountRequest,
  ListCalendarAccountsParams,
  UpdateCalendarAccountRequest,
  UpdatedCalendarAccount
} from "../models/CalendarAccount.js"

/**
 * The calendar account methods, each under the user (`userId`).
 *
 * @since 0.1.0
 */
export interface CalendarAccounts {
  /** The user's accounts; with `status`, `provider` or `syncEnabled` only those, in `sort` order. */
  readonly list: (
    userId: string,
    params?: ListCalendarAccountsParams
  ) => Effect.Effect<ReadonlyArray<CalendarAccount>, CrmError>
  /** `NotFound` for an unknown id, and for another user's account. */
  readonly get: (userId: string, accountId: string) => Effect.Effect<CalendarAccount, CrmError>
  readonly create: (userId: string, data: CreateCalendarAccountRequest) => Effect.Effect<CalendarAccount, CrmError>
  readonly update: (
    userId: string,
    accountId: string,
    data: UpdateCalendarAccountRequest
  ) => Effect.Effect<UpdatedCalendarAccount, CrmError>
  readonly delete: (userId: string, accountId: string) => Effect.Effect<void, CrmError>
}

/**
 * A user's calendar accounts as an Effect service (`CalendarAccounts`). Inputs are validated before
 * anything is sent.
 *
 * @example
 * ```ts
 * import { CalendarAccountsService } from "@blocks-crm/calendar"
 * import { Effect } from "effect"
 *
 * const connect = (userId: string) =>
 *   Effect.flatMap(CalendarAccountsService, (accounts) =>
 *     accounts.create(userId, { provider: "google", email: "rep@gmail.com" }))
 * ```
 *
 * @since 0.1.0
 * @category services
 */
export class CalendarAccountsService extends Effect.Service<CalendarAccountsService>()(
  "@blocks-crm/calendar/CalendarAccountsService",
  {
    effect: Effect.map(ApiClient.group(CalendarAccountsGroup), (api): CalendarAccounts => ({
      list: (userId, params) => api.list({ path: { userId }, urlParams: params ?? {} }),
      get: (userId, accountId) => api.get({ path: { userId, accountId } }),
      create: (userId, data) => api.create({ path: { userId }, payload: data }),
      update: (userId, accountId, data) => api.update({ path: { userId, accountId }, payload: data }),
      delete: (userId, accountId) => api.delete({ path: { userId, accountId } })
    }))
  }
) {}
