/**
 * `#decoding` as Node, Deno and Bun load it (the package's `imports`, `node` condition): the compiled
 * decoder is always there, and timestamps are read digit by digit where they can be, as servers and
 * scripts decode large pages. Same names as `decoding.ts`.
 *
 * @internal
 */
import type * as Default from "./decoding.js"
import { compileWrapped } from "./fastDecode.js"
import * as Timestamp from "./timestamp.js"

/** @internal */
export type CompileWrapped = Default.CompileWrapped

/** @internal */
export const compiledDecoder: typeof Default.compiledDecoder = compileWrapped

/** @internal */
export const install: typeof Default.install = () => {}

/** @internal */
export const isInstalled: typeof Default.isInstalled = () => true

/** @internal */
export const parseTimestamp: typeof Default.parseTimestamp = Timestamp.parseTimestamp
