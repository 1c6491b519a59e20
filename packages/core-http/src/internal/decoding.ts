/**
 * How documents and timestamps are decoded in runtimes other than Node, Deno and Bun (`#decoding`, the
 * package's `imports`): no compiled decoder until `FastDecode.install` gives one, and timestamps read
 * by the reference reading, so a browser bundle carries neither the compiler nor the hand-written
 * timestamp reader unless the app asks for them. `decoding.node.ts` has the same names with both.
 *
 * @internal
 */
import type * as AST from "effect/SchemaAST"
import type { FastDecoder } from "./decodeHints.js"
import { parseTimestampReference } from "./timestamp.js"

/**
 * The instant of an ISO 8601 date-time, or NaN (`Fields.Timestamp`): here the reference reading; Node
 * also has the digit-by-digit reading of the common shapes, which gives the same instants faster.
 */
export const parseTimestamp: (s: string) => number = parseTimestampReference

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
