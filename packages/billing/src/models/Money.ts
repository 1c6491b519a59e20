/**
 * Exact money. An amount is a decimal string (`"33.33"`), never a float: the API may send a JSON number
 * or a string, and a number is read back from its shortest decimal text (`33.33` → `"33.33"`), which is
 * the text the JSON carried, so nothing is multiplied as a float. Sums and comparisons go through integer
 * minor units (`bigint`), scaled by the currency's exponent.
 *
 * Currencies are ISO 4217 codes as ICU knows them (`Intl.supportedValuesOf("currency")`, Node's full
 * ICU), and each code's minor-unit exponent is ICU's (`Intl.NumberFormat` `maximumFractionDigits`: USD 2,
 * JPY 0, KWD 3). ICU ships with Node and every browser and is updated with them, so no table is kept here.
 *
 * @since 0.1.0
 */
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

const decimalText = /^\d+(\.\d+)?$/

/**
 * The exact decimal text of a finite JavaScript number, from its shortest round-trip form (exponent
 * notation written out): `33.33` → `"33.33"`, `1e21` → `"1000000000000000000000"`.
 *
 * @since 0.1.0
 */
export const numberToDecimalText = (n: number): string => {
  const text = String(n)
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (match === null) return text
  const [, sign, whole, fraction = "", exponentText] = match
  const digits = whole! + fraction
  const point = whole!.length + Number(exponentText)
  const body = point <= 0
    ? `0.${"0".repeat(-point)}${digits}`
    : point >= digits.length
    ? digits + "0".repeat(point - digits.length)
    : `${digits.slice(0, point)}.${digits.slice(point)}`
  return sign + body
}

/**
 * A non-negative decimal amount as text (`"100.00"`, `"0.1"`, `"1500"`). The wire may carry it as a
 * JSON number or a string; it is always sent as a string.
 *
 * @since 0.1.0
 */
export const DecimalString = Schema.String.pipe(
  Schema.filter((s) => decimalText.test(s) || `Expected a non-negative decimal like "33.33", got ${JSON.stringify(s)}`)
).annotations({
  identifier: "DecimalAmount",
  description: "A non-negative decimal amount, as a string",
  // Whole amounts and amounts in cents, for property tests (every currency takes those).
  arbitrary: () => (fc) =>
    fc.oneof(
      fc.bigInt({ min: 0n, max: 10_000_000n }).map(String),
      fc.bigInt({ min: 0n, max: 10_000_000n }).map((n) => `${n / 100n}.${String(n % 100n).padStart(2, "0")}`)
    )
})

/**
 * An amount as the model holds it: exact decimal text. Decodes a string, or a JSON number through its
 * shortest decimal text; encodes to a string.
 *
 * @since 0.1.0
 */
export const Amount: Schema.Schema<string, string | number> = Schema.Union(
  DecimalString,
  Schema.transformOrFail(Schema.Number, DecimalString, {
    strict: true,
    decode: (n, _, ast) =>
      Number.isFinite(n) && n >= 0
        ? ParseResult.succeed(numberToDecimalText(n))
        : ParseResult.fail(new ParseResult.Type(ast, n, `Expected a non-negative finite amount, got ${n}`)),
    encode: (s) => ParseResult.succeed(Number(s))
  })
).annotations({ identifier: "Amount" })

let currencies: ReadonlySet<string> | undefined
const known = (code: string) => (currencies ??= new Set(Intl.supportedValuesOf("currency"))).has(code)

/**
 * Whether `code` is an ISO 4217 currency code (upper case, as ICU knows it).
 *
 * @since 0.1.0
 */
export const isCurrency = (code: string): boolean => /^[A-Z]{3}$/.test(code) && known(code)

/**
 * An ISO 4217 currency code (`USD`, `EUR`, `JPY`), checked against ICU's list.
 *
 * @since 0.1.0
 */
export const Currency = Schema.String.pipe(
  Schema.filter((s) => isCurrency(s) || `Expected an ISO 4217 currency code like "USD", got ${JSON.stringify(s)}`)
).annotations({
  identifier: "Currency",
  description: "ISO 4217 code",
  arbitrary: () => (fc) => fc.constantFrom("USD", "EUR", "GBP", "JPY", "KWD")
})

const exponents = new Map<string, number>()

/**
 * The number of minor-unit digits of a currency (USD 2, JPY 0, KWD 3), from ICU.
 *
 * @since 0.1.0
 */
export const minorDigits = (currency: string): number => {
  let digits = exponents.get(currency)
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
    exponents.set(currency, digits)
  }
  return digits
}

/**
 * The amount in minor units of the currency (`"33.33"` USD → `3333n`), or none when it has more decimals
 * than the currency allows (`"0.5"` JPY) or is not a decimal.
 *
 * @since 0.1.0
 */
export const toMinor = (amount: string, currency: string): Option.Option<bigint> => {
  if (!decimalText.test(amount)) return Option.none()
  const digits = minorDigits(currency)
  const [whole, fraction = ""] = amount.split(".")
  const significant = fraction.replace(/0+$/, "")
  if (significant.length > digits) return Option.none()
  return Option.some(BigInt(whole! + fraction.padEnd(digits, "0").slice(0, digits)))
}

/**
 * Minor units back to an amount with the currency's digits (`3333n` USD → `"33.33"`, `1500n` JPY →
 * `"1500"`).
 *
 * @since 0.1.0
 */
export const fromMinor = (minor: bigint, currency: string): string => {
  const digits = minorDigits(currency)
  const negative = minor < 0n
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, "0")
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`
  return negative ? `-${body}` : body
}

/**
 * Whether the amount fits the currency's minor units (no more decimals than it has).
 *
 * @since 0.1.0
 */
export const fitsCurrency = (amount: string, currency: string): boolean =>
  !isCurrency(currency) || Option.isSome(toMinor(amount, currency))

/**
 * The exact sum of amounts in one currency, in minor units; none when one does not fit the currency.
 *
 * @since 0.1.0
 */
export const sumMinor = (amounts: ReadonlyArray<string>, currency: string): Option.Option<bigint> =>
  Option.map(
    Option.all(amounts.map((amount) => toMinor(amount, currency))),
    (minors) => minors.reduce((total, minor) => total + minor, 0n)
  )
