/**
 * Cal.com's webhook signature, for teams that receive Cal.com webhooks themselves (`verify`) and for
 * sending test bookings (`sign`): `X-Cal-Signature-256` = hex HMAC-SHA256(secret, raw body). Web Crypto
 * (Node 20, browsers, workers): the comparison is `crypto.subtle.verify`, which does not leak timing.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"

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

const encoder = new TextEncoder()

const hmacKey = (secret: Redacted.Redacted<string>) =>
  Effect.promise(() =>
    globalThis.crypto.subtle.importKey(
      "raw",
      encoder.encode(Redacted.value(secret)),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"]
    )
  )

const toHex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("")

const fromHex = (hex: string): Uint8Array<ArrayBuffer> | undefined =>
  /^(?:[0-9a-fA-F]{2})+$/.test(hex) ? Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16)) : undefined

/**
 * The `X-Cal-Signature-256` of a raw body: hex HMAC-SHA256 with the secret.
 *
 * @since 0.1.0
 */
export const sign = (secret: Redacted.Redacted<string>, rawBody: string): Effect.Effect<string> =>
  Effect.flatMap(
    hmacKey(secret),
    (key) =>
      Effect.map(Effect.promise(() => globalThis.crypto.subtle.sign("HMAC", key, encoder.encode(rawBody))), toHex)
  )

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
    const mac = fromHex(input.signature.trim())
    if (mac === undefined) return yield* new CalcomSignatureRejected({ reason: "bad_signature" })
    const key = yield* hmacKey(input.secret)
    const valid = yield* Effect.promise(() =>
      globalThis.crypto.subtle.verify("HMAC", key, mac, encoder.encode(input.rawBody))
    )
    if (!valid) return yield* new CalcomSignatureRejected({ reason: "bad_signature" })
  })
