/**
 * The domains the `crm` CLI reflects its commands from: every domain of `@blocks-crm/sdk`, then any
 * domain of a team's own (the domain generator appends one generated with another scope here).
 *
 * @since 0.1.0
 */
import { domains as sdkDomains } from "@blocks-crm/sdk"

/**
 * The CLI's domains, in the order their commands are listed.
 *
 * @since 0.1.0
 */
export const domains = [...sdkDomains] as const
