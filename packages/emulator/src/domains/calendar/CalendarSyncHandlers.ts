/**
 * Calendar sync as a job. `POST /users/:id/calendar/sync` and `POST /calendar/sync` store a job
 * (`initiated`), start it at once (`in_progress`, which the answer shows, as in the reference's example)
 * and answer; the job then runs on its own fiber (`SyncJobs`). It syncs each sync-enabled account in
 * turn: it reads the account's calendar from the provider stand-in (`ProviderCalendars`), imports its
 * events as the user's busy blocks (one block per event, refreshed and not duplicated by a repeated
 * sync), and sets the account's status `active` and `last_synced_at` to the job's `started_at` (the
 * instant the imported events are as of: a sync after it must look for changes from then on). An
 * account whose provider refuses gets status `error` and keeps its `last_synced_at`. The job ends
 * `completed`, or `failed` when any account failed.
 *
 * The API has no endpoint to read a job (neither the reference nor the official SDK has one), so its
 * progress shows where the reference shows it: on the accounts. The jobs are kept in the
 * `calendar_syncs` collection all the same. Times come from Effect's `Clock`.
 */
import { CalendarApi } from "@blocks-crm/calendar"
import type { BusyBlock, CalendarAccount } from "@blocks-crm/calendar"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { group, newId } from "../Resources.js"
import { openCalendar } from "./Records.js"
import type { SyncJob } from "./Records.js"
import { importedBlockId, madeUpCalendar } from "./ProviderCalendars.js"
import type { ProviderCalendar } from "./ProviderCalendars.js"
import { SyncJobs } from "./SyncJobs.js"
import { Directory } from "../../Directory.js"

const now = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis))

/** The emulator's handlers for the calendar sync endpoints. */
export const CalendarSyncHandlers = group(
  CalendarApi,
  "calendarSync",
  (handlers) =>
    Effect.gen(function*() {
      const { accounts, busyBlocks, providerCalendars, syncs } = yield* openCalendar
      const { users } = yield* Directory
      const jobs = yield* SyncJobs

      /** The provider's calendar for `account`: the fixtures' one for its e-mail, else a made-up one. */
      const calendarOf = (account: CalendarAccount, at: Date) =>
        Effect.map(
          providerCalendars.all(),
          (calendars): ProviderCalendar =>
            calendars.find((calendar) => calendar.email === account.email) ?? madeUpCalendar(account, at)
        )

      /** Imports one event as a busy block of the account's user, or refreshes the block it was imported as. */
      const importEvent = (account: CalendarAccount, userId: string, event: ProviderCalendar["events"][number]) =>
        Effect.gen(function*() {
          const uniqueId = importedBlockId(account.uniqueId, event)
          const existing = yield* Effect.option(busyBlocks.find(uniqueId, { parentId: userId }))
          const at = yield* now
          const block: BusyBlock = {
            uniqueId,
            userUniqueId: userId,
            ...(event.title === undefined ? {} : { title: event.title }),
            startTime: event.startTime,
            endTime: event.endTime,
            recurring: event.recurrenceRule !== undefined,
            ...(event.recurrenceRule === undefined ? {} : { recurrenceRule: event.recurrenceRule }),
            createdAt: Option.match(existing, { onNone: () => at, onSome: (found) => found.createdAt }),
            updatedAt: at
          }
          return yield* Option.match(existing, {
            onNone: () => busyBlocks.insert(block, { parentId: userId }),
            onSome: () => busyBlocks.update(uniqueId, () => block, { parentId: userId })
          })
        })

      /** Syncs one account: its events imported, or its status `error`. How many events, or none on a refusal. */
      const syncAccount = (account: CalendarAccount, startedAt: Date) =>
        Effect.gen(function*() {
          const userId = account.userUniqueId!
          const calendar = yield* calendarOf(account, startedAt)
          const refused = calendar.failure !== undefined
          if (!refused) yield* Effect.forEach(calendar.events, (event) => importEvent(account, userId, event))
          const at = yield* now
          yield* accounts.update(
            account.uniqueId,
            (current) =>
              refused
                ? { ...current, status: "error", updatedAt: at }
                : { ...current, status: "active", lastSyncedAt: startedAt, updatedAt: at },
            { parentId: userId }
          )
          return refused ? Option.none() : Option.some(calendar.events.length)
        })

      /** The job over `all`'s sync-enabled accounts, started; answers it as it is then (`in_progress`). */
      const start = (all: ReadonlyArray<CalendarAccount>, userId: string | undefined) =>
        Effect.gen(function*() {
          const enabled = all.filter((account) => account.syncEnabled && account.userUniqueId !== undefined)
          const job = yield* syncs.insert({
            uniqueId: newId(),
            ...(userId === undefined ? {} : { userUniqueId: userId }),
            status: "initiated",
            startedAt: yield* now,
            accountsCount: enabled.length,
            importedEvents: 0,
            failedAccounts: 0
          })
          const finish = (outcome: Partial<SyncJob>) =>
            Effect.flatMap(
              now,
              (finishedAt) =>
                Effect.asVoid(syncs.update(job.uniqueId, (current) => ({ ...current, ...outcome, finishedAt })))
            )
          const run = Effect.gen(function*() {
            const results = yield* Effect.forEach(enabled, (account) => syncAccount(account, job.startedAt))
            const failed = results.filter(Option.isNone).length
            yield* finish({
              status: failed > 0 ? "failed" : "completed",
              importedEvents: results.reduce((sum, result) => sum + Option.getOrElse(result, () => 0), 0),
              failedAccounts: failed
            })
          })
          // Just stored: a NotFound here is a defect.
          const started = yield* Effect.orDie(
            syncs.update(job.uniqueId, (current) => ({ ...current, status: "in_progress" }))
          )
          // A job that fails on the way (a database error) is marked failed, never left in progress.
          yield* jobs.start(Effect.catchAllCause(run, () => Effect.ignore(finish({ status: "failed" }))))
          return started
        })

      return handlers
        .handle("syncUser", ({ path }) =>
          Effect.gen(function*() {
            yield* users.find(path.userId)
            const job = yield* start(yield* accounts.all(path.userId), path.userId)
            return {
              message: "Calendar sync initiated",
              data: { syncId: job.uniqueId, status: job.status, startedAt: job.startedAt }
            }
          }))
        .handle("syncTenant", () =>
          Effect.gen(function*() {
            const job = yield* start(yield* accounts.all(), undefined)
            return {
              message: "Global calendar sync initiated",
              data: {
                syncId: job.uniqueId,
                accountsCount: job.accountsCount,
                status: job.status,
                startedAt: job.startedAt
              }
            }
          }))
    })
)
