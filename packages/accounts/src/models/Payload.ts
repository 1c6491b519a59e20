/**
 * Free-form data attached to a record (the official SDK's `payload`).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * Free-form data the caller attaches to a record: a JSON object.
 *
 * @since 0.1.0
 */
export const Payload = Schema.Record({ key: Schema.String, value: Schema.Unknown }).annotations({
  identifier: "Payload",
  // Values that survive JSON unchanged, for property tests.
  arbitrary: () => (fc) =>
    fc.dictionary(
      fc.constantFrom("source", "tier", "region", "segment"),
      fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean())
    )
})
