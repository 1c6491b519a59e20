/**
 * Codecs for the value types the API puts on the wire. Each one validates; none supplies a default.
 *
 * @since 0.1.0
 */
import type * as Array from "effect/Array"
import type * as FastCheck from "effect/FastCheck"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { parseTimestamp } from "#decoding"
import { exact, exactNullable } from "./internal/exactOptional.js"

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** The instants `Arbitrary` draws timestamps and calendar dates from: years the wire writes in four digits. */
const arbitraryDate = (fc: typeof FastCheck) =>
  fc.date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })

/**
 * An ISO 8601 date-time with a zone (`2026-01-10T10:30:00Z`), as a `Date`.
 *
 * @since 0.1.0
 */
export const Timestamp: Schema.Schema<Date, string> = /* @__PURE__ */ Schema.transformOrFail(
  /* @__PURE__ */ Schema.String.annotations({ description: "ISO 8601 date-time" }),
  Schema.ValidDateFromSelf,
  {
    strict: true,
    decode: (s, _, ast) => {
      const time = parseTimestamp(s)
      return Number.isNaN(time)
        ? ParseResult.fail(new ParseResult.Type(ast, s, `Expected an ISO 8601 date-time, got ${JSON.stringify(s)}`))
        : ParseResult.succeed(new Date(time))
    },
    encode: (date, _, ast) =>
      Number.isNaN(date.getTime())
        ? ParseResult.fail(new ParseResult.Type(ast, date, "Expected a valid Date"))
        : ParseResult.succeed(date.toISOString().replace(/\.000Z$/, "Z"))
  }
).annotations({
  identifier: "Timestamp",
  jsonSchema: { type: "string", format: "date-time" },
  // Instants the wire carries (four-digit years): `Arbitrary` models then encode.
  arbitrary: () => arbitraryDate
})

/**
 * A calendar date (`2026-06-30`), kept as the string: a date without a zone is not an instant.
 *
 * @since 0.1.0
 */
export const CalendarDate = /* @__PURE__ */ Schema.String.pipe(
  /* @__PURE__ */ Schema.filter((s) => {
    if (!isoDate.test(s)) return `Expected a date as YYYY-MM-DD, got ${JSON.stringify(s)}`
    const d = new Date(`${s}T00:00:00Z`)
    return (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(s)) || `${s} is not a calendar date`
  })
).annotations({
  identifier: "CalendarDate",
  jsonSchema: { type: "string", format: "date" },
  // Random strings are almost never dates: draw days.
  arbitrary: () => (fc) => arbitraryDate(fc).map((d) => d.toISOString().slice(0, 10))
})

const decimalFromString = /* @__PURE__ */ Schema.NumberFromString.pipe(/* @__PURE__ */ Schema.finite())

/**
 * A decimal amount. The reference sends numbers; Rails serializers often send decimals as strings
 * (`"50000.0"`), which are parsed, never defaulted.
 *
 * @since 0.1.0
 */
export const Decimal: Schema.Schema<number, number | string> = /* @__PURE__ */ Schema.Union(
  /* @__PURE__ */ Schema.Number.pipe(/* @__PURE__ */ Schema.finite()),
  decimalFromString
).annotations({ identifier: "Decimal" })

/**
 * Win probability in percent, a whole number from 0 to 100.
 *
 * @since 0.1.0
 */
export const Percentage = /* @__PURE__ */ Schema.Int.pipe(/* @__PURE__ */ Schema.between(0, 100)).annotations({
  identifier: "Percentage",
  description: "whole number from 0 to 100"
})

/**
 * A non-blank string (required names and titles).
 *
 * @since 0.1.0
 */
export const NonBlankString = /* @__PURE__ */ Schema.String.pipe(
  /* @__PURE__ */ Schema.filter((s) => s.trim().length > 0 || "must not be blank")
).annotations({ identifier: "NonBlankString" })

/**
 * A value of a set the API may grow: one of `Known`, or a string this version of the SDK does not know,
 * kept exactly as the server sent it. Editors still complete and narrow the known values; a `switch`
 * over one needs a `default` branch, which is where a newer API's value lands.
 *
 * @since 0.2.0
 */
export type Open<Known extends string> = Known | (string & {})

/**
 * The annotation every `Fields.openEnum` schema carries: the values this SDK knows, in order. Tools
 * that look for a contract's open sets read it (`ast.annotations[Fields.KnownValues]`).
 *
 * @since 0.2.0
 */
export const KnownValues: unique symbol = Symbol.for("@blocks-crm/core-http/Fields/KnownValues")

/**
 * A set of values as a response carries it (`stage: Fields.optional(Fields.openEnum(LeadStage))`): the
 * type keeps `known`'s values and admits any other string, so the day the API adds a value, records
 * carrying it still decode, with the value as sent (never replaced by a known one). Anything but a
 * string is still a decode error naming its path.
 *
 * Encoding (what the emulator writes) takes only `known`'s values: a server built on the contract
 * never sends a value the contract does not list. Requests keep `known` itself, so an unknown value
 * is refused before anything is sent. JSON Schema and OpenAPI list the known values as an `enum`;
 * `Arbitrary` generates known values.
 *
 * @example
 * ```ts
 * import { Fields } from "@blocks-crm/core-http"
 * import { Schema } from "effect"
 *
 * const Stage = Schema.Literal("new", "won")
 * const stage = Schema.decodeUnknownSync(Fields.openEnum(Stage))("nurturing") // "nurturing"
 * const label = stage === "won" ? "won" : `open (${stage})`
 * ```
 *
 * @since 0.2.0
 */
export const openEnum = <Literals extends Array.NonEmptyReadonlyArray<string>>(
  known: Schema.Literal<Literals>
): Schema.Schema<Open<Literals[number]>, string> => {
  const values: ReadonlyArray<string> = known.literals
  const description = AST.getDescriptionAnnotation(known.ast)
  const identifier = AST.getIdentifierAnnotation(known.ast)
  return Schema.transformOrFail(
    Schema.String,
    // `Open<K>` is a string, with the known values named for the type checker.
    Schema.String as Schema.Schema<string> as Schema.Schema<Open<Literals[number]>>,
    {
      strict: true,
      decode: ParseResult.succeed,
      encode: (value) =>
        values.includes(value) ? ParseResult.succeed(value) : ParseResult.fail(new ParseResult.Type(known.ast, value))
    }
  ).annotations({
    ...(identifier._tag === "Some" ? { identifier: identifier.value } : {}),
    // How decode errors name it (`"new" | "won" | string`), rather than `(string <-> string)`.
    title: `${values.map((value) => JSON.stringify(value)).join(" | ")} | string`,
    jsonSchema: {
      type: "string",
      enum: values,
      ...(description._tag === "Some" ? { description: description.value } : {})
    },
    arbitrary: () => (fc) => fc.constantFrom(...values),
    [KnownValues]: values
  })
}

/**
 * An attribute the API may leave out or send as `null`. Both mean "not set": the property is absent
 * from the decoded model, never filled with a default.
 *
 * @since 0.1.0
 */
export const optional = <A, I, R>(schema: Schema.Schema<A, I, R>) => exactNullable(schema)

/**
 * A required attribute whose wire name differs from the model's (`unique_id` → `uniqueId`).
 *
 * @since 0.1.0
 */
export const renamed = <A, I, R, const Key extends PropertyKey>(schema: Schema.Schema<A, I, R>, wireKey: Key) =>
  Schema.propertySignature(schema).pipe(Schema.fromKey(wireKey))

/**
 * An optional (absent or null) attribute whose wire name differs from the model's.
 *
 * @since 0.1.0
 */
export const optionalRenamed = <A, I, R, const Key extends PropertyKey>(
  schema: Schema.Schema<A, I, R>,
  wireKey: Key
) => optional(schema).pipe(Schema.fromKey(wireKey))

/**
 * A resource id as it goes into a URL path: non-blank, and free of characters that would change the
 * path (`/`, `?`, `#`, `%`, whitespace).
 *
 * @since 0.1.0
 */
export const ResourceId = /* @__PURE__ */ Schema.String.pipe(
  /* @__PURE__ */ Schema.filter((s) =>
    (s.length > 0 && /^[^\s/?#%]+$/.test(s)) || "must be a non-blank id without /, ?, #, % or spaces"
  )
).annotations({ identifier: "ResourceId" })

/**
 * A request attribute the caller may leave out (sent only when given; `null` is not accepted).
 *
 * @since 0.1.0
 */
export const optionalInput = <A, I, R>(schema: Schema.Schema<A, I, R>) => exact(schema)

/**
 * A non-negative, finite amount (values, prices, rewards).
 *
 * @since 0.1.0
 */
export const NonNegativeAmount = /* @__PURE__ */ Schema.Number.pipe(
  /* @__PURE__ */ Schema.finite(),
  /* @__PURE__ */ Schema.nonNegative()
).annotations({
  identifier: "NonNegativeAmount"
})

/**
 * An e-mail address, checked only for its shape (`name@domain.tld`); the API has the final word.
 *
 * @since 0.1.0
 */
export const EmailAddress = /* @__PURE__ */ Schema.String.pipe(
  /* @__PURE__ */ Schema.filter((s) =>
    /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) || `Expected an e-mail address, got ${JSON.stringify(s)}`
  )
).annotations({ identifier: "EmailAddress" })

/**
 * A three-letter ISO 4217 currency code in upper case (`USD`, `EUR`).
 *
 * @since 0.1.0
 */
export const CurrencyCode = /* @__PURE__ */ Schema.String.pipe(
  /* @__PURE__ */ Schema.filter((s) =>
    /^[A-Z]{3}$/.test(s) || `Expected a 3-letter ISO 4217 code in upper case, got ${JSON.stringify(s)}`
  )
).annotations({ identifier: "CurrencyCode" })

/**
 * For update requests: at least one attribute must be given.
 *
 * @since 0.1.0
 */
export const atLeastOneAttribute = <S extends Schema.Schema.Any>(schema: S) =>
  schema.pipe(
    Schema.filter((input) => Object.keys(input as object).length > 0 || "give at least one attribute to update")
  )
