/**
 * `#decoding` as Node, Deno and Bun load it (the package's `imports`, `node` condition): the compiled
 * decoder is always there, as servers and scripts decode large pages. Same names as `decoding.ts`.
 *
 * @internal
 */
import type * as Default from "./decoding.js"
import { compileWrapped } from "./fastDecode.js"

/** @internal */
export type CompileWrapped = Default.CompileWrapped

/** @internal */
export const compiledDecoder: typeof Default.compiledDecoder = compileWrapped

/** @internal */
export const install: typeof Default.install = () => {}

/** @internal */
export const isInstalled: typeof Default.isInstalled = () => true
