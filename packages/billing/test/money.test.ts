/**
 * Exact money: JSON numbers read from their decimal text, minor units per ICU currency, and sums that
 * stay exact where floats do not (0.1 + 0.2, 33.33 × 3 + 0.01).
 */
import { Money } from "@blocks-crm/billing"
import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"

const decode = Schema.decodeUnknownEither(Money.Amount)

describe("Money", () => {
  it("a JSON number decodes to the decimal text it was written as", () => {
    const body = JSON.parse(`{"a": 33.33, "b": 0.1, "c": 1e21, "d": 1.5e-7, "e": 100, "f": 0.30000000000000004}`)
    expect(Object.values(body).map((n) => Either.getOrThrow(decode(n)))).toEqual([
      "33.33",
      "0.1",
      "1000000000000000000000",
      "0.00000015",
      "100",
      "0.30000000000000004"
    ])
    expect(Either.getOrThrow(decode("150.50"))).toBe("150.50")
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, "1,00", "1e3", "-2", "", " 1"]) {
      expect(Either.isLeft(decode(bad)), String(bad)).toBe(true)
    }
  })

  it("minor units follow the currency (ICU): USD 2, JPY 0, KWD 3", () => {
    expect([Money.minorDigits("USD"), Money.minorDigits("JPY"), Money.minorDigits("KWD")]).toEqual([2, 0, 3])
    expect(Money.toMinor("33.33", "USD")).toEqual(Option.some(3333n))
    expect(Money.toMinor("0.1", "USD")).toEqual(Option.some(10n))
    expect(Money.toMinor("1500", "JPY")).toEqual(Option.some(1500n))
    expect(Money.toMinor("1500.00", "JPY")).toEqual(Option.some(1500n))
    expect(Money.toMinor("0.5", "JPY")).toEqual(Option.none())
    expect(Money.toMinor("1.2345", "KWD")).toEqual(Option.none())
    expect(Money.fromMinor(3333n, "USD")).toBe("33.33")
    expect(Money.fromMinor(5n, "USD")).toBe("0.05")
    expect(Money.fromMinor(1500n, "JPY")).toBe("1500")
    expect(Money.fromMinor(1234n, "KWD")).toBe("1.234")
  })

  it("only ISO 4217 codes ICU knows are currencies", () => {
    expect(["USD", "EUR", "JPY", "CHF"].every(Money.isCurrency)).toBe(true)
    expect(["usd", "XYZ", "EURO", "", "US"].some(Money.isCurrency)).toBe(false)
  })

  it("sums are exact where floats are not", () => {
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(Money.sumMinor(["0.1", "0.2"], "USD").pipe(Option.map((m) => Money.fromMinor(m, "USD")))).toEqual(
      Option.some("0.30")
    )
    expect(Money.sumMinor(["33.33", "33.33", "33.34"], "USD")).toEqual(Option.some(10_000n))
    expect(Money.sumMinor(["33.33", "0.001"], "USD")).toEqual(Option.none())
  })

  it("minor units round-trip through their text for any amount (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 20n }),
        fc.constantFrom("USD", "JPY", "KWD"),
        (minor, currency) => Option.getOrThrow(Money.toMinor(Money.fromMinor(minor, currency), currency)) === minor
      )
    )
  })

  it("a number with at most 15 significant digits decodes to the text that wrote it (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.integer({ min: 0, max: 4 }), (digits, scale) => {
        const text = scale === 0
          ? String(digits)
          : `${digits / 10n ** BigInt(scale)}.${String(digits % 10n ** BigInt(scale)).padStart(scale, "0")}`
        const decoded = Either.getOrThrow(decode(JSON.parse(text)))
        // The JSON number loses trailing zeros of the fraction ("1.50" is the number 1.5), never a digit.
        return decoded === text.replace(/\.?0+$/, (tail) => (text.includes(".") ? "" : tail))
      })
    )
  })
})
