/**
 * `BusyBlocksService.conflicts` against the emulator: the busy intervals overlapping a proposed time,
 * a weekday lunch expanded into the occurrence on the day asked about (the series started weeks
 * before), a one-off block, touching is not overlapping, another user's blocks never count, blocks a
 * sync imported count; and a proposed time that is not one is `InvalidInput`, nothing sent.
 */
import { describe, expect, layer } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as TestEmulator from "../support/TestEmulator.js"
import { expectTag } from "../support/TestEmulator.js"
import { connectCalendar, registerUser } from "./CalendarClient.js"

const at = (iso: string) => new Date(iso)

layer(TestEmulator.layer(), { excludeTestServices: true })("busy block conflicts on the emulator", (it) => {
  describe("conflicts", () => {
    it.effect("answers the occurrences overlapping the proposed time, recurring ones expanded", () =>
      Effect.gen(function*() {
        const { busyBlocks, sent } = yield* connectCalendar()
        const user = yield* registerUser("Busy Bea")
        const other = yield* registerUser("Other Otto")
        // Weekday lunch from Monday 2 March 2026; a one-off review on Wednesday 11 March.
        const lunch = yield* busyBlocks.create(user.id, {
          title: "Lunch",
          startTime: at("2026-03-02T12:00:00Z"),
          endTime: at("2026-03-02T13:00:00Z"),
          recurring: true,
          recurrenceRule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
        })
        const review = yield* busyBlocks.create(user.id, {
          title: "Review",
          startTime: at("2026-03-11T12:30:00Z"),
          endTime: at("2026-03-11T14:00:00Z")
        })
        yield* busyBlocks.create(other.id, {
          startTime: at("2026-03-11T12:00:00Z"),
          endTime: at("2026-03-11T18:00:00Z")
        })

        const before = sent.length
        const overlapping = yield* busyBlocks.conflicts(user.id, {
          start: at("2026-03-11T12:45:00Z"),
          end: at("2026-03-11T13:15:00Z")
        })
        // One list request for the whole answer.
        expect(sent.length - before).toBe(1)
        expect(overlapping).toEqual([
          {
            blockId: lunch.uniqueId,
            title: "Lunch",
            start: at("2026-03-11T12:00:00Z"),
            end: at("2026-03-11T13:00:00Z")
          },
          {
            blockId: review.uniqueId,
            title: "Review",
            start: at("2026-03-11T12:30:00Z"),
            end: at("2026-03-11T14:00:00Z")
          }
        ])

        // Touching is not overlapping: 14:00 is when the review ends.
        expect(
          yield* busyBlocks.conflicts(user.id, { start: at("2026-03-11T14:00:00Z"), end: at("2026-03-11T15:00:00Z") })
        )
          .toEqual([])
        // The weekend has no lunch.
        expect(
          yield* busyBlocks.conflicts(user.id, { start: at("2026-03-14T11:00:00Z"), end: at("2026-03-14T14:00:00Z") })
        )
          .toEqual([])
        // A week: five lunches and the review, in order.
        const week = yield* busyBlocks.conflicts(user.id, {
          start: at("2026-03-09T00:00:00Z"),
          end: at("2026-03-16T00:00:00Z")
        })
        expect(week.map((o) => `${o.title} ${o.start.toISOString().slice(5, 16)}`)).toEqual([
          "Lunch 03-09T12:00",
          "Lunch 03-10T12:00",
          "Lunch 03-11T12:00",
          "Review 03-11T12:30",
          "Lunch 03-12T12:00",
          "Lunch 03-13T12:00"
        ])
      }))

    it.effect("counts the busy blocks a calendar sync imported", () =>
      Effect.gen(function*() {
        const { accounts, busyBlocks, sync } = yield* connectCalendar()
        const user = yield* registerUser("Synced Sid")
        yield* accounts.create(user.id, { provider: "google", email: "sid@gmail.com" })
        const started = yield* sync.syncUser(user.id)
        const imported = yield* busyBlocks.list(user.id)
        expect(imported.length).toBeGreaterThan(0)
        const first = imported[0]!
        const overlapping = yield* busyBlocks.conflicts(user.id, { start: first.startTime, end: first.endTime })
        expect(overlapping.map((o) => o.blockId)).toEqual([first.uniqueId])
        expect(first.startTime.getTime()).toBeGreaterThanOrEqual(
          Math.floor(started.data.startedAt.getTime() / 86_400_000) * 86_400_000
        )
      }))

    it.effect("a proposed time that ends before it starts, or is empty, or not a date, is InvalidInput; nothing is sent", () =>
      Effect.gen(function*() {
        const { busyBlocks, sent } = yield* connectCalendar()
        const start = at("2026-03-11T12:00:00Z")
        const before = sent.length
        const backwards = expectTag(
          yield* Effect.flip(busyBlocks.conflicts("u-1", { start, end: at("2026-03-11T11:00:00Z") })),
          "InvalidInput"
        )
        expect(backwards.operation).toBe("busyBlocks.conflicts")
        expect(backwards.issues.map((issue) => issue.path)).toEqual(["end"])
        expectTag(yield* Effect.flip(busyBlocks.conflicts("u-1", { start, end: start })), "InvalidInput")
        expectTag(yield* Effect.flip(busyBlocks.conflicts("u-1", { start, end: new Date("nope") })), "InvalidInput")
        expectTag(
          yield* Effect.flip(busyBlocks.conflicts("u-1", { start: "2026-03-11T12:00:00Z", end: start } as never)),
          "InvalidInput"
        )
        expectTag(
          yield* Effect.flip(
            busyBlocks.conflicts("u-1", { start, end: at("2026-03-11T13:00:00Z"), until: 1 } as never)
          ),
          "InvalidInput"
        )
        expectTag(
          yield* Effect.flip(busyBlocks.conflicts("u/1", { start, end: at("2026-03-11T13:00:00Z") })),
          "InvalidInput"
        )
        expect(sent.length).toBe(before)
      }))
  })
})
