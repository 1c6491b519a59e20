/**
 * `Fields.Timestamp` reads the common shapes digit by digit; that reading must give the instant the
 * reference reading (strict regex, impossible-day check, `Date.parse`) gives, and leave every other
 * string to it. Property-based: strings built near the accepted shape, fields in and out of range.
 */
import { describe, expect, it } from "@effect/vitest"
import * as FastCheck from "effect/FastCheck"
import { parseTimestamp, parseTimestampFast, parseTimestampReference } from "../src/internal/timestamp.js"

const pad = (n: number, width: number) => String(n).padStart(width, "0")

/** Date-times near the accepted shape: each part in range most of the time, out of it or malformed sometimes. */
const nearTimestamp = FastCheck.tuple(
  FastCheck.oneof(
    FastCheck.integer({ min: 1000, max: 9999 }).map((y) => pad(y, 4)),
    FastCheck.constantFrom("0000", "0099", "0999", "0100", "99999", "202")
  ),
  FastCheck.constantFrom("-", "-", "-", "/"),
  FastCheck.integer({ min: 0, max: 14 }).map((m) => pad(m, 2)),
  FastCheck.constantFrom("-", "-", "-", "."),
  FastCheck.oneof(FastCheck.integer({ min: 0, max: 32 }).map((d) => pad(d, 2)), FastCheck.constant("1")),
  FastCheck.constantFrom("T", "T", "T", "t", " "),
  FastCheck.oneof(FastCheck.integer({ min: 0, max: 25 }).map((h) => pad(h, 2)), FastCheck.constant("7")),
  FastCheck.integer({ min: 0, max: 61 }).map((m) => `:${pad(m, 2)}`),
  FastCheck.oneof(FastCheck.integer({ min: 0, max: 61 }).map((s) => `:${pad(s, 2)}`), FastCheck.constantFrom("", ":5")),
  FastCheck.oneof(
    FastCheck.constant(""),
    FastCheck.integer({ min: 0, max: 999 }).map((f) => `.${pad(f, 3)}`),
    FastCheck.stringMatching(/^\.\d{0,6}$/)
  ),
  FastCheck.oneof(
    FastCheck.constantFrom("Z", "Z", "z", "", "+00:00", "-00:00", "+0200", "+02", "+24:00", "+23:59", "-12:30"),
    FastCheck.tuple(
      FastCheck.constantFrom("+", "-"),
      FastCheck.integer({ min: 0, max: 25 }),
      FastCheck.integer({ min: 0, max: 61 })
    )
      .map(([sign, h, m]) => `${sign}${pad(h, 2)}:${pad(m, 2)}`)
  ),
  FastCheck.constantFrom("", "", "", "", " ", "Z", "0")
).map((parts) => parts.join(""))

/** Date-times in the shape servers send, every field in range (days up to 31, so some are impossible). */
const serverTimestamp = FastCheck.tuple(
  FastCheck.integer({ min: 1000, max: 9999 }),
  FastCheck.integer({ min: 1, max: 12 }),
  FastCheck.integer({ min: 1, max: 31 }),
  FastCheck.integer({ min: 0, max: 23 }),
  FastCheck.integer({ min: 0, max: 59 }),
  FastCheck.integer({ min: 0, max: 59 }),
  FastCheck.option(FastCheck.integer({ min: 0, max: 999 })),
  FastCheck.option(
    FastCheck.tuple(
      FastCheck.constantFrom("+", "-"),
      FastCheck.integer({ min: 0, max: 23 }),
      FastCheck.integer({ min: 0, max: 59 })
    )
  )
).map(([y, mo, d, h, mi, s, ms, zone]) =>
  `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}` +
  (ms === null ? "" : `.${pad(ms, 3)}`) +
  (zone === null ? "Z" : `${zone[0]}${pad(zone[1], 2)}:${pad(zone[2], 2)}`)
)

describe("Timestamp reading", () => {
  it("the digit-by-digit reading gives the reference reading's instant, or leaves the string to it", () => {
    let decided = 0
    FastCheck.assert(
      FastCheck.property(FastCheck.oneof(serverTimestamp, nearTimestamp, FastCheck.string({ maxLength: 30 })), (s) => {
        const fast = parseTimestampFast(s)
        const reference = parseTimestampReference(s)
        if (fast !== undefined) {
          decided++
          expect(Number.isNaN(reference), s).toBe(false)
          expect(fast, s).toBe(reference)
        }
        expect(parseTimestamp(s), s).toBe(reference)
      }),
      { numRuns: 20_000, seed: 17 }
    )
    // The fast reading did decide a good share of them (the comparison above was exercised).
    expect(decided).toBeGreaterThan(1_000)
  })

  it("reads the server's shapes without the reference, and refuses impossible days", () => {
    for (
      const s of [
        "2026-01-10T10:30:00Z",
        "2026-01-10T10:30:00.123Z",
        "2028-02-29T23:30:00-02:00",
        "2026-12-31T23:59:59.999+05:30"
      ]
    ) {
      expect(parseTimestampFast(s), s).toBe(Date.parse(s))
    }
    for (const s of ["2026-02-30T10:00:00Z", "2027-02-29T00:00:00Z", "2026-04-31T00:00:00Z"]) {
      expect(parseTimestampFast(s), s).toBeUndefined()
      expect(parseTimestamp(s), s).toBeNaN()
    }
  })
})
