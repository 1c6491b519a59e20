/**
 * The domains the reference client composes. Adding a domain, built-in or your own, is one line here.
 *
 * @since 0.1.0
 */
import { pipeline } from "./pipeline.js"

/**
 * @since 0.1.0
 */
export const domains = [
  pipeline
] as const

export { pipeline }
