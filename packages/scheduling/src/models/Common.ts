/**
 * Pieces every scheduling model shares: the record status set, free-form payloads, and a time range
 * check (a meeting, an event and a Zoom booking all start before they end).
 *
 * @since 0.1.0
 */
import * as Fields from "@blocks-crm/core-http/Fields"
import * as Schema from "effect/Schema"

/**
 * A record's status, the official SDK's status set (it reads any other value as `active`; here another
 * value is a decode error).
 *
 * @since 0.1.0
 */
export const RecordStatus = Schema.Literal("active", "inactive", "pending", "archived", "deleted")
/**
 * A record's status: one of the values this SDK knows, as requests take them (a response may carry others,
 * kept as sent: `Fields.Open<RecordStatus>`).
 *
 * @since 0.1.0
 */
export type RecordStatus = typeof RecordStatus.Type

/**
 * Free-form data attached to a record.
 *
 * @since 0.1.0
 */
export const Payload = Schema.Record({ key: Schema.String, value: Schema.Unknown }).annotations({
  identifier: "Payload",
  // Values that survive JSON unchanged, for property tests.
  arbitrary: () => (fc) =>
    fc.dictionary(
      fc.constantFrom("source", "tier", "region", "room"),
      fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean())
    )
})

/**
 * An instant in a request (`Date`, sent as ISO 8601). Property tests generate whole seconds between
 * 1970 and 2100, instants the API can carry.
 *
 * @since 0.1.0
 */
export const InputTimestamp = Fields.Timestamp.annotations({
  arbitrary: () => (fc) => fc.integer({ min: 0, max: 4_102_444_800 }).map((seconds) => new Date(seconds * 1000))
})

/**
 * The rule "starts before it ends", for a request holding `startTime` and `endTime` (either may be
 * absent on an update: the server checks the stored one).
 *
 * @since 0.1.0
 */
export const startsBeforeEnd = <
  A extends { readonly startTime?: Date | undefined; readonly endTime?: Date | undefined }
>(
  input: A
) =>
  input.startTime === undefined || input.endTime === undefined || input.startTime.getTime() < input.endTime.getTime()
    ? true
    : { path: ["endTime"], message: "must be after startTime" }

/**
 * An absolute http(s) URL, as a string.
 *
 * @since 0.1.0
 */
export const HttpUrl = Schema.String.pipe(
  Schema.filter((s) => {
    if (!/^https?:\/\/[^\s]+$/.test(s)) return `Expected an http(s) URL, got ${JSON.stringify(s)}`
    try {
      new URL(s)
      return true
    } catch {
      return `Expected an http(s) URL, got ${JSON.stringify(s)}`
    }
  })
).annotations({ identifier: "HttpUrl", arbitrary: () => (fc) => fc.webUrl({ validSchemes: ["https"] }) })
