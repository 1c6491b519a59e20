/**
 * The compiled decoder as runtimes other than Node, Deno and Bun load it (`#decoding`, the package's
 * `imports`): none until `FastDecode.install` gives one, so a browser bundle carries the compiler only
 * when the app asks for it. `decoding.node.ts` is the same names with the compiler always there.
 *
 * @internal
 */
import type * as AST from "effect/SchemaAST"
import type { FastDecoder } from "./decodeHints.js"

/** The compiled decoder of a `withFastDecode` declaration's schema, projected as declared. */
export type CompileWrapped = (inner: AST.AST, project: string | undefined) => FastDecoder

let installed: CompileWrapped | undefined

/** The compiled decoder of `inner`, or `undefined` when no compiler is installed (Effect's parser decodes). */
export const compiledDecoder = (inner: AST.AST, project: string | undefined): FastDecoder | undefined =>
  installed?.(inner, project)

/** Installs the compiler: documents decoded from now on try it first. Idempotent. */
export const install = (compiler: CompileWrapped): void => {
  installed = compiler
}

/** Whether documents are decoded through the compiler here. */
export const isInstalled = (): boolean => installed !== undefined
