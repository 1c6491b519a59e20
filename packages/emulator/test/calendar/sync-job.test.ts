/**
 * Calendar sync as a job on the emulator: the answer (`in_progress`), then, on the accounts and busy
 * blocks the API shows, what the job did: each sync-enabled account's provider calendar imported as
 * busy blocks (from the fixtures' `provider_calendars`, a recurring event included, or the made-up
 * calendar of an account they do not describe), `last_synced_at` at the job's start, a refused account
 * in status `error`, a repeated sync refreshing and not duplicating; and the job's own record, which no
 * endpoint reads, in the SQLite file: `completed` or `failed` with its counts.
 */
import type { Emulator } from "@blocks-crm/emulator"
import { afterAll, describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as os from "node:os"
import * as path from "node:path"
import * as TestEmulator from "../support/TestEmulator.js"
import { connectCalendar, registerUser } from "./CalendarClient.js"

/** The emulator's own SQLite driver, typed as far as this test reads with it (the package ships no types). */
const Database = createRequire(import.meta.url)("better-sqlite3") as new(
  file: string,
  options: { readonly readonly: boolean }
) => { prepare(sql: string): { all(): Array<unknown> }; close(): void }

const HOUR = 3_600_000
const DAY = 24 * HOUR
const directory = fs.mkdtempSync(path.join(os.tmpdir(), "crm-sync-job-"))
const database = path.join(directory, "emulator.db")
// After the layer's own teardown (registered inside its block), which closes the emulator.
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }))

const standup = {
  title: "Standup",
  start_time: "2026-03-02T08:30:00Z",
  end_time: "2026-03-02T08:45:00Z",
  recurrence_rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}
const dentist = { title: "Dentist", start_time: "2026-03-04T09:00:00Z", end_time: "2026-03-04T10:00:00Z" }

const seed: Emulator.EmulatorOptions["seed"] = {
  tenants: {
    [TestEmulator.API_KEY_A]: {
      calendar: {
        provider_calendars: [
          { email: "ada@gmail.com", events: [standup, dentist] },
          { email: "revoked@outlook.com", events: [dentist], failure: "invalid_grant" }
        ]
      }
    }
  }
}

/** The sync jobs as the emulator stored them, read from its SQLite file. */
const storedJobs = () => {
  const db = new Database(database, { readonly: true })
  try {
    return db.prepare(`SELECT data FROM records WHERE collection = 'calendar_syncs'`).all().map((row) =>
      JSON.parse((row as { readonly data: string }).data) as Record<string, unknown>
    )
  } finally {
    db.close()
  }
}

layer(TestEmulator.layer({ database, seed }), { excludeTestServices: true })("calendar sync jobs", (it) => {
  describe("a user's sync", () => {
    it.effect("imports the fixtures' events as busy blocks, a recurring one with its rule, and moves last_synced_at", () =>
      Effect.gen(function*() {
        const { accounts, busyBlocks, sync } = yield* connectCalendar()
        const user = yield* registerUser("Ada")
        const ada = yield* accounts.create(user.id, { provider: "google", email: "ada@gmail.com" })
        const started = yield* sync.syncUser(user.id)
        expect(started.data.status).toBe("in_progress")

        const synced = yield* accounts.get(user.id, ada.uniqueId)
        expect(synced).toMatchObject({ status: "active", lastSyncedAt: started.data.startedAt })
        const blocks = yield* busyBlocks.list(user.id)
        expect(blocks.map(({ createdAt: _c, updatedAt: _u, uniqueId: _i, ...block }) => block)).toEqual([
          {
            userUniqueId: user.id,
            title: "Standup",
            startTime: new Date(standup.start_time),
            endTime: new Date(standup.end_time),
            recurring: true,
            recurrenceRule: standup.recurrence_rule
          },
          {
            userUniqueId: user.id,
            title: "Dentist",
            startTime: new Date(dentist.start_time),
            endTime: new Date(dentist.end_time),
            recurring: false
          }
        ])

        // Again: the same blocks, refreshed, not added.
        const again = yield* sync.syncUser(user.id)
        expect(again.data.syncId).not.toBe(started.data.syncId)
        const after = yield* busyBlocks.list(user.id)
        expect(after.map((b) => b.uniqueId)).toEqual(blocks.map((b) => b.uniqueId))
        expect(after.map((b) => b.createdAt)).toEqual(blocks.map((b) => b.createdAt))
        expect((yield* accounts.get(user.id, ada.uniqueId)).lastSyncedAt).toEqual(again.data.startedAt)

        const job = storedJobs().find((stored) => stored["unique_id"] === started.data.syncId)
        expect(job).toMatchObject({
          user_unique_id: user.id,
          status: "completed",
          accounts_count: 1,
          imported_events: 2,
          failed_accounts: 0
        })
        expect(Date.parse(job!["finished_at"] as string)).toBeGreaterThanOrEqual(started.data.startedAt.getTime())
      }))

    it.effect("an account the fixtures do not describe gets its made-up calendar: an hour a day for three days", () =>
      Effect.gen(function*() {
        const { accounts, busyBlocks, sync } = yield* connectCalendar()
        const user = yield* registerUser("Made Up")
        yield* accounts.create(user.id, { provider: "apple", email: "made-up@me.com" })
        const started = yield* sync.syncUser(user.id)
        const blocks = yield* busyBlocks.list(user.id)
        const today = Math.floor(started.data.startedAt.getTime() / DAY) * DAY
        expect(blocks.map((b) => Math.floor(b.startTime.getTime() / DAY) * DAY)).toEqual([
          today,
          today + DAY,
          today + 2 * DAY
        ])
        for (const block of blocks) {
          expect(block).toMatchObject({ title: "Busy (apple)", recurring: false })
          expect(block.endTime.getTime() - block.startTime.getTime()).toBe(HOUR)
          expect(block.startTime.getUTCHours()).toBeGreaterThanOrEqual(9)
          expect(block.startTime.getUTCHours()).toBeLessThanOrEqual(16)
          expect(block.startTime.getTime() % HOUR).toBe(0)
        }
        // The same account's calendar the same day: the same events.
        yield* sync.syncUser(user.id)
        expect((yield* busyBlocks.list(user.id)).map((b) => b.startTime)).toEqual(blocks.map((b) => b.startTime))
      }))

    it.effect("a provider's refusal: that account in status error, never synced; the others synced; the job failed", () =>
      Effect.gen(function*() {
        const { accounts, busyBlocks, sync } = yield* connectCalendar()
        const user = yield* registerUser("Revoked")
        const revoked = yield* accounts.create(user.id, { provider: "outlook", email: "revoked@outlook.com" })
        const fine = yield* accounts.create(user.id, { provider: "google", email: "ada@gmail.com" })
        const paused = yield* accounts.create(user.id, {
          provider: "google",
          email: "paused@gmail.com",
          syncEnabled: false
        })
        const started = yield* sync.syncUser(user.id)
        expect(yield* accounts.get(user.id, revoked.uniqueId)).toMatchObject({ status: "error", lastSyncedAt: null })
        expect(yield* accounts.get(user.id, fine.uniqueId)).toMatchObject({
          status: "active",
          lastSyncedAt: started.data.startedAt
        })
        expect(yield* accounts.get(user.id, paused.uniqueId)).toMatchObject({ status: "active", lastSyncedAt: null })
        // Only the fine account's two events: nothing of the refused calendar, nothing of the paused one.
        expect((yield* busyBlocks.list(user.id)).map((b) => b.title)).toEqual(["Standup", "Dentist"])
        expect(storedJobs().find((stored) => stored["unique_id"] === started.data.syncId)).toMatchObject({
          status: "failed",
          accounts_count: 2,
          imported_events: 2,
          failed_accounts: 1
        })
      }))
  })

  it.effect("the user's ICS feed publishes their own blocks, not the ones a sync imported", () =>
    Effect.gen(function*() {
      const { accounts, busyBlocks, feed, icsTokens, sync } = yield* connectCalendar()
      const user = yield* registerUser("Feed Fay")
      yield* accounts.create(user.id, { provider: "google", email: "ada@gmail.com" })
      yield* busyBlocks.create(user.id, {
        title: "Own block",
        startTime: new Date("2026-03-03T15:00:00Z"),
        endTime: new Date("2026-03-03T16:00:00Z")
      })
      yield* sync.syncUser(user.id)
      expect(yield* busyBlocks.list(user.id)).toHaveLength(3)
      const token = yield* icsTokens.create(user.id, { label: "Feed" })
      const calendar = yield* feed.calendar("my-company", token.token)
      expect(calendar.events.map((event) => event.summary)).toEqual(["Own block"])
    }))

  it.effect("two syncs at once run one after the other: both complete, each event imported once", () =>
    Effect.gen(function*() {
      const { accounts, busyBlocks, sync } = yield* connectCalendar()
      const user = yield* registerUser("Twice")
      yield* accounts.create(user.id, { provider: "google", email: "ada@gmail.com" })
      const [first, second] = yield* Effect.all([sync.syncUser(user.id), sync.syncUser(user.id)], {
        concurrency: 2
      })
      expect((yield* busyBlocks.list(user.id)).map((b) => b.title)).toEqual(["Standup", "Dentist"])
      const jobs = storedJobs().filter((stored) =>
        stored["unique_id"] === first.data.syncId || stored["unique_id"] === second.data.syncId
      )
      expect(jobs.map((job) => job["status"])).toEqual(["completed", "completed"])
    }))

  it.effect("the tenant's sync imports every user's accounts; a user with no account gets nothing", () =>
    Effect.gen(function*() {
      const { accounts, busyBlocks, sync } = yield* connectCalendar()
      const one = yield* registerUser("One")
      const none = yield* registerUser("None")
      yield* accounts.create(one.id, { provider: "google", email: "one@gmail.com" })
      const started = yield* sync.syncTenant()
      expect(started.data.status).toBe("in_progress")
      expect(yield* busyBlocks.list(one.id)).toHaveLength(3)
      expect(yield* busyBlocks.list(none.id)).toEqual([])
      expect(storedJobs().find((stored) => stored["unique_id"] === started.data.syncId)).not.toHaveProperty(
        "user_unique_id"
      )
    }))
})
