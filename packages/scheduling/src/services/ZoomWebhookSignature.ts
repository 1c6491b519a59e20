/**
 * Zoom's webhook signature, for teams that receive Zoom webhooks themselves (`verify`) and for sending
 * test events to the emulator (`sign`): `x-zm-signature` = `v0=` + hex HMAC-SHA256(secret,
 * `v0:{x-zm-request-timestamp}:{raw body}`). Web Crypto (Node 20, browsers, workers): the comparison is
 * `crypto.subtle.verify`, which does not leak timing.
 *
 * @since 0.1.0
 */
import * as HmacSha256 from "@blocks-crm/core-http/HmacSha256"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"

/**
 * How far a timestamp may be from now, in seconds (Zoom's guidance: five minutes).
 *
 * @since 0.1.0
 */
export const defaultToleranceSeconds = 300

/**
 * Why a webhook request was refused. It never carries the secret or the signature.
 *
 * @since 0.1.0
 * @category errors
 */
export class ZoomSignatureRejected extends Data.TaggedError("ZoomSignatureRejected")<{
  readonly reason: "missing_headers" | "bad_timestamp" | "stale_timestamp" | "bad_signature"
}> {
  override get message() {
    return `Zoom webhook refused: ${this.reason.replace(/_/g, " ")}`
  }
}

const hmacHex = HmacSha256.hex

/**
 * The `x-zm-signature` of a raw body sent at `timestamp` (seconds since the epoch).
 *
 * @since 0.1.0
 */
export const sign = (
  secret: Redacted.Redacted<string>,
  timestamp: number | string,
  rawBody: string
): Effect.Effect<string> => Effect.map(hmacHex(secret, `v0:${timestamp}:${rawBody}`), (hex) => `v0=${hex}`)

/**
 * The `encryptedToken` of Zoom's URL validation: hex HMAC-SHA256 of the plain token.
 *
 * @since 0.1.0
 */
export const encryptToken = (secret: Redacted.Redacted<string>, plainToken: string): Effect.Effect<string> =>
  hmacHex(secret, plainToken)

/**
 * Checks a request's signature (in constant time, by Web Crypto) and that its timestamp is within the
 * tolerance of `now` (default: five minutes).
 *
 * @since 0.1.0
 */
export const verify = (input: {
  readonly secret: Redacted.Redacted<string>
  readonly signature: string | undefined
  readonly timestamp: string | undefined
  readonly rawBody: string
  readonly now?: Date | undefined
  readonly toleranceSeconds?: number | undefined
}): Effect.Effect<void, ZoomSignatureRejected> =>
  Effect.gen(function*() {
    const { rawBody, secret, signature, timestamp } = input
    if (signature === undefined || timestamp === undefined) {
      return yield* new ZoomSignatureRejected({ reason: "missing_headers" })
    }
    if (!/^\d{1,12}$/.test(timestamp)) return yield* new ZoomSignatureRejected({ reason: "bad_timestamp" })
    const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000)
    if (Math.abs(nowSeconds - Number(timestamp)) > (input.toleranceSeconds ?? defaultToleranceSeconds)) {
      return yield* new ZoomSignatureRejected({ reason: "stale_timestamp" })
    }
    const valid = signature.startsWith("v0=") &&
      (yield* HmacSha256.verifyHex(secret, signature.slice(3), `v0:${timestamp}:${rawBody}`))
    if (!valid) return yield* new ZoomSignatureRejected({ reason: "bad_signature" })
  })
