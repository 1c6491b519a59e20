import { describe, expect, it } from "@effect/vitest"
import { interleavedSync, median, percentile, ratios, roundOrder } from "../src/Measure.js"
import { table } from "../src/Report.js"

describe("measurement helpers", () => {
  it("median of odd and even samples, NaN for none", () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })

  it("nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(values, 50)).toBe(50)
    expect(percentile(values, 99)).toBe(99)
    expect(percentile(values, 100)).toBe(100)
    expect(percentile([7], 99)).toBe(7)
  })

  it("alternates the order of variants from round to round", () => {
    expect(roundOrder(["a", "b", "c"], 0)).toEqual(["a", "b", "c"])
    expect(roundOrder(["a", "b", "c"], 1)).toEqual(["c", "b", "a"])
  })

  it("interleaves rounds and reports one sample per variant per round", () => {
    const calls: Array<string> = []
    const samples = interleavedSync(
      [{ name: "a", run: () => calls.push("a") }, { name: "b", run: () => calls.push("b") }],
      { warmup: 1, rounds: 3, iterations: 2 }
    )
    expect(samples["a"]).toHaveLength(3)
    expect(samples["b"]).toHaveLength(3)
    // warmup a, b; then rounds: a a b b | b b a a | a a b b
    expect(calls.join("")).toBe("ab" + "aabb" + "bbaa" + "aabb")
  })

  it("ratios of medians and the median of per-round ratios", () => {
    const r = ratios([2, 4, 6], [1, 2, 3])
    expect(r.ofMedians).toBe(2)
    expect(r.medianOfRounds).toBe(2)
  })

  it("renders a markdown table with right-aligned figures", () => {
    expect(table(["name", "n"], [["x", 1]])).toBe("| name | n |\n| --- | ---: |\n| x | 1 |")
  })
})
