/**
 * Hex HMAC-SHA256 over Web Crypto (Node 20, browsers, workers), the primitive webhook signatures are
 * made of (Zoom's `x-zm-signature`, Cal.com's `X-Cal-Signature-256`). `verifyHex` compares with
 * `crypto.subtle.verify`, which does not leak timing. The secret stays `Redacted` up to the key import.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"

const encoder = new TextEncoder()

const keyOf = (secret: Redacted.Redacted<string>) =>
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
 * The hex HMAC-SHA256 of `text` with `secret`.
 *
 * @since 0.2.0
 */
export const hex = (secret: Redacted.Redacted<string>, text: string): Effect.Effect<string> =>
  Effect.flatMap(
    keyOf(secret),
    (key) => Effect.map(Effect.promise(() => globalThis.crypto.subtle.sign("HMAC", key, encoder.encode(text))), toHex)
  )

/**
 * Whether `signature` (hex) is the HMAC-SHA256 of `text` with `secret`, compared in constant time; false
 * for anything that is not hex.
 *
 * @since 0.2.0
 */
export const verifyHex = (
  secret: Redacted.Redacted<string>,
  signature: string,
  text: string
): Effect.Effect<boolean> => {
  const mac = fromHex(signature)
  return mac === undefined
    ? Effect.succeed(false)
    : Effect.flatMap(
      keyOf(secret),
      (key) => Effect.promise(() => globalThis.crypto.subtle.verify("HMAC", key, mac, encoder.encode(text)))
    )
}
