/**
 * The calendar's lists that filter and sort (issue 31): busy blocks by overlap with a window
 * (`start_time`/`end_time`, a recurring block by its series), calendar accounts by provider, sync and
 * status, each in the order `sort` asks.
 */
import { expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestEmulator from "../support/TestEmulator.js"
import { expectTag, raw } from "../support/TestEmulator.js"
import type { WireErrors } from "../support/TestEmulator.js"
import { connectCalendar, registerUser } from "./CalendarClient.js"

const at = (time: string) => new Date(`2026-03-02T${time}:00Z`)

layer(TestEmulator.layer(), { excludeTestServices: true })("calendar lists that filter and sort", (it) => {
  it.effect("busy blocks overlapping a window: ending at or after its start, starting at or before its end", () =>
    Effect.gen(function*() {
      const user = yield* registerUser("Window")
      const { busyBlocks, sent } = yield* connectCalendar()
      const block = (title: string, start: string, end: string) =>
        busyBlocks.create(user.id, { title, startTime: at(start), endTime: at(end), recurring: false })
      yield* block("early", "08:00", "09:00")
      yield* block("touching start", "09:00", "10:00")
      yield* block("inside", "10:15", "10:45")
      // Ends half a second before the window: stored with milliseconds, beside instants stored without.
      yield* busyBlocks.create(user.id, {
        title: "just before",
        startTime: at("09:30"),
        endTime: new Date("2026-03-02T09:59:59.500Z"),
        recurring: false
      })
      yield* block("across end", "10:30", "12:00")
      yield* block("late", "12:30", "13:00")
      // A weekly series whose first occurrence is a week before the window still counts.
      yield* busyBlocks.create(user.id, {
        title: "weekly",
        startTime: new Date("2026-02-23T07:00:00Z"),
        endTime: new Date("2026-02-23T07:30:00Z"),
        recurring: true,
        recurrenceRule: "FREQ=WEEKLY"
      })

      const window = yield* busyBlocks.list(user.id, {
        startTime: at("10:00"),
        endTime: at("11:00"),
        sort: "startTime"
      })
      expect(window.map((b) => b.title)).toEqual(["weekly", "touching start", "inside", "across end"])
      expect(sent.at(-1)?.query).toEqual({
        start_time: "2026-03-02T10:00:00Z",
        end_time: "2026-03-02T11:00:00Z",
        sort: "start_time"
      })
      const after = yield* busyBlocks.list(user.id, { startTime: at("12:15"), sort: "-endTime" })
      expect(after.map((b) => b.title)).toEqual(["late", "weekly"])
      const before = yield* busyBlocks.list(user.id, { endTime: at("08:30") })
      expect(before.map((b) => b.title)).toEqual(["early", "weekly"])
      // The occurrences of a range read only the blocks that overlap it, and still expand the series.
      const busy = yield* busyBlocks.occurrences(user.id, at("06:00"), at("09:30"))
      expect(busy.map((o) => o.title)).toEqual(["weekly", "early", "touching start"])
    }))

  it.effect("calendar accounts by provider and sync_enabled (true/false on the wire), in sort order", () =>
    Effect.gen(function*() {
      const user = yield* registerUser("Accounts")
      const { accounts, sent } = yield* connectCalendar()
      const work = yield* accounts.create(user.id, { provider: "google", email: "b-work@example.com" })
      yield* accounts.create(user.id, { provider: "outlook", email: "c-office@example.com" })
      yield* accounts.create(user.id, { provider: "google", email: "a-home@example.com" })
      yield* accounts.update(user.id, work.uniqueId, { syncEnabled: false })

      const google = yield* accounts.list(user.id, { provider: "google", sort: "email" })
      expect(google.map((a) => a.email)).toEqual(["a-home@example.com", "b-work@example.com"])
      const paused = yield* accounts.list(user.id, { syncEnabled: false })
      expect(paused.map((a) => a.email)).toEqual(["b-work@example.com"])
      expect(sent.at(-1)?.query).toEqual({ sync_enabled: "false" })
      const syncing = yield* accounts.list(user.id, { syncEnabled: true, sort: "-email" })
      expect(syncing.map((a) => a.email)).toEqual(["c-office@example.com", "a-home@example.com"])
      expect(yield* accounts.list(user.id, { status: "error" })).toEqual([])
    }))

  it.effect("an unknown provider or sort field is InvalidInput before sending, and a 422 when sent anyway", () =>
    Effect.gen(function*() {
      const user = yield* registerUser("Refused")
      const { accounts, busyBlocks, sent } = yield* connectCalendar()
      expectTag(yield* Effect.flip(accounts.list(user.id, { provider: "yahoo" as "google" })), "InvalidInput")
      expectTag(yield* Effect.flip(busyBlocks.list(user.id, { sort: "title" as "startTime" })), "InvalidInput")
      expect(sent).toHaveLength(0)
      const response = yield* raw<WireErrors>("GET", `/users/${user.id}/busy_blocks?start_time=yesterday`)
      expect(response.status, response.text).toBe(422)
      expect(response.json.errors[0]).toMatchObject({ status: "422", source: { parameter: "start_time" } })
    }))
})
