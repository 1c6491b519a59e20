/**
 * The compiled decoders of the JSON:API documents, for runtimes that do not get them by default. A
 * response body is decoded by a decoder compiled from its schema (several times faster than Effect's
 * parser on a large page, with the same values and the same errors), with Effect's parser where the
 * compiled one declines. Node, Deno and Bun always have it. Browsers and other runtimes decode with
 * Effect's parser unless the app installs the compiler, so a page that lists a few records does not
 * ship it (about 6 KiB gzipped); install it where pages are large.
 *
 * @since 0.4.0
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { install as installCompiler, isInstalled } from "#decoding"
import { compileWrapped } from "./internal/fastDecode.js"

/**
 * Decodes every document from now on through its compiled decoder first, in this page or process.
 * Safe to call more than once; it changes no decoded value, only how fast one is reached.
 *
 * @example
 * ```ts
 * import { FastDecode } from "@blocks-crm/core-http"
 *
 * FastDecode.install()
 * ```
 *
 * @since 0.4.0
 */
export const install = (): void => installCompiler(compileWrapped)

/**
 * Whether documents are decoded through their compiled decoders here: always on Node, Deno and Bun,
 * elsewhere once `install` has run.
 *
 * @since 0.4.0
 */
export const installed: () => boolean = isInstalled

/**
 * `install` as a layer, for an app that composes its client from layers.
 *
 * @example
 * ```ts
 * import { CrmTransport, FastDecode } from "@blocks-crm/core-http"
 * import { LeadsService } from "@blocks-crm/pipeline"
 * import { Layer } from "effect"
 *
 * const leads = LeadsService.Default.pipe(
 *   Layer.provide([CrmTransport.layerFetchFromEnv(), FastDecode.layer])
 * )
 * ```
 *
 * @since 0.4.0
 * @category layers
 */
export const layer: Layer.Layer<never> = Layer.effectDiscard(Effect.sync(install))
