/**
 * The reference app: the `crm` CLI and the demo, built on the published packages (`@blocks-crm/sdk`).
 *
 * @since 0.1.0
 */
export { domains } from "./domains.js"
export * as Demo from "./Demo.js"
