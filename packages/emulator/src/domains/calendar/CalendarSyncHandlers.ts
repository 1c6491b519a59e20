/**
 * Calendar sync. The answer is the reference's (`in_progress`), and the sync is done before it is sent:
 * `last_synced_at` moves on the sync-enabled accounts (of the user, or of every user of the tenant),
 * so a read right after the answer sees it. There is no provider to call in the emulator.
 */
import { CalendarApi } from "@blocks-crm/calendar"
import type { CalendarAccount } from "@blocks-crm/calendar"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as Effect from "effect/Effect"
import { newId } from "../Resources.js"
import { openCalendar } from "./Records.js"
import { Directory } from "../../Directory.js"

/** The emulator's handlers for the calendar sync endpoints. */
export const CalendarSyncHandlers = HttpApiBuilder.group(
  CalendarApi,
  "calendarSync",
  (handlers) =>
    Effect.gen(function*() {
      const { accounts } = yield* openCalendar
      const { users } = yield* Directory

      /** Syncs the sync-enabled ones among `all`, and says how many. */
      const sync = (all: ReadonlyArray<CalendarAccount>, at: Date) =>
        Effect.map(
          Effect.forEach(
            all.filter((account) => account.syncEnabled),
            // Just read: a NotFound here is a defect.
            (account) =>
              Effect.orDie(accounts.update(
                account.uniqueId,
                (current) => ({ ...current, lastSyncedAt: at, updatedAt: at }),
                account.userUniqueId === undefined ? undefined : { parentId: account.userUniqueId }
              ))
          ),
          (synced) => synced.length
        )

      return handlers
        .handle("syncUser", ({ path }) =>
          Effect.gen(function*() {
            yield* users.find(path.userId)
            const startedAt = new Date()
            yield* sync(yield* accounts.all(path.userId), startedAt)
            return {
              message: "Calendar sync initiated",
              data: { syncId: newId(), status: "in_progress", startedAt }
            }
          }))
        .handle("syncTenant", () =>
          Effect.gen(function*() {
            const startedAt = new Date()
            const accountsCount = yield* sync(yield* accounts.all(), startedAt)
            return {
              message: "Global calendar sync initiated",
              data: { syncId: newId(), accountsCount, status: "in_progress", startedAt }
            }
          }))
    })
)
