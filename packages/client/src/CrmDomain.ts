/**
 * The descriptor of a domain as the client composes it (`CrmDomain.make`, `ClientOf`, `ClientOfAll`),
 * re-exported from `@blocks-crm/core-http/CrmDomain`. Every domain package exports its own descriptor
 * (`import { pipeline } from "@blocks-crm/pipeline/domain"`); a team describes its own domain with
 * `make`. It lives in core-http so that a domain package never depends on this package.
 *
 * @since 0.1.0
 */
export * from "@blocks-crm/core-http/CrmDomain"
