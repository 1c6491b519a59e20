/**
 * The value codecs refuse what the API cannot mean: a day the month does not have is an error, never
 * rolled over to the next month (Date.parse turns 2026-02-30 into March 2).
 */
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { CalendarDate, Timestamp } from "../src/Fields.js"

const decodeTimestamp = Schema.decodeUnknownEither(Timestamp)
const decodeDate = Schema.decodeUnknownEither(CalendarDate)

describe("Fields", () => {
  it("Timestamp refuses days the month does not have, in both the fast and the full decoder", () => {
    for (
      const impossible of [
        "2026-02-30T10:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z"
      ]
    ) {
      expect(Either.isLeft(decodeTimestamp(impossible)), impossible).toBe(true)
      expect(
        Either.isLeft(Schema.decodeUnknownEither(Schema.Struct({ at: Timestamp }))({ at: impossible })),
        impossible
      )
        .toBe(true)
    }
  })

  it("Timestamp accepts real instants, leap days included, with their zone", () => {
    expect(decodeTimestamp("2028-02-29T23:30:00-02:00")).toEqual(Either.right(new Date("2028-03-01T01:30:00Z")))
    expect(decodeTimestamp("2026-12-31T00:00:00Z")).toEqual(Either.right(new Date(Date.UTC(2026, 11, 31))))
    expect(Either.isLeft(decodeTimestamp("2027-02-29T00:00:00Z"))).toBe(true)
  })

  it("CalendarDate refuses an impossible date and keeps a real one as written", () => {
    expect(Either.isLeft(decodeDate("2026-02-30"))).toBe(true)
    expect(decodeDate("2026-02-28")).toEqual(Either.right("2026-02-28"))
  })
})
