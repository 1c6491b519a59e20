/**
 * What the schemas of this package tell the compiled decoder (`fastDecode.ts`), kept apart from the
 * compiler itself: hand-written fast decoders are declared here (`Fields`' codecs get theirs from
 * `fieldDecoders.ts` when the compiler first runs), and a bundle that never compiles a decoder (a
 * browser page that has not asked for it, see `FastDecode`) carries these few lines and not the
 * compiler.
 *
 * @internal
 */
import type * as AST from "effect/SchemaAST"

/** "Not decoded here": run Effect's parser instead. */
export const Fallback: unique symbol = Symbol.for("@blocks-crm/core-http/fastDecode/Fallback")

/** A compiled decoder: the decoded value, or `Fallback`. */
export type FastDecoder = (input: unknown, options: AST.ParseOptions) => unknown

/** The compiler, as a hand-written decoder that needs another node's decoder receives it. */
export type Compile = (ast: AST.AST) => FastDecoder

/** Nodes given a hand-written decoder (`withFastDecoder`), or a function of the compiler that makes one. */
export const customDecoders = new WeakMap<AST.AST, FastDecoder | { readonly of: (compile: Compile) => FastDecoder }>()

/** The inline tests that nodes with a hand-written decoder came with (`withFastDecoder`'s `test`). */
export const customTests = new WeakMap<AST.AST, (x: string) => string>()

/**
 * Gives `schema` a hand-written fast decoder. It must answer exactly what Effect's parser answers
 * for `schema` on every input it accepts (and `Fallback` otherwise): the codecs of this package share
 * it with every schema that contains them. `{ of }` receives the compiler, for a decoder that runs
 * another schema's compiled decoder (compiled once, on first use).
 *
 * `test`, for a decoder that answers its input or `Fallback`: the same decision as the source of a
 * JavaScript test of a variable (true exactly when the decoder answers its input), which generated
 * struct code then runs in line instead of calling the decoder.
 */
export const withFastDecoder = <S extends { readonly ast: AST.AST }>(
  schema: S,
  decoder: FastDecoder | { readonly of: (compile: Compile) => FastDecoder },
  test?: (x: string) => string
): S => {
  customDecoders.set(schema.ast, decoder)
  if (test !== undefined) customTests.set(schema.ast, test)
  return schema
}

/**
 * The factories of `withFastDecode` declarations (`documentDecode.ts`), and the projection each one
 * was given: the compiler decodes such a declaration nested in another in line.
 */
export const factories = new WeakMap<Function, string | undefined>()

/**
 * Options under which the fast path's output is the parser's output (they only change failures).
 * `exact` is not among them: it makes a required key that is only inherited missing, which the
 * compiled checks do not look for.
 */
export const isDefaultShape = (options: AST.ParseOptions | undefined): boolean =>
  options === undefined ||
  ((options.onExcessProperty === undefined || options.onExcessProperty === "ignore") &&
    (options.propertyOrder === undefined || options.propertyOrder === "none") && options.exact !== true)
