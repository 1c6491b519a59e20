/**
 * The hand-written fast decoders of `Fields`' codecs, for the compiled decoder (`fastDecode.ts`) only:
 * kept out of `Fields` so that a bundle that never compiles a decoder (a browser page that has not
 * asked for it, see `FastDecode`) does not carry them. They are registered on the compiler's first
 * use, not when this module loads: `Fields` imports the compiler (through `#decoding` on Node), so
 * its codecs may not exist yet then.
 *
 * @internal
 */
import type * as AST from "effect/SchemaAST"
import { parseTimestamp } from "#decoding"
import { Decimal, KnownValues, Percentage, Timestamp } from "../Fields.js"
import { customDecoders, Fallback, withFastDecoder } from "./decodeHints.js"

let registered = false

const anyString = (u: unknown): unknown => (typeof u === "string" ? u : Fallback)
const isStringSource = (x: string): string => `(typeof ${x} === "string")`

/**
 * Registers the codecs' decoders (once), and `ast`'s when it is a `Fields.openEnum` (each call makes a
 * new one): before the compiler looks `ast` up.
 */
export const registerFieldDecoders = (ast: AST.AST): void => {
  if (!registered) {
    registered = true
    // Lists decode thousands of these: the same parse, without an Either per value.
    withFastDecoder(Timestamp, (u) => {
      if (typeof u !== "string") return Fallback
      const time = parseTimestamp(u)
      return Number.isNaN(time) ? Fallback : new Date(time)
    })
    // A number is itself when finite (the first member's filter is `Number.isFinite`); a string is the
    // second member's, compiled once.
    withFastDecoder(Decimal, {
      of: (compile) => {
        const decodeString = compile((Decimal.ast as AST.Union).types[1]!)
        return (u, options) =>
          typeof u === "number" ? (Number.isFinite(u) ? u : Fallback) : typeof u === "string"
            ? decodeString(u, options)
            : Fallback
      }
    })
    // `Int` is `Number.isSafeInteger`, `between` is both bounds inclusive: the same checks, no `Option` each.
    withFastDecoder(
      Percentage,
      (u) => (typeof u === "number" && Number.isSafeInteger(u) && u >= 0 && u <= 100 ? u : Fallback)
    )
  }
  // An open set's value is any string, tested in line by generated struct code.
  if (ast._tag === "Transformation" && KnownValues in ast.annotations && !customDecoders.has(ast)) {
    withFastDecoder({ ast }, anyString, isStringSource)
  }
}
