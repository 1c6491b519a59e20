/**
 * The reference app: the README's example files (`examples/`, compiled and tested) and the list of
 * domains this repository composes (`domains`, where the domain generator adds a team's own). The
 * `crm` CLI and the demo are the `@blocks-crm/cli` package.
 *
 * @since 0.1.0
 */
export { domains } from "./domains.js"
