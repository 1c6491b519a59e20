/**
 * The emulator's calendar accounts, under their user (404 for an unknown user, and for another user's
 * account): provider google, outlook or apple and a valid e-mail (422 from the contract otherwise),
 * `sync_enabled` true unless told, `last_synced_at` null until a sync. Reads wait for the tenant's
 * running sync jobs (`SyncJobs`).
 */
import { CalendarApi } from "@blocks-crm/calendar"
import type { CalendarAccount, UpdatedCalendarAccount } from "@blocks-crm/calendar"
import * as Effect from "effect/Effect"
import { created, group, updated } from "../Resources.js"
import { openCalendar } from "./Records.js"
import { SyncJobs } from "./SyncJobs.js"
import { Directory } from "../../Directory.js"

/** The update's echo: the record without its null `last_synced_at` (the echo sends only what is set). */
const echo = ({ lastSyncedAt, ...rest }: CalendarAccount): UpdatedCalendarAccount =>
  lastSyncedAt === null ? rest : { ...rest, lastSyncedAt }

/** The emulator's handlers for the calendar accounts endpoints. */
export const CalendarAccountsHandlers = group(
  CalendarApi,
  "calendarAccounts",
  (handlers) =>
    Effect.gen(function*() {
      const { accounts } = yield* openCalendar
      const { users } = yield* Directory
      // A read after a sync's answer sees the finished sync.
      const { settled } = yield* SyncJobs
      return handlers
        .handle("list", ({ path, urlParams }) =>
          users.find(path.userId).pipe(Effect.zipRight(settled), Effect.zipRight(accounts.all(path.userId, urlParams))))
        .handle(
          "get",
          ({ path }) =>
            users.find(path.userId).pipe(
              Effect.zipRight(settled),
              Effect.zipRight(accounts.find(path.accountId, { parentId: path.userId }))
            )
        )
        .handle("create", ({ path, payload }) =>
          Effect.gen(function*() {
            yield* users.find(path.userId)
            const now = new Date()
            const account: CalendarAccount = {
              ...created(now),
              userUniqueId: path.userId,
              provider: payload.provider,
              email: payload.email,
              syncEnabled: payload.syncEnabled ?? true,
              lastSyncedAt: null,
              status: "active"
            }
            return yield* accounts.insert(account, { parentId: path.userId })
          }))
        .handle("update", ({ path, payload }) =>
          Effect.zipRight(
            users.find(path.userId),
            Effect.map(
              accounts.update(
                path.accountId,
                (account) => ({ ...account, syncEnabled: payload.syncEnabled, ...updated() }),
                { parentId: path.userId }
              ),
              echo
            )
          ))
        .handle(
          "delete",
          ({ path }) =>
            Effect.zipRight(users.find(path.userId), accounts.remove(path.accountId, { parentId: path.userId }))
        )
    })
)
