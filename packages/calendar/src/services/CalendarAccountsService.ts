/**
 * A user's calendar accounts: list, get, create, update (sync on or off), delete.
 *
 * @since 0.1.0
 */
import * as ApiClient from "@blocks-crm/core-http/ApiClient"
import type { CrmError } from "@blocks-crm/core-http/CrmError"
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { CalendarAccountsGroup } from "../contract/CalendarAccountsGroup.js"
import { CreateCalendarAccountRequest, UpdateCalendarAccountRequest } from "../models/CalendarAccount.js"
import type { CalendarAccount, UpdatedCalendarAccount } from "../models/CalendarAccount.js"

/**
 * The calendar account methods, each under the user (`userId`).
 *
 * @since 0.1.0
 */
export interface CalendarAccounts {
  readonly list: (userId: string) => Effect.Effect<ReadonlyArray<CalendarAccount>, CrmError>
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

const UserPath = Schema.Struct({ userId: Fields.ResourceId })
const AccountPath = Schema.Struct({ userId: Fields.ResourceId, accountId: Fields.ResourceId })

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
    effect: Effect.map(ApiClient.group(CalendarAccountsGroup), (api): CalendarAccounts => {
      const userPath = (operation: string) => ApiClient.validate(UserPath, `calendarAccounts.${operation}`)
      const accountPath = (operation: string) => ApiClient.validate(AccountPath, `calendarAccounts.${operation}`)
      const checkList = userPath("list")
      const checkGet = accountPath("get")
      const checkCreatePath = userPath("create")
      const checkCreate = ApiClient.validate(CreateCalendarAccountRequest, "calendarAccounts.create")
      const checkUpdatePath = accountPath("update")
      const checkUpdate = ApiClient.validate(UpdateCalendarAccountRequest, "calendarAccounts.update")
      const checkDelete = accountPath("delete")
      return {
        list: (userId: string) => Effect.flatMap(checkList({ userId }), (path) => api.list({ path })),
        get: (userId: string, accountId: string) =>
          Effect.flatMap(checkGet({ userId, accountId }), (path) => api.get({ path })),
        create: (userId: string, data: CreateCalendarAccountRequest) =>
          Effect.flatMap(
            Effect.all([checkCreatePath({ userId }), checkCreate(data)]),
            ([path, payload]) => api.create({ path, payload })
          ),
        update: (userId: string, accountId: string, data: UpdateCalendarAccountRequest) =>
          Effect.flatMap(
            Effect.all([checkUpdatePath({ userId, accountId }), checkUpdate(data)]),
            ([path, payload]) => api.update({ path, payload })
          ),
        delete: (userId: string, accountId: string) =>
          Effect.flatMap(checkDelete({ userId, accountId }), (path) => api.delete({ path }))
      }
    })
  }
) {}
