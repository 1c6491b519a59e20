/**
 * Cal.com's webhook signature, for teams that receive Cal.com webhooks themselves (`verify`) and for
 * sending test bookings (`sign`): `X-Cal-Signature-256` = hex HMAC-SHA256(secret, raw body). Web Crypto
 * (Node 20, browsers, workers): the comparison is `crypto.subtle.verify`, which does not leak timing.
 *
 * @since 0.1.0
 */
import * as HmacSha256 from "@blocks-crm/core-http/HmacSha256"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"

/**
 * The header Cal.com signs with.
 *
 * @since 0.1.0
 */
export const headerName = "x-cal-signature-256"

/**
 * Why a webhook request was refused. It never carries the secret or the signature.
 *
 * @since 0.1.0
 * @category errors
 */
export class CalcomSignatureRejected extends Data.TaggedError("CalcomSignatureRejected")<{
  readonly reason: "missing_signature" | "bad_signature"
}> {
  override get message() {
    return `Cal.com webhook refused: ${this.reason.replace(/_/g, " ")}`
  }
}

/**
 * The `X-Cal-Signature-256` of a raw body: hex HMAC-SHA256 with the secret.
 *
 * @since 0.1.0
 */
export const sign = (secret: Redacted.Redacted<string>, rawBody: string): Effect.Effect<string> =>
  HmacSha256.hex(secret, rawBody)

/**
 * Checks a request's `X-Cal-Signature-256` against its raw body, in constant time.
 *
 * @since 0.1.0
 */
export const verify = (input: {
  readonly secret: Redacted.Redacted<string>
  readonly signature: string | undefined
  readonly rawBody: string
}): Effect.Effect<void, CalcomSignatureRejected> =>
  Effect.gen(function*() {
    if (input.signature === undefined || input.signature === "") {
      return yield* new CalcomSignatureRejected({ reason: "missing_signature" })
    }
    const valid = yield* HmacSha256.verifyHex(input.secret, input.signature.trim(), input.rawBody)
    if (!valid) return yield* new CalcomSignatureRejected({ reason: "bad_signature" })
  })
